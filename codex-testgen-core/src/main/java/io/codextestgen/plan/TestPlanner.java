package io.codextestgen.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.codextestgen.api.ApiModel;
import io.codextestgen.api.ApiResponse;
import io.codextestgen.api.HttpMethod;
import io.codextestgen.api.MediaContent;
import io.codextestgen.api.Operation;
import io.codextestgen.api.Parameter;
import io.codextestgen.api.ParameterLocation;
import io.codextestgen.api.SchemaNode;
import io.codextestgen.api.SecurityRequirement;
import io.codextestgen.api.SecurityScheme;
import io.codextestgen.config.GeneratorConfig;
import io.codextestgen.diag.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Decides every test of the suite from the API model and the config; the renderer only writes it down. */
public final class TestPlanner {

  public static final String FAMILY_VALID = "valid";
  static final String SUPPORT_CLASS = "ApiTestSupport";

  private final ApiModel model;
  private final GeneratorConfig config;
  private final PatternStrings patterns = new PatternStrings();
  private final List<SkippedOperation> skipped = new ArrayList<>();
  private final List<Diagnostic> warnings = new ArrayList<>();
  private final Set<String> usedSchemes = new TreeSet<>();

  private TestPlanner(ApiModel model, GeneratorConfig config) {
    this.model = model;
    this.config = config;
  }

  public static TestPlan plan(ApiModel model, GeneratorConfig config) {
    return new TestPlanner(model, config).planSuite();
  }

  private TestPlan planSuite() {
    Map<String, List<Operation>> groups = new TreeMap<>();
    for (Operation operation : model.operations()) {
      groups.computeIfAbsent(groupOf(operation), g -> new ArrayList<>()).add(operation);
    }
    Names.Unique classNames = new Names.Unique();
    classNames.claim(SUPPORT_CLASS);
    List<TestClassPlan> classes = new ArrayList<>();
    groups.forEach((group, operations) -> {
      Names.Unique methodNames = new Names.Unique();
      List<TestCasePlan> cases = new ArrayList<>();
      for (Operation operation : operations) {
        cases.addAll(planOperation(operation, methodNames));
      }
      if (!cases.isEmpty()) {
        String className = classNames.claim(Names.upperCamel(group, "Api") + config.classSuffix());
        classes.add(new TestClassPlan(className, group, cases));
      }
    });
    List<CredentialPlan> credentials = credentials();
    Set<String> sensitive = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    sensitive.addAll(List.of("Authorization", "Cookie", "Proxy-Authorization"));
    credentials.stream().filter(c -> "header".equals(c.location())).forEach(c -> sensitive.add(c.parameterName()));
    boolean logFailures = credentials.stream().noneMatch(c -> "query".equals(c.location()));
    SupportPlan support = new SupportPlan(SUPPORT_CLASS, model.specFileName(), model.specSha256(),
        config.specPathInTests(), fallbackServer(), credentials, new ArrayList<>(sensitive), logFailures);
    return new TestPlan(config.basePackage(), support, classes, skipped, warnings);
  }

  private static String groupOf(Operation operation) {
    if (!operation.tags().isEmpty() && !operation.tags().get(0).isBlank()) {
      return operation.tags().get(0);
    }
    for (String segment : operation.path().split("/")) {
      if (!segment.isEmpty() && !segment.startsWith("{")) {
        return segment;
      }
    }
    return "root";
  }

