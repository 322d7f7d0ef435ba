package io.codextestgen.api;

import java.util.List;

/** A request body: its media types in spec order. */
public record RequestBody(boolean required, List<MediaContent> contents, String pointer) {

  public RequestBody {
    contents = List.copyOf(contents);
  }
}
