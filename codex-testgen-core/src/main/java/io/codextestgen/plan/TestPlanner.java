package io.codextestgen.plan;

import io.codextestgen.api.ApiModel;
import io.codextestgen.api.Operation;
import io.codextestgen.config.Family;
import io.codextestgen.config.GeneratorConfig;
import io.codextestgen.diag.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Decides every test of the suite from the API model and the config; the renderer only writes it down. Operations
 * are grouped into classes by tag; each family planner adds its cases for an operation, in a fixed order.
 */
public final class TestPlanner {

  static final String SUPPORT_CLASS = "ApiTestSupport";
  static final int MAX_OPERATIONS_PER_CLASS = 100;

  private final ApiModel model;
  private final GeneratorConfig config;
  private final List<SkippedOperation> skipped = new ArrayList<>();
  private final List<Diagnostic> warnings = new ArrayList<>();
  private final List<OperationSummary> summaries = new ArrayList<>();
  private final SecurityChoices security;
  private final RequestFactory requests;
  private final AuthCases auth;
  private final AuthzCases authz;
  private String authzReason;
  /** Item operations whose object-level tests wait for {@code secondIdentity}: the report says how to enable them. */
  private int itemOperationsWithoutSecondIdentity;
  static final String SECOND_IDENTITY_HINT = "object-level tests (another identity's request for an item) need a"
      + " second identity: set secondIdentity (pom <secondIdentity>true</secondIdentity>, CLI --second-identity),"
      + " then run the tests with codex.auth2.<scheme> credentials";
  private final MalformedCases malformed;
  private final RateLimitCases rateLimits;
  private final FlowCases flows;
  private final LlmCases llm;
  private String flowReason;
  private final SemanticsCases semantics;
  private String semanticsReason;
  private final Map<String, ProducerPlan> classProducers = new java.util.LinkedHashMap<>();

  private TestPlanner(ApiModel model, GeneratorConfig config, io.codextestgen.llm.ModelAnswers answers) {
    this.model = model;
    this.config = config;
    this.security = new SecurityChoices(model);
    this.requests = new RequestFactory(model, config.seed(), this::warnOnce, config::fixture,
        config::requestBody);
    this.auth = new AuthCases(security);
    this.authz = new AuthzCases(security);
    this.malformed = new MalformedCases(model, config);
    this.rateLimits = new RateLimitCases(config);
    this.flows = new FlowCases(model, requests, security);
    this.semantics = new SemanticsCases(model, flows, config.seed());
    this.llm = answers == null || config.llm().mode() == io.codextestgen.config.LlmSettings.Mode.OFF ? null
        : new LlmCases(config, new io.codextestgen.llm.Refiner(model, config.llm(), answers), warnings::add);
  }

  /** The plan without the model's proposals. */
  public static TestPlan plan(ApiModel model, GeneratorConfig config) {
    return plan(model, config, null);
  }

  /** The plan, with the proposals {@code answers} give when LLM refinement is on. */
  public static TestPlan plan(ApiModel model, GeneratorConfig config, io.codextestgen.llm.ModelAnswers answers) {
    return new TestPlanner(model, config, answers).planSuite();
  }

  private TestPlan planSuite() {
    Map<String, List<Operation>> groups = new TreeMap<>();
    for (Operation operation : model.operations()) {
      groups.computeIfAbsent(groupOf(operation), g -> new ArrayList<>()).add(operation);
    }
    Names.Unique classNames = new Names.Unique();
    classNames.claim(SUPPORT_CLASS);
    List<TestClassPlan> classes = new ArrayList<>();
    groups.forEach((group, all) -> {
      // Huge groups are split so that no class nears javac's limits (constant pool, methods, class size).
      for (int from = 0, part = 1; from < all.size(); from += MAX_OPERATIONS_PER_CLASS, part++) {
        List<Operation> operations = all.subList(from, Math.min(all.size(), from + MAX_OPERATIONS_PER_CLASS));
        Names.Unique methodNames = new Names.Unique();
        classProducers.clear();
        List<TestCasePlan> cases = new ArrayList<>();
        for (Operation operation : operations) {
          int skippedBefore = skipped.size();
          List<TestCasePlan> planned = planOperation(operation, methodNames);
          summaries.add(summary(operation, planned,
              skipped.size() > skippedBefore ? skipped.get(skipped.size() - 1).reason() : null));
          cases.addAll(planned);
        }
        if (!cases.isEmpty()) {
          String className = classNames.claim(classStem(group) + (part == 1 ? "" : String.valueOf(part))
              + config.classSuffix());
          classes.add(new TestClassPlan(className, group, cases, new ArrayList<>(classProducers.values())));
        }
      }
    });
    if (itemOperationsWithoutSecondIdentity > 0) {
      warnings.add(Diagnostic.warning(model.specFileName(), "", itemOperationsWithoutSecondIdentity
          + " item operation" + (itemOperationsWithoutSecondIdentity == 1 ? "" : "s") + " without object-level"
          + " authorization tests: " + SECOND_IDENTITY_HINT));
    }
    return new TestPlan(config.basePackage(), support(), classes, skipped, warnings, model.title(), summaries,
        new ArrayList<>(model.securitySchemes().keySet()));
  }

