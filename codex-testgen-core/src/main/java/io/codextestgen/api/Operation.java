package io.codextestgen.api;

import java.util.List;
import java.util.Optional;

/**
 * One operation of the spec. {@code security} lists the alternatives (OR) that apply, after the spec's global
 * default; an empty list means no security applies.
 */
public record Operation(
    String operationId,
    HttpMethod method,
    String path,
    List<String> tags,
    String summary,
    boolean deprecated,
    List<Parameter> parameters,
    Optional<RequestBody> requestBody,
    List<ApiResponse> responses,
    List<SecurityRequirement> security,
    String pointer) {

  public Operation {
    tags = List.copyOf(tags);
    parameters = List.copyOf(parameters);
    responses = List.copyOf(responses);
    security = List.copyOf(security);
  }
}
