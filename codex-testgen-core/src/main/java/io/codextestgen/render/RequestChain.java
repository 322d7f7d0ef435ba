package io.codextestgen.render;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import io.codextestgen.plan.BodyPlan;
import io.codextestgen.plan.CredentialPlan;
import io.codextestgen.plan.CredentialUse;
import io.codextestgen.plan.ExpectationPlan;
import io.codextestgen.plan.NameValue;
import io.codextestgen.plan.Names;
import io.codextestgen.plan.RequestPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/** The pieces of a REST Assured chain: given (credentials, parameters, body), when (method, path), then (status). */
final class RequestChain {

  /** Sent for a wrong API key or password: obviously fake, never a real secret. */
  static final String WRONG_SECRET = "codex-wrong-credential";
  static final String MALFORMED_TOKEN = "not a token";

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Reads numbers exactly, to tell whether the generated patch (which reads them as doubles) would keep them. */
  private static final ObjectMapper EXACT = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private static final Set<String> SHORTHAND_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD",
      "OPTIONS");

  private final ClassName support;
  /** {@code SuiteSupport}: the helpers that do not depend on the spec. */
  private final ClassName helpers;
  private final Map<String, CredentialPlan> credentials;
  private final Map<String, String> bodyConstants = new HashMap<>();
  private final Set<String> bodyConstantNames = new HashSet<>();
  private final List<FieldSpec> bodyFields = new ArrayList<>();
  /** Each body text as the class writes it: a constant, or a patch of one (see {@link #derived}). */
  private final Map<String, Source> bodyExpressions = new HashMap<>();
  /** The declared constants' JSON objects, by constant name, in order of declaration. */
  private final Map<String, JsonNode> declaredBodies = new LinkedHashMap<>();
  private String owner = "request";
  private Map<Key, OperationRequest> operationRequests = Map.of();

  /**
   * What the tests of one operation send alike (method, path, credentials, query parameters, headers, cookies),
   * apart from path parameters, which each test gives.
   */
  record Key(String method, String path, List<CredentialUse> credentials, List<NameValue> queryParams,
      List<NameValue> headers, List<NameValue> cookies, List<String> pathParams) {

    static Key of(RequestPlan request) {
      return new Key(request.method(), request.path(), request.credentials(), request.queryParams(),
          request.headers(), request.cookies(), request.pathParams().stream().map(NameValue::name).toList());
    }
  }

  /** A method of the test class that starts the requests of one operation: its name and its path parameters. */
  record OperationRequest(String name, List<String> pathParams, List<String> arguments, RequestPlan request) {}

  /** One chain per test class: it also collects the class's body constants. */
  RequestChain(ClassName support, Map<String, CredentialPlan> credentials) {
    this.support = support;
    this.helpers = support.peerClass(TemplateFile.SUITE_SUPPORT);
    this.credentials = credentials;
  }

  /** The operation whose tests are rendered next: a body constant first met there is named after it. */
  void owner(String operationId) {
    this.owner = operationId == null || operationId.isBlank() ? "request" : operationId;
  }

  /** The body constants the class's tests refer to, in order of first use. */
  List<FieldSpec> bodyFields() {
    return bodyFields;
  }

  /** The operations whose requests start from a method of the class (see {@link #operationRequest}). */
  void operationRequests(Map<Key, OperationRequest> requests) {
    this.operationRequests = requests;
  }

  /**
   * The method that starts the requests of an operation from a base specification: its credentials, query
   * parameters, headers and cookies, and its path parameters as arguments, e.g.
   * {@code getBook(RequestSpecification base, String bookId)}.
   */
  MethodSpec operationRequest(OperationRequest operation) {
    RequestPlan request = operation.request();
    MethodSpec.Builder method = MethodSpec.methodBuilder(operation.name())
        .addJavadoc("{@code $L $L}, as its tests send it.\n", request.method().toUpperCase(Locale.ROOT),
            JavaText.comment(request.path()))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(Types.REQUEST_SPECIFICATION)
        .addParameter(Types.REQUEST_SPECIFICATION, "base");
    Source code = new Source().add("return $T.given(base)$>$>", Types.REST_ASSURED);
    addCredentials(code, request);
    for (int i = 0; i < operation.pathParams().size(); i++) {
      method.addParameter(String.class, operation.arguments().get(i));
      code.add("\n.pathParam($L, $L)", JavaText.quoted(operation.pathParams().get(i)), operation.arguments().get(i));
    }
    addParameters(code, request);
    return method.addCode(code.add(";\n$<$<").build()).build();
  }

  /**
   * {@code RestAssured.given(...)} with credentials and parameters. Every piece of a chain starts with its own line
   * break, so a chain can end anywhere; continuation lines are indented twice, {@code when} and {@code then} once.
   */
  Source given(RequestPlan request, boolean strictStatus) {
    return given(request, strictStatus, null, null);
  }

  /** As {@link #given(RequestPlan, boolean)}, with path parameter {@code idParameter} taken from variable {@code idVariable}. */
  Source given(RequestPlan request, boolean strictStatus, String idParameter, String idVariable) {
    return given(request, strictStatus ? "request" : "negativeRequest", idParameter, idVariable);
  }

  /** As above, starting from support method {@code entry}: request, negativeRequest or plainRequest. */
  Source given(RequestPlan request, String entry, String idParameter, String idVariable) {
    return given(request, entry, value -> pathValue(request, value, idParameter, idVariable));
  }

  /** As above, each path parameter's value written by {@code pathValues}. */
  Source given(RequestPlan request, String entry, Function<NameValue, Source> pathValues) {
    OperationRequest operation = operationRequests.get(Key.of(request));
    if (operation != null) {
      Source code = new Source().add("$L($T.$L()", operation.name(), support, entry);
      for (NameValue value : request.pathParams()) {
        code.add(", ").add(pathValues.apply(value));
      }
      return code.add(")$>$>");
    }
    Source code = new Source().add("$T.given($T.$L())$>$>", Types.REST_ASSURED, support, entry);
    addCredentials(code, request);
    for (NameValue value : request.pathParams()) {
      code.add("\n.pathParam($L, ", JavaText.quoted(value.name())).add(pathValues.apply(value)).add(")");
    }
    addParameters(code, request);
    return code;
  }

  /** The method of the class that starts this request's operation, if it has one. */
  Optional<OperationRequest> operationRequest(RequestPlan request) {
    return Optional.ofNullable(operationRequests.get(Key.of(request)));
  }

  /** A path parameter's value: the test's variable, the class's shared resource, or the planned text. */
  static Source pathValue(RequestPlan request, NameValue value, String idParameter, String idVariable) {
    if (value.name().equals(idParameter)) {
      return new Source().add("$L", idVariable);
    }
    Optional<NameValue> produced = request.producedPathParams().stream()
        .filter(p -> p.name().equals(value.name())).findFirst();
    return produced.isPresent() ? new Source().add("$L()", produced.get().value())
        : new Source().literal(value.value());
  }

  private void addCredentials(Source code, RequestPlan request) {
    for (CredentialUse use : request.credentials()) {
      credential(code, credentials.get(use.scheme()), use);
    }
  }

  private static void addParameters(Source code, RequestPlan request) {
    add(code, "queryParam", request.queryParams());
    add(code, "header", request.headers());
    add(code, "cookie", request.cookies());
  }

  /**
   * {@code RestAssured.given(...)} for a request to a full URL (a Location): credentials, headers and cookies of
   * {@code request}, no path or query parameters (the URL has its own).
   */
  Source givenForUrl(RequestPlan request) {
    Source code = new Source().add("$T.given($T.request())$>$>", Types.REST_ASSURED, support);
    for (CredentialUse use : request.credentials()) {
      credential(code, credentials.get(use.scheme()), use);
    }
    add(code, "header", request.headers());
    add(code, "cookie", request.cookies());
    return code;
  }

  /**
   * Credentials go where the scheme says, in plain sight; only real values (the first identity's, or the second's)
   * come from the support class.
   */
  private void credential(Source code, CredentialPlan credential, CredentialUse use) {
    CredentialUse.Mode mode = use.mode();
    boolean other = mode == CredentialUse.Mode.OTHER_IDENTITY;
    boolean valid = mode == CredentialUse.Mode.VALID || other;
    java.util.function.UnaryOperator<String> getter = suffix -> other
        ? SupportClassRenderer.otherGetter(credential, suffix) : credential.methodName() + suffix;
    switch (credential.kind()) {
      case API_KEY -> {
        String method = switch (credential.location()) {
          case "query" -> "queryParam";
          case "cookie" -> "cookie";
          default -> "header";
        };
        if (valid) {
          code.add("\n.$L($L, $T.$L())", method, JavaText.quoted(credential.parameterName()), support,
              getter.apply("Credential"));
        } else {
          code.add("\n.$L($L, $L)", method, JavaText.quoted(credential.parameterName()), JavaText.quoted(WRONG_SECRET));
        }
      }
      case BEARER -> {
        if (mode == CredentialUse.Mode.LIMITED) {
          code.add("\n.header(\"Authorization\", \"Bearer \" + $T.$L($L))", support,
              credential.methodName() + "TokenWithout",
              String.join(", ", use.missingScopes().stream().map(JavaText::quoted).toList()));
        } else if (valid) {
          code.add("\n.header(\"Authorization\", \"Bearer \" + $T.$L())", support, getter.apply("Credential"));
        } else if (mode == CredentialUse.Mode.MALFORMED) {
          code.add("\n.header(\"Authorization\", $L)", JavaText.quoted("Bearer " + MALFORMED_TOKEN));
        } else {
          code.add("\n.header(\"Authorization\", \"Bearer \" + $T.WRONG_BEARER_TOKEN)", helpers);
        }
      }
      case BASIC -> {
        Source password = valid ? new Source().add("$T.$L()", support, getter.apply("Password"))
            : new Source().add("$L", JavaText.quoted(WRONG_SECRET));
        code.add("\n.auth().preemptive().basic($T.$L(), $L)", support, getter.apply("Username"), password);
      }
    }
  }

  private static void add(Source code, String method, List<NameValue> values) {
    for (NameValue value : values) {
      code.add("\n.$L(", method).literal(value.name()).add(", ").literal(value.value()).add(")");
    }
  }

  /** Content type and body; {@code bodyExpression} replaces the planned body text when not null. */
  Source body(BodyPlan body, Source bodyExpression) {
    Source code = new Source().add("\n.contentType($L)", JavaText.quoted(body.contentType()));
    if (bodyExpression != null) {
      return code.add("\n.body($L)", bodyExpression);
    }
    switch (body.kind()) {
      case JSON, TEXT -> code.add("\n.body($L)", text(body.text()));
      case FORM -> add(code, "formParam", body.fields());
      case MULTIPART -> {
        for (NameValue field : body.fields()) {
          if (body.fileFields().contains(field.name())) {
            code.add("\n.multiPart(").literal(field.name()).add(", ").literal(field.name() + ".bin")
                .add(", $L.getBytes($T.UTF_8))", JavaText.operand(field.value()), Types.STANDARD_CHARSETS);
          } else {
            code.add("\n.multiPart(").literal(field.name()).add(", ").literal(field.value()).add(")");
          }
        }
      }
    }
    return code;
  }

  /**
   * A body's text: a one-line text in place; a longer one as a constant of the class, declared once however many
   * tests send it (an operation's tests share one body), named after the operation, e.g. {@code CREATE_BOOK_BODY}.
   */
  Source text(String text) {
    if (!text.contains("\n")) {
      return new Source().literal(text);
    }
    Source known = bodyExpressions.get(text);
    if (known == null) {
      known = derived(text);
      if (known == null) {
        known = new Source().add("$L", declare(text));
        JsonNode tree = exactTree(text);
        if (tree != null && tree.isObject()) {
          declaredBodies.put(bodyConstants.get(text), tree);
        }
      }
      bodyExpressions.put(text, known);
    }
    return known;
  }

  /** As {@link #text(String)}; a constant first declared here is named after the operation that sends it. */
  Source text(String text, RequestPlan sentBy) {
    String saved = owner;
    if (sentBy != null) {
      operationRequest(sentBy).ifPresent(operation -> owner = operation.name());
    }
    try {
      return text(text);
    } finally {
      owner = saved;
    }
  }

  /**
   * A body that differs from one already declared in one top-level member only, written as that body patched
   * ({@code patch(REPLACE_BOOK_BODY, "/isbn", "12345")}), so that a reviewer sees the one difference; null when
   * there is none such, or when the generated patch (which reads numbers as doubles) could change a number.
   */
  private Source derived(String text) {
    JsonNode body = exactTree(text);
    if (body == null || !body.isObject()) {
      return null;
    }
    for (Map.Entry<String, JsonNode> declared : declaredBodies.entrySet()) {
      JsonNode base = declared.getValue();
      Set<String> names = new TreeSet<>();
      base.fieldNames().forEachRemaining(names::add);
      body.fieldNames().forEachRemaining(names::add);
      List<String> differing = names.stream().filter(n -> !Objects.equals(base.get(n), body.get(n))).toList();
      if (differing.size() == 1) {
        String member = differing.get(0);
        JsonNode value = body.get(member);
        return new Source().add("$T.patch($L, $L, ", support.peerClass(TemplateFile.SUITE_SUPPORT), declared.getKey(),
            JavaText.quoted("/" + member.replace("~", "~0").replace("/", "~1")))
            .literal(value == null ? null : value.toString()).add(")");
      }
    }
    return null;
  }

  /** The JSON tree of a body, numbers exact; null unless it survives the generated patch's reading unchanged. */
  private static JsonNode exactTree(String text) {
    try {
      JsonNode exact = EXACT.readTree(text);
      return exact != null && exact.equals(EXACT.readTree(JSON.writeValueAsString(JSON.readTree(text)))) ? exact : null;
    } catch (java.io.IOException e) {
      return null;
    }
  }

  private String declare(String text) {
    String base = Names.constant(owner, "REQUEST") + "_BODY";
    String name = base;
    for (int n = 2; !bodyConstantNames.add(name); n++) {
      name = base + "_" + n;
    }
    bodyFields.add(FieldSpec.builder(String.class, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$L", textExpression(text))
        .build());
    bodyConstants.put(text, name);
    return name;
  }

  /**
   * A string expression for the text, as a text block when it has several lines and no other whitespace than
   * spaces and line ends (javac would strip or warn about the rest, e.g. U+2028, at a line's end).
   */
  private static CodeBlock textExpression(String text) {
    boolean plain = text.chars().allMatch(c -> c == ' ' || c == '\n' || !Character.isWhitespace(c) && c != 0x85
        && Character.getType(c) != Character.LINE_SEPARATOR && Character.getType(c) != Character.PARAGRAPH_SEPARATOR);
    return plain ? JavaText.textBlock(text) : JavaText.literal(text);
  }

  /** {@code .when().get("/path")} on one line, dedented to the chain's base level. */
  static Source when(RequestPlan request) {
    String method = request.method().toUpperCase(Locale.ROOT);
    Source code = new Source().add("\n$<.when()");
    return (SHORTHAND_METHODS.contains(method)
        ? code.add(".$L($L)", method.toLowerCase(Locale.ROOT), JavaText.quoted(request.path()))
        : code.add(".request($L, $L)", JavaText.quoted(method), JavaText.quoted(request.path()))).add("$>");
  }

  /** {@code .then().statusCode(...)}, and the content type when the plan fixes one. */
  Source then(ExpectationPlan expect) {
    return then(expect, null);
  }

  /**
   * As {@link #then(ExpectationPlan)}; with {@code rejectionOf} (an operationId) the status check accepts any 4xx
   * and reports one that the spec does not document apart (see {@code ResponseCheck.rejectedAs}).
   */
  Source then(ExpectationPlan expect, String rejectionOf) {
    Source matcher = rejectionOf == null ? statusMatcher(expect) : rejectedAs(rejectionOf, expect);
    Source code = new Source().add("\n$<.then().statusCode($L)$>", matcher);
    if (!expect.contentTypes().isEmpty()) {
      String types = String.join(", ", expect.contentTypes().stream().map(JavaText::quoted).toList());
      code.add("\n.contentType($T.mediaTypeIn($L))", helpers, types);
    }
    return code;
  }

  private Source rejectedAs(String operationId, ExpectationPlan expect) {
    List<String> documented = new java.util.ArrayList<>();
    documented.add(JavaText.quoted(operationId));
    expect.statuses().forEach(status -> documented.add(String.valueOf(status)));
    return new Source().add("$T.rejectedAs($L)", support.peerClass(TemplateFile.RESPONSE_CHECK),
        String.join(", ", documented));
  }

  private Source statusMatcher(ExpectationPlan expect) {
    List<Integer> statuses = expect.statuses();
    List<Integer> classes = expect.statusClasses();
    if (classes.isEmpty() && statuses.size() == 1) {
      return new Source().add("$L", statuses.get(0));
    }
    List<String> accepted = new java.util.ArrayList<>();
    statuses.forEach(status -> accepted.add(JavaText.quoted(String.valueOf(status))));
    classes.forEach(statusClass -> accepted.add(JavaText.quoted(statusClass + "xx")));
    if (accepted.isEmpty()) {
      accepted.add(JavaText.quoted("<500"));
    }
    return new Source().add("$T.statusIn($L)", support.peerClass(TemplateFile.RESPONSE_CHECK),
        String.join(", ", accepted));
  }
}
