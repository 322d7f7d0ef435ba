package io.codextestgen.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.codextestgen.api.ApiModel;
import io.codextestgen.api.MediaContent;
import io.codextestgen.api.ParameterLocation;
import io.codextestgen.config.Family;
import io.codextestgen.config.GeneratorConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The malformed-input family, one row per broken constraint: JSON that does not parse, a wrong content type,
 * schema violations of the body, and bad parameters. Each starts from the valid request and breaks one thing.
 */
final class MalformedCases {

  private static final List<Integer> BAD_INPUT = List.of(400, 422);

  private final ApiModel model;
  private final GeneratorConfig config;
  private final Violations violations;
  static final int MAX_ROWS = 150;

  MalformedCases(ApiModel model, GeneratorConfig config) {
    this.model = model;
    this.config = config;
    this.violations = new Violations(model, new PatternStrings());
  }

  List<TestCasePlan> plan(OperationContext context) {
    ValidRequest valid = context.primary();
    RequestPlan request = valid.request();
    ExpectationPlan rejected = expectation(config, context);
    String verdict = " -> " + Expectations.describe(rejected);
    String pointer = context.operation().pointer();
    List<TestCasePlan> cases = new ArrayList<>();
    if (valid.hasJsonBody()) {
      String bodyPointer = context.operation().requestBody().get().pointer();
      cases.add(rows(context, "malformedJson_rejected", "body not valid JSON" + verdict, bodyPointer,
          TestCasePlan.Shape.RAW_BODY_ROWS, request, rejected, syntaxRows(context, request.body().text(), bodyPointer)));
      List<CaseRow> schemaRows = new ArrayList<>();
      boolean permissive = config.allowUnknownProperties().contains(context.operationId());
      long seed = TestPlanner.Seeds.of(config.seed(), context.operationId() + " violations");
      for (Violations.Violation v : violations.ofDocument(valid.bodySchema(), valid.completeBody(), seed,
          context.operation().requestBody().get().required())) {
        if (permissive && v.pointer().endsWith("/additionalProperties")) {
          continue; // configured: this operation accepts unknown properties on purpose
        }
        CaseRow row = onSentBody(v, valid.bodyValue(), valid.completeBody());
        if (row != null) {
          schemaRows.add(row);
        }
      }
      if (!schemaRows.isEmpty()) {
        cases.add(rows(context, "invalidBody_rejected", "body violating the schema" + verdict, bodyPointer,
            TestCasePlan.Shape.BODY_PATCH_ROWS, request, rejected, schemaRows));
      }
      if (!acceptsText(context)) {
        ExpectationPlan unsupported = Expectations.rejection(context.operation(), List.of(415), false);
        cases.add(TestCasePlan.single(context.method("wrongContentType_rejected"),
            context.label() + ": body sent as text/plain -> " + Expectations.describe(unsupported),
            Family.MALFORMED.tag(), context.operationId(), bodyPointer,
            request.withBody(new BodyPlan("text/plain", BodyPlan.Kind.TEXT, request.body().text(), List.of(),
                List.of())),
            unsupported, false));
      }
    }
    List<CaseRow> parameterRows = parameterRows(valid, violations);
    if (!parameterRows.isEmpty()) {
      cases.add(rows(context, "invalidParameter_rejected", "invalid parameter" + verdict, pointer + "/parameters",
          TestCasePlan.Shape.PARAMETER_ROWS, request, rejected, parameterRows));
    }
    return cases;
  }

  /** Relocated rows longer than this are left out: they would be one unreadable line (a maxItems of hundreds). */
  private static final int LONGEST_RELOCATED = 1000;

