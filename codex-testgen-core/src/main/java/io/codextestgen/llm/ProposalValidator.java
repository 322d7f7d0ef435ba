package io.codextestgen.llm;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.codextestgen.api.ApiModel;
import io.codextestgen.api.Operation;
import io.codextestgen.api.Parameter;
import io.codextestgen.api.SchemaCheck;
import io.codextestgen.api.SchemaNode;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Judges a proposal against the spec before anything is rendered: the operation and target exist, a valid value
 * satisfies the schema (inside the valid body it replaces), a malformed one really breaks something or says it
 * breaks a stated rule, sizes are bounded and no control characters slip in.
 */
final class ProposalValidator {

  static final int MAX_VALUE_CHARS = 2000;
  static final int MAX_RATIONALE_CHARS = 300;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ApiModel model;
  private final SchemaCheck check;

  ProposalValidator(ApiModel model) {
    this.model = model;
    this.check = new SchemaCheck(model);
  }

  /** Why the proposal is rejected, or empty when it may be rendered. */
  Optional<String> rejects(Proposal proposal, Operation operation, JsonNode validBody,
      Set<io.codextestgen.config.Family> families) {
    if (!String.valueOf(operation.operationId()).equals(proposal.operationId())) {
      return Optional.of("it names operation '" + proposal.operationId() + "', not " + operation.operationId());
    }
    if (families.stream().noneMatch(family -> family.tag().equals(proposal.family()))) {
      return Optional.of("family '" + proposal.family() + "' is not one the model may touch " + families);
    }
    if (proposal.value() == null || proposal.value().length() > MAX_VALUE_CHARS
        || proposal.rationale() == null || proposal.rationale().length() > MAX_RATIONALE_CHARS) {
      return Optional.of("value or rationale missing or too long");
    }
    if (hasControlCharacters(proposal.value() + proposal.rationale() + proposal.target())) {
      return Optional.of("control characters in the proposal");
    }
    boolean valid = proposal.family().equals(io.codextestgen.config.Family.VALID.tag());
    if (!proposal.expectedStatusClass().equals(valid ? "2xx" : "4xx")) {
      return Optional.of("a " + proposal.family() + " case must expect " + (valid ? "2xx" : "4xx"));
    }
    JsonNode value;
    try {
      value = JSON.readTree(proposal.value());
    } catch (IOException e) {
      return Optional.of("the value is not JSON text");
    }
    if (value == null) {
      return Optional.of("the value is empty");
    }
    List<String> broken;
    String location = String.valueOf(proposal.location()).toLowerCase(Locale.ROOT);
    if (location.equals("body")) {
      if (validBody == null || operation.requestBody().isEmpty()) {
        return Optional.of("the operation takes no JSON body");
      }
      JsonNode patched = patched(validBody, proposal.target(), value);
      if (patched == null) {
        return Optional.of("no property at " + proposal.target() + " in the request body");
      }
      SchemaNode schema = operation.requestBody().get().contents().stream()
          .filter(c -> c.mediaType().contains("json") && c.schema() != null).findFirst().get().schema();
      broken = check.violations(schema, patched);
    } else {
      Optional<Parameter> parameter = operation.parameters().stream()
          .filter(p -> p.name().equals(proposal.target()) && p.in().name().equalsIgnoreCase(location)).findFirst();
      if (parameter.isEmpty()) {
        return Optional.of("no " + location + " parameter '" + proposal.target() + "'");
      }
      broken = check.violations(parameter.get().schema(), value);
    }
    if (valid && !broken.isEmpty()) {
      return Optional.of("the 'valid' value breaks " + broken);
    }
    if (!valid && broken.isEmpty() && !proposal.semanticRule()) {
      return Optional.of("the 'malformed' value breaks no constraint and is not marked as a stated rule");
    }
    return Optional.empty();
  }

  /** The valid body with {@code value} at {@code target}, or null when the target has no place in it. */
  static JsonNode patched(JsonNode body, String target, JsonNode value) {
    JsonNode copy = body.deepCopy();
    JsonPointer pointer;
    try {
      pointer = JsonPointer.compile(target);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (pointer.matches()) {
      return value;
    }
    JsonNode parent = copy.at(pointer.head());
    if (parent instanceof ObjectNode object) {
      object.set(pointer.last().getMatchingProperty(), value);
    } else if (parent instanceof ArrayNode array && pointer.last().getMatchingIndex() >= 0
        && pointer.last().getMatchingIndex() < array.size()) {
      array.set(pointer.last().getMatchingIndex(), value);
    } else {
      return null;
    }
    return copy;
  }

  private static boolean hasControlCharacters(String text) {
    return text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t' || c == 0x7f || c == 0x2028 || c == 0x2029);
  }
}