  private List<TestCasePlan> planOperation(Operation operation, Names.Unique methodNames) {
    String label = operation.method() + " " + operation.path();
    String id = operation.operationId() != null ? operation.operationId() : label;
    if (operation.method() == HttpMethod.DELETE && !config.includeDestructive()) {
      skip(operation, "DELETE is destructive: set includeDestructive to generate its tests");
      return List.of();
    }
    Optional<List<String>> credentials = credentialsFor(operation);
    if (credentials.isEmpty()) {
      skip(operation, "no security alternative uses only supported schemes (apiKey, http basic/bearer, oauth2,"
          + " openIdConnect)");
      return List.of();
    }
    List<BodyChoice> bodies = bodyChoices(operation);
    if (bodies.isEmpty()) {
      skip(operation, "its request body is required but no media type can be sent (supported: JSON, form,"
          + " simple multipart, text)");
      return List.of();
    }
    ExpectationPlan expect = expectation(operation);
    String baseName = Names.identifier(operation.operationId(), Names.lowerCamel(label, "operation"));
    List<TestCasePlan> cases = new ArrayList<>();
    for (BodyChoice body : bodies) {
      Random random = new Random(Seeds.of(config.seed(), label + " " + body.suffix()));
      ValueSynthesizer values = new ValueSynthesizer(model, random, patterns, this::warnOnce);
      RequestPlan request = new RequestPlan(operation.method().name(), operation.path(),
          parameters(operation, ParameterLocation.PATH, values),
          parameters(operation, ParameterLocation.QUERY, values),
          parameters(operation, ParameterLocation.HEADER, values),
          parameters(operation, ParameterLocation.COOKIE, values),
          credentials.get(),
          body.content() == null ? null : body(body, values));
      String methodName = methodNames.claim(baseName + "_valid" + body.suffix());
      String display = label + ": valid request" + body.label() + " -> " + describe(expect);
      cases.add(new TestCasePlan(methodName, display, FAMILY_VALID, id, operation.pointer(), request, expect));
    }
    return cases;
  }

  private void warnOnce(String message) {
    Diagnostic warning = Diagnostic.warning(model.specFileName(), "", message);
    if (!warnings.contains(warning)) {
      warnings.add(warning);
    }
  }

  private void skip(Operation operation, String reason) {
    skipped.add(new SkippedOperation(operation.operationId(), operation.method().name(), operation.path(),
        FAMILY_VALID, reason));
  }

  private List<NameValue> parameters(Operation operation, ParameterLocation in, ValueSynthesizer values) {
    List<NameValue> result = new ArrayList<>();
    for (Parameter parameter : operation.parameters()) {
      if (parameter.in() != in || in == ParameterLocation.HEADER && isReservedHeader(parameter.name())) {
        continue;
      }
      JsonNode value = parameter.example() != null && !parameter.example().isNull()
          ? parameter.example() : values.valueFor(parameter.schema(), parameter.name());
      result.addAll(ParameterSerializer.serialize(parameter, value));
    }
    return result;
  }

  /** OpenAPI says these header parameters are ignored: the request's own fields decide them. */
  private static boolean isReservedHeader(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.equals("accept") || lower.equals("content-type") || lower.equals("authorization");
  }

  // ---- bodies

  /** A media type to send, with its method-name suffix and display label. Content null: no body. */
  private record BodyChoice(MediaContent content, BodyPlan.Kind kind, String suffix, String label) {}

  private List<BodyChoice> bodyChoices(Operation operation) {
    if (operation.requestBody().isEmpty()) {
      return List.of(new BodyChoice(null, null, "", ""));
    }
    Map<BodyPlan.Kind, BodyChoice> choices = new LinkedHashMap<>();
    for (MediaContent content : operation.requestBody().get().contents()) {
      BodyPlan.Kind kind = kindOf(content);
      if (kind == null || choices.containsKey(kind)) {
        continue;
      }
      if (kind == BodyPlan.Kind.MULTIPART && !isSimpleObject(content.schema())) {
        continue;
      }
      choices.put(kind, switch (kind) {
        case JSON -> new BodyChoice(content, kind, "", "");
        case FORM -> new BodyChoice(content, kind, "_formBody", " (form body)");
        case MULTIPART -> new BodyChoice(content, kind, "_multipartBody", " (multipart body)");
        case TEXT -> new BodyChoice(content, kind, "_textBody", " (text body)");
      });
    }
    if (choices.isEmpty() && !operation.requestBody().get().required()) {
      return List.of(new BodyChoice(null, null, "", ""));
    }
    List<BodyChoice> ordered = new ArrayList<>();
    for (BodyPlan.Kind kind : BodyPlan.Kind.values()) {
      if (choices.containsKey(kind)) {
        ordered.add(choices.get(kind));
      }
    }
    return ordered;
  }

