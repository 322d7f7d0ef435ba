package io.codextestgen;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import io.codextestgen.plan.BodyPlan;
import io.codextestgen.plan.NameValue;
import io.codextestgen.plan.RequestPlan;
import io.codextestgen.plan.TestCasePlan;
import io.codextestgen.plan.TestClassPlan;
import io.codextestgen.plan.TestPlan;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every request the valid family plans satisfies the spec, as judged by an independent validator (Atlassian's,
 * on a JSON Schema library of its own): the strongest check of value synthesis over all golden specs.
 */
class PlannedRequestsAreValidTest {

  static java.util.stream.Stream<String> cases() throws IOException {
    return GoldenFilesTest.cases();
  }

  private static TestPlan planOf(String name) throws IOException {
    return CodexTestgen.render(GoldenFilesTest.configFor(name, Path.of("target/unused"))).plan();
  }

  private static OpenApiInteractionValidator validatorOf(String name) throws IOException {
    return OpenApiInteractionValidator.createForSpecificationUrl(GoldenFilesTest.specOf(name).toAbsolutePath().toString())
        .withBasePathOverride("/")
        .build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyPlannedValidRequestSatisfiesTheSpec(String name) throws IOException {
    TestPlan plan = planOf(name);
    OpenApiInteractionValidator validator = validatorOf(name);

    List<String> problems = new ArrayList<>();
    for (TestClassPlan testClass : plan.classes()) {
      for (TestCasePlan testCase : testClass.cases()) {
        if (!testCase.family().equals("valid")) {
          continue;
        }
        ValidationReport report = validator.validateRequest(toRequest(testCase.request()));
        for (ValidationReport.Message message : report.getMessages()) {
          if (message.getLevel() == ValidationReport.Level.ERROR && !isExpected(name, message)) {
            problems.add(testCase.methodName() + ": " + message.getKey() + ": " + message.getMessage());
          }
        }
      }
    }
    assertThat(problems).as("requests the generator plans as valid").isEmpty();
  }

  /**
   * Every body-patch and parameter row of the malformed family, applied to its valid request, breaks the spec as
   * an independent validator sees it: no row may describe a violation that is not one.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyMalformedRowReallyViolatesTheSpec(String name) throws IOException {
    org.junit.jupiter.api.Assumptions.assumeFalse(name.endsWith("oas31"),
        "the Atlassian validator ignores OpenAPI 3.1 types and numeric exclusive bounds");
    TestPlan plan = planOf(name);
    OpenApiInteractionValidator validator = validatorOf(name);

    List<String> accepted = new ArrayList<>();
    int checked = 0;
    for (TestClassPlan testClass : plan.classes()) {
      for (TestCasePlan testCase : testClass.cases()) {
        for (io.codextestgen.plan.CaseRow row : testCase.rows()) {
          RequestPlan broken = switch (testCase.shape()) {
            case BODY_PATCH_ROWS -> testCase.request().withBody(new BodyPlan(testCase.request().body().contentType(),
                BodyPlan.Kind.JSON, patch(testCase.request().body().text(), row.target(), row.value()), List.of(),
                List.of()));
            case PARAMETER_ROWS -> withParameter(testCase.request(), row);
            default -> null;
          };
          if (broken == null) {
            continue;
          }
          checked++;
          boolean rejected = validator.validateRequest(toRequest(broken)).getMessages().stream()
              .anyMatch(m -> m.getLevel() == ValidationReport.Level.ERROR
                  && !m.getKey().startsWith("validation.request.security"));
          if (!rejected) {
            accepted.add(testCase.methodName() + " > " + row.violation());
          }
        }
      }
    }
    assertThat(checked).as("rows checked").isPositive();
    assertThat(accepted).as("rows the validator accepts as valid requests").isEmpty();
  }

  private static String patch(String json, String at, String value) {
    try {
      com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
      com.fasterxml.jackson.core.JsonPointer pointer = com.fasterxml.jackson.core.JsonPointer.compile(at);
      if (pointer.matches()) {
        return value;
      }
      com.fasterxml.jackson.databind.JsonNode root = mapper.readTree(json);
      com.fasterxml.jackson.databind.JsonNode parent = root.at(pointer.head());
      com.fasterxml.jackson.databind.JsonNode replacement = value == null ? null : mapper.readTree(value);
      if (parent instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
        if (replacement == null) {
          object.remove(pointer.last().getMatchingProperty());
        } else {
          object.set(pointer.last().getMatchingProperty(), replacement);
        }
      } else if (parent instanceof com.fasterxml.jackson.databind.node.ArrayNode array) {
        int index = pointer.last().getMatchingIndex();
        if (replacement == null) {
          array.remove(index);
        } else {
          array.set(index, replacement);
        }
      }
      return mapper.writeValueAsString(root);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static RequestPlan withParameter(RequestPlan request, io.codextestgen.plan.CaseRow row) {
    java.util.function.UnaryOperator<List<NameValue>> replace = values -> {
      List<NameValue> result = new ArrayList<>();
      for (NameValue value : values) {
        if (!value.name().equals(row.target())) {
          result.add(value);
        }
      }
      if (row.value() != null) {
        result.add(new NameValue(row.target(), row.value()));
      }
      return result;
    };
    return switch (row.location()) {
      case "path" -> new RequestPlan(request.method(), request.path(), replace.apply(request.pathParams()),
          request.queryParams(), request.headers(), request.cookies(), request.credentials(), request.body());
      case "query" -> new RequestPlan(request.method(), request.path(), request.pathParams(),
          replace.apply(request.queryParams()), request.headers(), request.cookies(), request.credentials(),
          request.body());
      case "header" -> new RequestPlan(request.method(), request.path(), request.pathParams(), request.queryParams(),
          replace.apply(request.headers()), request.cookies(), request.credentials(), request.body());
      default -> new RequestPlan(request.method(), request.path(), request.pathParams(), request.queryParams(),
          request.headers(), replace.apply(request.cookies()), request.credentials(), request.body());
    };
  }

  /**
   * Messages that are not about the generated values, by golden case: known inconsistencies of a spec, and gaps of
   * the validator. Keep each entry narrow and explained.
   */
  private static final java.util.Map<String, List<String>> KNOWN = java.util.Map.of(
      // Order.payment's discriminator has no mapping, so strictly its values are "Card"/"Voucher", while
      // Card.kind only allows "card". The generator sends "card" and warns (see CodexTestgenTest).
      "bookshop-oas30", List.of("validation.request.body.schema.discriminator"),
      // The Atlassian validator reads OpenAPI 3.1 "type: [array]" as no type: array parameters look invalid.
      "inventory-oas31", List.of("validation.request.parameter.collection.invalid",
          "validation.request.parameter.schema.invalidJson"));

  private static boolean isExpected(String name, ValidationReport.Message message) {
    // Credentials are added at run time from the environment; here they are absent on purpose.
    return message.getKey().startsWith("validation.request.security")
        || KNOWN.getOrDefault(name, List.of()).contains(message.getKey());
  }

  private static Request toRequest(RequestPlan plan) {
    String path = plan.path();
    for (NameValue param : plan.pathParams()) {
      path = path.replace("{" + param.name() + "}", URLEncoder.encode(param.value(), StandardCharsets.UTF_8));
    }
    SimpleRequest.Builder request = new SimpleRequest.Builder(plan.method(), path);
    plan.queryParams().stream().collect(Collectors.groupingBy(NameValue::name, java.util.LinkedHashMap::new,
        Collectors.mapping(NameValue::value, Collectors.toList()))).forEach(request::withQueryParam);
    plan.headers().forEach(h -> request.withHeader(h.name(), h.value()));
    if (!plan.cookies().isEmpty()) {
      request.withHeader("Cookie", plan.cookies().stream().map(c -> c.name() + "=" + c.value())
          .collect(Collectors.joining("; ")));
    }
    BodyPlan body = plan.body();
    if (body != null) {
      request.withContentType(body.contentType());
      switch (body.kind()) {
        case JSON, TEXT -> request.withBody(body.text());
        // Nested objects travel as JSON text in a form field (OpenAPI's default encoding), which the
        // validator cannot read: leave them out here.
        case FORM -> request.withBody(body.fields().stream().filter(f -> !f.value().startsWith("{"))
            .map(f -> URLEncoder.encode(f.name(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(f.value(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&")));
        case MULTIPART -> request.withBody("");
      }
    }
    return request.build();
  }
}