  /** Characters of a class name taken from a tag: its file name (and the writer's temporary one) must fit 255 bytes. */
  static final int MAX_CLASS_STEM = 60;

  /** The start of a test class's name: the group (a tag, or a path's first segment), cut to {@link #MAX_CLASS_STEM}. */
  private static String classStem(String group) {
    String stem = Names.upperCamel(group, "Api");
    return stem.codePointCount(0, stem.length()) <= MAX_CLASS_STEM ? stem
        : stem.substring(0, stem.offsetByCodePoints(0, MAX_CLASS_STEM));
  }

  private SupportPlan support() {
    List<CredentialPlan> credentials = security.credentialPlans();
    Set<String> sensitive = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    sensitive.addAll(List.of("Authorization", "Cookie", "Proxy-Authorization"));
    credentials.stream().filter(c -> "header".equals(c.location())).forEach(c -> sensitive.add(c.parameterName()));
    boolean logFailures = credentials.stream().noneMatch(c -> "query".equals(c.location()));
    return new SupportPlan(SUPPORT_CLASS, model.specFileName(), config.specPathInTests(),
        fallbackServer(), credentials, new ArrayList<>(sensitive), logFailures, new RateLimitCaps(
            config.rateLimitMaxRequests(), config.rateLimitConcurrency(), config.rateLimitMaxWaitSeconds()));
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
    Optional<String> unselected = config.selection().rejects(operation.tags(),
        operation.operationId() == null ? label : operation.operationId(), operation.path(), operation.method().name());
    if (unselected.isPresent()) {
      skip(operation, "not selected: " + unselected.get());
      return List.of();
    }
    if (operation.deprecated() && !config.includeDeprecated()) {
      skip(operation, "deprecated: set includeDeprecated to generate its tests");
      return List.of();
    }
    if (config.destructiveMethods().contains(operation.method().name()) && !config.includeDestructive()) {
      skip(operation, operation.method() + " is destructive: set includeDestructive to generate its tests");
      return List.of();
    }
    if (!operation.responses().isEmpty()
        && operation.responses().stream().allMatch(response -> response.status().startsWith("1"))) {
      skip(operation, "it documents only informational (1xx) responses, which are never a request's final answer:"
          + " a request/response test cannot judge it");
      return List.of();
    }
    if (!operation.responses().isEmpty()
        && operation.responses().stream().allMatch(response -> response.status().startsWith("1")
            || response.status().startsWith("5"))) {
      skip(operation, "it documents only server errors (5xx) as answers, and a test never takes a 5xx for a pass:"
          + " document the answer a valid request gets to test it");
      return List.of();
    }
    List<List<String>> alternatives = security.supportedAlternatives(operation);
    if (!operation.security().isEmpty() && alternatives.isEmpty()) {
      skip(operation, "no security alternative uses only supported schemes (apiKey, http basic/bearer, oauth2,"
          + " openIdConnect)");
      return List.of();
    }
    List<CredentialUse> credentials = new ArrayList<>();
    if (!alternatives.isEmpty()) {
      alternatives.get(0).forEach(scheme -> credentials.add(CredentialUse.valid(scheme)));
      alternatives.forEach(security::use);
      security.useScopes(operation);
    }
    flowReason = null;
    semanticsReason = null;
    List<ValidRequest> valid = requests.validRequests(operation, credentials);
    List<NameValue> produced = new ArrayList<>();
    for (ProducerPlan producer : flows.producersFor(operation)) {
      // one producer method per class and resource: tests of other operations reuse it
      ProducerPlan shared = classProducers.computeIfAbsent(producer.methodName(), name -> producer);
      // A test that deletes the resource gets a fresh one; the others share one, created once per class.
      produced.add(new NameValue(producer.parameter(), operation.method() == io.codextestgen.api.HttpMethod.DELETE
          ? shared.methodName() : ProducerPlan.sharedName(shared.methodName())));
    }
    if (!produced.isEmpty()) {
      valid = valid.stream().map(v -> v.withRequest(v.request().withProduced(produced))).toList();
    }
    if (valid.isEmpty()) {
      skip(operation, requests.unsatisfiable() != null ? requests.unsatisfiable()
          : "its request body is required but no media type can be sent (supported: JSON, form,"
          + " simple multipart, text)");
      return List.of();
    }
    String id = operation.operationId() != null ? operation.operationId() : label;
    String baseName = Names.identifier(operation.operationId(), Names.lowerCamel(label, "operation"));
    OperationContext context = new OperationContext(operation, label, id, baseName, alternatives, valid,
        methodNames);
    List<TestCasePlan> cases = new ArrayList<>();
    if (config.generates(Family.VALID)) {
      cases.addAll(validCases(context));
    }
    if (config.generates(Family.AUTH)) {
      cases.addAll(auth.plan(context));
    }
    authzReason = null;
    if (config.generates(Family.AUTHZ)) {
      cases.addAll(authz.plan(context));
      SemanticsCases.Outcome objectLevel = semantics.otherIdentity(context, config.secondIdentity());
      cases.addAll(objectLevel.cases());
      boolean needsSecondIdentity = objectLevel.cases().isEmpty() && objectLevel.reason() == null;
      if (needsSecondIdentity) {
        itemOperationsWithoutSecondIdentity++;
      }
      authzReason = needsSecondIdentity ? SECOND_IDENTITY_HINT : objectLevel.reason();
    }
    if (config.generates(Family.MALFORMED)) {
      cases.addAll(malformed.plan(context));
    }
    if (config.generates(Family.RATE_LIMIT)) {
      cases.addAll(rateLimits.plan(context));
    }
    if (config.generates(Family.FLOW)) {
      FlowCases.Outcome flow = flows.plan(context);
      cases.addAll(flow.cases());
      flowReason = flow.reason();
    }
    if (config.generates(Family.SEMANTICS)) {
      SemanticsCases.Outcome outcome = semantics.plan(context);
      cases.addAll(outcome.cases());
      semanticsReason = outcome.reason();
    }
    if (llm != null) {
      cases.addAll(llm.plan(context, cases));
    }
    return cases;
  }

