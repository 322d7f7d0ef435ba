package io.codextestgen.llm;

/**
 * One case a model proposes, as data only: the operation, the family (valid or malformed), where the value goes
 * ({@code location} body, path, query, header or cookie; {@code target} a JSON pointer into the body or a
 * parameter name), the value as JSON text, the status class expected (2xx or 4xx), whether it breaks a rule the
 * schema cannot express ({@code semanticRule}), and why.
 */
public record Proposal(
    String operationId,
    String family,
    String location,
    String target,
    String value,
    String expectedStatusClass,
    boolean semanticRule,
    String rationale) {}
