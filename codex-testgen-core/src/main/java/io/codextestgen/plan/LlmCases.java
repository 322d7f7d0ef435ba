package io.codextestgen.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.codextestgen.config.GeneratorConfig;
import io.codextestgen.diag.Diagnostic;
import io.codextestgen.llm.Refiner;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Cases from the model's validated proposals, tagged {@code llm-suggested}: rendered by the same row shapes as
 * every other case, so model text only ever reaches the source as escaped literals. Each row names the rationale,
 * the model and the lock key, for the reviewer who must look closer at these.
 */
final class LlmCases {

  static final String FAMILY = io.codextestgen.config.Family.LLM_SUGGESTED_TAG;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final GeneratorConfig config;
  private final Refiner refiner;
  private final Consumer<Diagnostic> notes;

  LlmCases(GeneratorConfig config, Refiner refiner, Consumer<Diagnostic> notes) {
    this.config = config;
    this.refiner = refiner;
    this.notes = notes;
  }

  List<TestCasePlan> plan(OperationContext context, List<TestCasePlan> planned) {
    if (context.operation().operationId() == null
        || !config.llm().operations().isEmpty() && !config.llm().operations().contains(context.operationId())) {
      return List.of();
    }
    List<String> alreadyTested = new ArrayList<>();
    java.util.Set<String> plannedCases = new java.util.HashSet<>();
    for (TestCasePlan testCase : planned) {
      for (CaseRow row : testCase.rows()) {
        alreadyTested.add(testCase.family() + ": " + row.violation());
        if (row.value() != null && row.target() != null) {
          plannedCases.add(Refiner.identity(row.location(), row.target(),
              row.location().equals("body") ? row.value() : jsonText(row.value())));
        }
      }
    }
    ValidRequest valid = context.primary();
    Refiner.Refinement refinement = refiner.refine(context.operation(), valid.hasJsonBody() ? valid.bodyValue() : null,
        alreadyTested, plannedCases);
    refinement.notes().forEach(notes);
    List<CaseRow> bodyValid = new ArrayList<>();
    List<CaseRow> bodyMalformed = new ArrayList<>();
    List<CaseRow> parameterValid = new ArrayList<>();
    List<CaseRow> parameterMalformed = new ArrayList<>();
    for (Refiner.Accepted accepted : refinement.accepted()) {
      var proposal = accepted.proposal();
      String provenance = "model " + accepted.model() + ", lock " + accepted.lockKey();
      String why = "LLM-suggested: " + proposal.rationale();
      boolean body = proposal.location().equals("body");
      String value = body ? proposal.value() : text(proposal.value());
      CaseRow row = new CaseRow(why, provenance, body ? "body" : proposal.location(), proposal.target(), value);
      (proposal.family().equals(io.codextestgen.config.Family.VALID.tag()) ? body ? bodyValid : parameterValid
          : body ? bodyMalformed : parameterMalformed).add(row);
    }
    ExpectationPlan accepts = Expectations.valid(context.operation());
    ExpectationPlan rejects = MalformedCases.expectation(config, context);
    List<TestCasePlan> cases = new ArrayList<>();
    add(cases, context, "llmSuggested_valid", "valid values", TestCasePlan.Shape.BODY_PATCH_ROWS, accepts, true,
        bodyValid);
    add(cases, context, "llmSuggested_rejected", "invalid bodies", TestCasePlan.Shape.BODY_PATCH_ROWS, rejects,
        false, bodyMalformed);
    add(cases, context, "llmSuggestedParameter_valid", "valid parameters", TestCasePlan.Shape.PARAMETER_ROWS,
        accepts, true, parameterValid);
    add(cases, context, "llmSuggestedParameter_rejected", "invalid parameters", TestCasePlan.Shape.PARAMETER_ROWS,
        rejects, false, parameterMalformed);
    return cases;
  }

  private static void add(List<TestCasePlan> cases, OperationContext context, String suffix, String what,
      TestCasePlan.Shape shape, ExpectationPlan expect, boolean strict, List<CaseRow> rows) {
    if (rows.isEmpty()) {
      return;
    }
    cases.add(new TestCasePlan(context.method(suffix), context.label() + ": " + what + " (LLM-suggested, review"
        + " closely) -> " + Expectations.describe(expect), FAMILY, context.operationId(), context.operation().pointer(),
        shape, context.primary().request(), expect, strict, rows, null, null));
  }

  /** A parameter's plain text as the JSON a proposal would give for it (numbers stay numbers). */
  private static String jsonText(String text) {
    try {
      JSON.readTree(text);
      return text;
    } catch (IOException e) {
      return JSON.getNodeFactory().textNode(text).toString();
    }
  }

  /** Parameters travel as text: a JSON string loses its quotes. */
  private static String text(String json) {
    try {
      return ParameterSerializer.text(JSON.readTree(json));
    } catch (IOException e) {
      return json;
    }
  }
}
