package io.codextestgen.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.codextestgen.api.Parameter;
import io.codextestgen.api.SchemaNode;
import java.util.List;

/**
 * A request that satisfies the spec, with the values it was built from, so negative families can break exactly one
 * thing in it. {@code suffix} and {@code label} tell body variants apart in names ("_formBody", " (form body)").
 * {@code unfixedPathParameters} are path parameters whose value was made up or taken from an example: no fixture,
 * no enum. {@code bodyValue} is the body sent, {@code completeBody} the body with every optional member as well,
 * for the malformed rows that break those members; {@code parameters} likewise holds every parameter, including
 * optional ones the valid request leaves out.
 */
record ValidRequest(
    String suffix,
    String label,
    RequestPlan request,
    JsonNode bodyValue,
    JsonNode completeBody,
    SchemaNode bodySchema,
    List<ParameterValue> parameters,
    List<String> unfixedPathParameters) {

  /** A parameter and the valid value sent for it. */
  record ParameterValue(Parameter parameter, JsonNode value) {}

  ValidRequest withRequest(RequestPlan newRequest) {
    return new ValidRequest(suffix, label, newRequest, bodyValue, completeBody, bodySchema, parameters,
        unfixedPathParameters);
  }

  boolean hasJsonBody() {
    return request.body() != null && request.body().kind() == BodyPlan.Kind.JSON;
  }
}