  /** Tests per family and, for the families without any, why: what the report shows for the operation. */
  private OperationSummary summary(Operation operation, List<TestCasePlan> cases, String skipReason) {
    Map<String, Integer> tests = new TreeMap<>();
    Set<String> exercised = new TreeSet<>();
    for (TestCasePlan testCase : cases) {
      tests.merge(testCase.family(), TestPlan.invocations(testCase), Integer::sum);
      testCase.expect().statuses().forEach(status -> exercised.add(String.valueOf(status)));
      testCase.expect().statusClasses().forEach(c -> exercised.add(c + "XX"));
    }
    Map<String, String> notGenerated = new TreeMap<>();
    for (Family family : Family.values()) {
      if (tests.containsKey(family.tag())) {
        continue;
      }
      String reason = skipReason != null ? skipReason
          : !config.generates(family) ? "family turned off in the configuration"
          : switch (family) {
            case AUTH -> "the spec defines no security schemes";
            case MALFORMED -> "nothing to break: no JSON body and no parameters";
            case RATE_LIMIT -> "no 429 documented, no RateLimit headers, no limit configured";
            case FLOW -> flowReason;
            case SEMANTICS -> semanticsReason;
            case AUTHZ -> "its security names no OAuth2 or OpenID Connect scopes"
                + (authzReason == null ? "" : "; " + authzReason);
            case VALID -> "no request can be built";
          };
      notGenerated.put(family.tag(), reason);
    }
    List<String> documented = operation.responses().stream().map(r -> r.status()).toList();
    List<String> rules = cases.stream().filter(c -> c.semantics() != null)
        .map(c -> c.semantics().rule().phrase()).toList();
    return new OperationSummary(operation.operationId(), operation.method().name(), operation.path(), tests,
        notGenerated, documented, new ArrayList<>(exercised), rules);
  }

  private static List<TestCasePlan> validCases(OperationContext context) {
    List<TestCasePlan> cases = new ArrayList<>();
    for (ValidRequest request : context.validRequests()) {
      List<String> unknown = new ArrayList<>(request.unfixedPathParameters());
      request.request().producedPathParams().forEach(produced -> unknown.remove(produced.name()));
      // A made-up id may name nothing: without a fixture, any documented answer but a 5xx will do, and 404
      // (documented or not: HTTP's answer for a resource that does not exist).
      ExpectationPlan expect = unknown.isEmpty() ? Expectations.valid(context.operation())
          : Expectations.documentedBelow500OrNotFound(context.operation());
      String note = unknown.isEmpty() ? "" : " (no fixture given for " + String.join(", ", unknown.stream()
          .map(name -> "'" + name + "'").toList()) + ")";
      cases.add(TestCasePlan.single(context.method("valid" + request.suffix()),
          context.label() + ": valid request" + request.label() + note + " -> " + Expectations.describe(expect),
          Family.VALID.tag(), context.operationId(), context.operation().pointer(), request.request(), expect,
          unknown.isEmpty()));
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
    skipped.add(new SkippedOperation(operation.operationId(), operation.method().name(), operation.path(), reason));
  }

  /** A URL the suite can send requests to as it is: http(s), a host, nothing a URI may not hold. */
  private static boolean isAbsoluteHttpUrl(String url) {
    try {
      java.net.URI uri = new java.net.URI(url);
      return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null && uri.getRawQuery() == null && uri.getRawFragment() == null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private String fallbackServer() {
    if (!config.useSpecServers() || model.serverUrls().isEmpty()) {
      return null;
    }
    String url = model.serverUrls().get(0);
    if (!isAbsoluteHttpUrl(url)) {
      warnings.add(Diagnostic.warning(model.specFileName(), "#/servers/0/url", "useSpecServers is set but "
          + Diagnostic.quote(url) + " is not an absolute http(s) URL (with its variables' defaults filled in);"
          + " the suite will need codex.baseUri"));
      return null;
    }
    return url;
  }

  /** Stable 64-bit seeds: FNV-1a over the key's UTF-8 bytes, mixed with the configured seed. */
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