  private static BodyPlan.Kind kindOf(MediaContent content) {
    String type = content.mediaType().toLowerCase(Locale.ROOT);
    if (type.startsWith("application/json") || type.matches("application/[^;]*\\+json.*")
        || type.equals("*/*") || type.equals("application/*")) {
      return BodyPlan.Kind.JSON;
    }
    if (type.startsWith("application/x-www-form-urlencoded")) {
      return BodyPlan.Kind.FORM;
    }
    if (type.startsWith("multipart/form-data")) {
      return BodyPlan.Kind.MULTIPART;
    }
    return type.startsWith("text/") ? BodyPlan.Kind.TEXT : null;
  }

  /** Multipart is generated for objects whose properties are scalars, scalar arrays or files. */
  private boolean isSimpleObject(SchemaNode raw) {
    if (raw == null) {
      return false;
    }
    SchemaNode schema = model.resolve(raw);
    if (schema.properties().isEmpty()) {
      return false;
    }
    for (SchemaNode property : schema.properties().values()) {
      SchemaNode resolved = model.resolve(property);
      String type = ValueSynthesizer.typeOf(resolved);
      if (type.equals("object") || !resolved.oneOf().isEmpty() || !resolved.anyOf().isEmpty()
          || type.equals("array") && resolved.items() != null
              && ValueSynthesizer.typeOf(model.resolve(resolved.items())).matches("object|array")) {
        return false;
      }
    }
    return true;
  }

  private BodyPlan body(BodyChoice choice, ValueSynthesizer values) {
    MediaContent content = choice.content();
    String contentType = content.mediaType().contains("*") ? "application/json" : content.mediaType();
    SchemaNode schema = content.schema() == null ? SchemaNode.ANY : content.schema();
    JsonNode value = content.example() != null && choice.kind() == BodyPlan.Kind.JSON
        ? content.example() : values.valueFor(schema, "body");
    return switch (choice.kind()) {
      case JSON -> new BodyPlan(contentType, BodyPlan.Kind.JSON, JsonText.pretty(value), List.of(), List.of());
      case TEXT -> new BodyPlan(contentType, BodyPlan.Kind.TEXT, ParameterSerializer.text(value), List.of(),
          List.of());
      case FORM, MULTIPART -> new BodyPlan(contentType, choice.kind(), null, fields(value),
          fileFields(schema, choice.kind()));
    };
  }