  /**
   * Violation {@code v}, found in the complete body, as a row on the body the valid request sends. Where what it
   * breaks lies in an optional member that body leaves out, the row puts the outermost such member, as the
   * complete body has it, with the violation inside ("'authors[0].born' not a date" puts the whole {@code
   * authors}). Null when nothing is left to break.
   */
  static CaseRow onSentBody(Violations.Violation v, JsonNode sent, JsonNode complete) {
    String at = v.at();
    String value = v.value() == null ? null : v.value().toString();
    int slash = at.lastIndexOf('/');
    if (at.isEmpty() || sent == null || !sent.at(at.substring(0, slash)).isMissingNode()) {
      if (v.lengthenedTo() == null || !sent.at(at).isMissingNode()) {
        return new CaseRow(v.description(), v.pointer(), "body", at, value, v.lengthenedTo());
      }
      // an array the sent body leaves out cannot be lengthened from it: the row puts it whole
      return value.length() > LONGEST_RELOCATED ? null
          : new CaseRow(v.description(), v.pointer(), "body", at, value, null);
    }
    String absent = "";
    for (String token : at.substring(1).split("/", -1)) {
      absent += "/" + token;
      if (sent.at(absent).isMissingNode()) {
        break;
      }
    }
    JsonNode member = JsonPointers.with(complete.at(absent), at.substring(absent.length()), v.value());
    if (member == null || member.toString().length() > LONGEST_RELOCATED) {
      return null;
    }
    return new CaseRow(v.description(), v.pointer(), "body", absent, member.toString(), null);
  }

  /** The configured statuses for bad input to this operation, else the documented 400/422, else any 4xx. */
  static ExpectationPlan expectation(GeneratorConfig config, OperationContext context) {
    List<Integer> override = context.operation().operationId() == null ? null
        : config.malformedStatuses().get(context.operation().operationId());
    return override != null ? Expectations.exactly(override)
        : Expectations.rejection(context.operation(), BAD_INPUT, false);
  }

  private static List<CaseRow> syntaxRows(OperationContext context, String validText, String pointer) {
    List<CaseRow> rows = new ArrayList<>();
    rows.add(new CaseRow("unparseable JSON", pointer, "raw", null, "{\"codex\": nonsense]"));
    String compact = validText.strip();
    // A cut that still parses (an integer body 48 cut to 4) is no malformed JSON: cut shorter until it breaks.
    for (int length = Math.max(1, compact.length() / 2); length >= 1; length--) {
      String truncated = compact.substring(0, length);
      if (!parses(truncated)) {
        rows.add(new CaseRow("truncated JSON", pointer, "raw", null, truncated));
        break;
      }
    }
    if (context.operation().requestBody().get().required()) {
      rows.add(new CaseRow("empty body where one is required", pointer + "/required", "raw", null, ""));
    }
    return rows;
  }

  private static boolean parses(String text) {
    try {
      new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
      return !text.isBlank();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return false;
    }
  }

  private static boolean acceptsText(OperationContext context) {
    for (MediaContent content : context.operation().requestBody().get().contents()) {
      String type = content.mediaType().toLowerCase(Locale.ROOT);
      if (type.startsWith("text/") || type.contains("*")) {
        return true;
      }
    }
    return false;
  }

  private static List<CaseRow> parameterRows(ValidRequest valid, Violations violations) {
    List<CaseRow> rows = new ArrayList<>();
    for (ValidRequest.ParameterValue value : valid.parameters()) {
      var parameter = value.parameter();
      String in = parameter.in().name().toLowerCase(Locale.ROOT);
      if (parameter.required() && parameter.in() != ParameterLocation.PATH) {
        rows.add(new CaseRow("missing required " + in + " parameter '" + parameter.name() + "'",
            parameter.pointer() + "/required", in, parameter.name(), null));
      }
      JsonNode current = value.value();
      if (!current.isValueNode()) {
        continue;
      }
      for (Violations.Violation v : violations.ofScalar(parameter.schema(), current, parameter.name())) {
        if (v.value() == null || v.value().isNull()) {
          continue; // a parameter cannot carry JSON null
        }
        rows.add(new CaseRow(in + " parameter " + v.description(), v.pointer(), in, parameter.name(),
            ParameterSerializer.text(v.value())));
      }
    }
    return rows;
  }

  /**
   * A parameterized test of {@code rows}, at most {@value #MAX_ROWS} of them (in spec order): a huge schema can
   * break thousands of constraints, more than anyone reviews and more than one method of rows may hold.
   */
  private static TestCasePlan rows(OperationContext context, String suffix, String what, String pointer,
      TestCasePlan.Shape shape, RequestPlan request, ExpectationPlan expect, List<CaseRow> rows) {
    String description = rows.size() <= MAX_ROWS ? what
        : what + " (the first " + MAX_ROWS + " of " + rows.size() + " broken constraints)";
    return new TestCasePlan(context.method(suffix), context.label() + ": " + description, Family.MALFORMED.tag(),
        context.operationId(), pointer, shape, request, expect, false,
        rows.subList(0, Math.min(rows.size(), MAX_ROWS)), null, null);
  }
}
