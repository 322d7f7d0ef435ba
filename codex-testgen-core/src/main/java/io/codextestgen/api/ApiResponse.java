package io.codextestgen.api;

import java.util.List;

/** A documented response: status ("200", "2XX" or "default"), media types, and header names. */
public record ApiResponse(String status, List<MediaContent> contents, List<String> headers) {

  public ApiResponse {
    contents = List.copyOf(contents);
    headers = List.copyOf(headers);
  }
}