  private static List<NameValue> fields(JsonNode value) {
    List<NameValue> fields = new ArrayList<>();
    if (value instanceof ObjectNode object) {
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (field.getValue().isArray()) {
          field.getValue().forEach(item -> fields.add(new NameValue(field.getKey(), ParameterSerializer.text(item))));
        } else {
          fields.add(new NameValue(field.getKey(), ParameterSerializer.text(field.getValue())));
        }
      }
    }
    return fields;
  }

  private List<String> fileFields(SchemaNode raw, BodyPlan.Kind kind) {
    List<String> files = new ArrayList<>();
    if (kind == BodyPlan.Kind.MULTIPART) {
      model.resolve(raw).properties().forEach((name, property) -> {
        String format = model.resolve(property).format();
        if ("binary".equals(format) || "base64".equals(format)) {
          files.add(name);
        }
      });
    }
    return files;
  }

  // ---- expectations

  private ExpectationPlan expectation(Operation operation) {
    List<ApiResponse> chosen = new ArrayList<>();
    List<Integer> statuses = new ArrayList<>();
    List<Integer> classes = new ArrayList<>();
    for (ApiResponse response : operation.responses()) {
      if (response.status().matches("2\\d\\d")) {
        statuses.add(Integer.parseInt(response.status()));
        chosen.add(response);
      } else if (response.status().equals("2XX")) {
        classes.add(2);
        chosen.add(response);
      }
    }
    if (chosen.isEmpty()) {
      for (ApiResponse response : operation.responses()) {
        if (response.status().matches("[134]\\d\\d")) {
          statuses.add(Integer.parseInt(response.status()));
          chosen.add(response);
        } else if (response.status().matches("[134]XX")) {
          classes.add(response.status().charAt(0) - '0');
          chosen.add(response);
        }
      }
    }
    return new ExpectationPlan(statuses, classes, contentTypes(chosen));
  }

  private static List<String> contentTypes(List<ApiResponse> responses) {
    Set<String> types = new LinkedHashSet<>();
    for (ApiResponse response : responses) {
      if (response.contents().isEmpty()) {
        return List.of();
      }
      for (MediaContent content : response.contents()) {
        if (content.mediaType().contains("*")) {
          return List.of();
        }
        types.add(content.mediaType());
      }
    }
    return new ArrayList<>(types);
  }

  private static String describe(ExpectationPlan expect) {
    List<String> parts = new ArrayList<>();
    expect.statuses().forEach(status -> parts.add(String.valueOf(status)));
    expect.statusClasses().forEach(c -> parts.add(c + "XX"));
    return parts.isEmpty() ? "non-5xx" : String.join("/", parts);
  }

  // ---- security

  private Optional<List<String>> credentialsFor(Operation operation) {
    if (operation.security().isEmpty()) {
      return Optional.of(List.of());
    }
    for (SecurityRequirement requirement : operation.security()) {
      List<String> methods = new ArrayList<>();
      for (String schemeName : requirement.schemeNames()) {
        SecurityScheme scheme = model.securitySchemes().get(schemeName);
        if (scheme == null || scheme.kind() == SecurityScheme.Kind.OTHER_HTTP) {
          methods = null;
          break;
        }
        methods.add(schemeName);
      }
      if (methods != null) {
        usedSchemes.addAll(requirement.schemeNames());
        return Optional.of(methods);
      }
    }
    return Optional.empty();
  }

  private static String credentialMethod(String schemeName) {
    return Names.lowerCamel(schemeName, "scheme");
  }

  private List<CredentialPlan> credentials() {
    List<CredentialPlan> result = new ArrayList<>();
    for (String name : usedSchemes) {
      SecurityScheme scheme = model.securitySchemes().get(name);
      String property = "codex.auth." + name.replaceAll("[^A-Za-z0-9._-]", "_");
      String env = "CODEX_AUTH_" + Names.upperSnake(name);
      CredentialPlan.Kind kind = switch (scheme.kind()) {
        case API_KEY -> CredentialPlan.Kind.API_KEY;
        case BASIC -> CredentialPlan.Kind.BASIC;
        default -> CredentialPlan.Kind.BEARER;
      };
      result.add(new CredentialPlan(name, credentialMethod(name), kind,
          scheme.in() == null ? null : scheme.in().name().toLowerCase(Locale.ROOT), scheme.parameterName(),
          property, env));
    }
    return result;
  }

  private String fallbackServer() {
    if (!config.useSpecServers() || model.serverUrls().isEmpty()) {
      return null;
    }
    String url = model.serverUrls().get(0);
    if (!url.matches("https?://[^{}\\s]+")) {
      warnings.add(Diagnostic.warning(model.specFileName(), "servers[0]", "useSpecServers is set but '" + url
          + "' is not an absolute http(s) URL without variables; the suite will need codex.baseUri"));
      return null;
    }
    return url;
  }

  /** Stable 64-bit seeds: String.hashCode is specified, so the mix is the same on every JVM. */
  static final class Seeds {
    private Seeds() {}

    static long of(long seed, String key) {
      long hash = 0xcbf29ce484222325L;
      for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
        hash ^= b;
        hash *= 0x100000001b3L;
      }
      return hash ^ seed * 0x9E3779B97F4A7C15L;
    }
  }
}
