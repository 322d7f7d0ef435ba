package io.codextestgen.api;

import java.util.List;

/**
 * A documented response: status ("200", "2XX" or "default"), media types, header names, and the OpenAPI links from
 * it to other operations.
 */
public record ApiResponse(String status, List<MediaContent> contents, List<String> headers, List<Link> links) {

  public ApiResponse {
    contents = List.copyOf(contents);
    headers = List.copyOf(headers);
    links = List.copyOf(links);
  }

  public ApiResponse(String status, List<MediaContent> contents, List<String> headers) {
    this(status, contents, headers, List.of());
  }

  /** An OpenAPI link: parameters of {@code operationId} taken from runtime expressions such as $response.body#/id. */
  public record Link(String operationId, java.util.Map<String, String> parameters) {

    public Link {
      parameters = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(parameters));
    }
  }
}
