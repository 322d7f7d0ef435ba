package io.codextestgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.codextestgen.config.Family;
import io.codextestgen.config.GeneratorConfig;
import io.codextestgen.corpus.Corpus;
import io.codextestgen.plan.CaseRow;
import io.codextestgen.plan.TestCasePlan;
import io.codextestgen.testing.GeneratedSuite;
import io.codextestgen.testing.GeneratedSuite.Outcome;
import io.codextestgen.testing.RequestCheck;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The valid, auth and malformed families of real public specs (the committed corpus) against Prism
 * ({@code @stoplight/prism-cli}, npm), a conformant mock that answers from the spec and validates requests: a
 * failure there is the generator's fault, unless a rule below says the mock cannot judge it.
 *
 * <p>What a mock cannot judge, as rules (never as a list of tests):
 * <ul>
 *   <li>Credentials: Prism checks that a credential is present, never its value, so the auth tests that send a
 *       wrong or malformed value (API key, token, password) are not counted.</li>
 *   <li>Keywords Prism skips: a malformed body row that Prism accepts is not counted when an independent validator
 *       ({@link RequestCheck}: networknt on the spec's request body schema) also finds the row's body invalid;
 *       a valid request that Prism refuses (422) is not counted when that validator finds its body valid. A form or
 *       multipart body is judged as OpenAPI says a server reads it: a field sent more than once, or for an array
 *       member, is an array (Prism takes a repeated field for one value, stoplightio/prism#2654). Either way the
 *       other verdict is a false failure of ours, and counted.</li>
 *   <li>A {@code oneOf} whose alternatives overlap (an object valid against both, as two open object schemas are):
 *       the spec relies on its discriminator or meant anyOf; plain JSON Schema, as Prism applies it, refuses the
 *       value the discriminator selects. A valid request Prism refuses for that alone, as the independent validator
 *       confirms, is the spec's slip.</li>
 *   <li>Resources the mock "created": Prism keeps no state, and the id its create answers with is made up (the
 *       example, or the least value of its type: -9007199254740991). A valid test on that id which Prism refuses
 *       (400/422, nowhere but in the path), while the independent validator finds the test's other parameters and
 *       body valid, is not counted.</li>
 *   <li>Header parameters OpenAPI says SHALL be ignored (Accept, Content-Type, Authorization): the suites do not send
 *       them, Prism requires them when marked required. A valid test refused (400/422) on such an operation, with
 *       everything it sends valid to the independent validator, is not counted.</li>
 *   <li>Bodies without a media type: Prism refuses every body (400 or 415, "No supported content types") sent to a
 *       Swagger 2.0 operation for which neither it nor the spec lists {@code consumes}; clients send JSON there.</li>
 *   <li>No answer: a request that gets no HTTP answer at all (connection refused or closed) got no verdict from the
 *       mock; nor do Prism's own errors in making up an answer ({@code stoplight.io/prism/errors#NO_...}).</li>
 *   <li>Answers Prism makes up: in its static mode Prism answers with the spec's examples, else with placeholders
 *       ({@code "string"}, {@code 0}, {@code ""}) whatever the pattern, format or minimum. A valid test that fails
 *       only because such an answer breaks the documented schema is a finding about the mock's answer (or the spec's
 *       example), listed apart, not a false failure.</li>
 * </ul>
 *
 * <p>Specs Prism itself refuses to load are reported and not counted; at least {@link #MINIMUM_SPECS} must run.
 *
 * <p>Every other failure is a false failure of ours, and fails the build: there are none.
 */
class PrismMockTest {

  private static final Path CORPUS = Path.of("src/test/resources/corpus");
  private static final Path PRISM = Path.of("../target/third-party/node_modules/@stoplight/prism-cli/dist/index.js");
  private static final int MINIMUM_SPECS = 30;
  private static final Set<Family> FAMILIES = Set.of(Family.VALID, Family.AUTH, Family.MALFORMED);

  /** Auth tests whose verdict a mock cannot give, by display name: Prism accepts any credential value. */
  private static final Predicate<String> MOCK_CANNOT_JUDGE = displayName ->
      displayName.contains(": wrong ") || displayName.contains(": malformed ");

  @TempDir Path work;

  @Test
  void theSuitesOfRealSpecsFailNowhereAgainstAConformantMock() throws Exception {
    io.codextestgen.testing.RealServerRun.requireInstalled(Files.isRegularFile(PRISM),
        "Prism is not installed: run scripts/third-party.sh (npm) first");
    List<Path> specs = selected();
    List<String> falseFailures = new ArrayList<>();
    List<String> report = new ArrayList<>();
    int ran = 0;
    int tests = 0;
    Map<String, Integer> notJudged = new java.util.TreeMap<>();
    List<String> mockAnswers = new ArrayList<>();
    for (Path spec : specs) {
      String name = CORPUS.relativize(spec).toString();
      Path dir = work.resolve("spec" + ran + "-" + report.size());
      GeneratorConfig config = GeneratorConfig.builder(spec, dir.resolve("unused"))
          .basePackage("prism.s" + report.size())
          .specPathInTests(spec.toString())
          .families(FAMILIES)
          .build();
      CodexTestgen.Generated result;
      try {
        result = CodexTestgen.render(config);
      } catch (io.codextestgen.diag.GenerationException e) {
        report.add(name + ": refused by the generator");
        continue;
      }
      try (Prism prism = Prism.start(spec)) {
        if (prism == null) {
          report.add(name + ": Prism cannot load it");
          continue;
        }
        try (GeneratedSuite suite = GeneratedSuite.compile(result.files(), dir.resolve("suite"))) {
          Map<String, Outcome> outcomes = new java.util.LinkedHashMap<>();
          for (Family family : new java.util.TreeSet<>(FAMILIES)) {
            suite.run(properties(prism.baseUri(), result.plan()), family.tag()).forEach((test, outcome) -> {
              if (!(family == Family.AUTH && MOCK_CANNOT_JUDGE.test(outcome.displayName()))) {
                outcomes.put(test, outcome);
              }
            });
          }
          Judge judge = new Judge(result, suite, RequestCheck.of(spec), spec);
          int failed = 0;
          int judged = 0;
          for (Map.Entry<String, Outcome> outcome : outcomes.entrySet()) {
            String rule = outcome.getValue().failed() ? judge.mockCannotJudge(outcome.getKey(),
                outcome.getValue().failure()) : null;
            if (rule != null) {
              notJudged.merge(rule, 1, Integer::sum);
              if (rule.equals(Judge.MOCK_ANSWER)) {
                mockAnswers.add(name + " :: " + outcome.getKey() + "\n    " + outcome.getValue().failure().strip()
                    .replace("\n", "\n    "));
              }
              continue;
            }
            judged++;
            if (outcome.getValue().failed()) {
              failed++;
              falseFailures.add(name + " :: " + outcome.getKey() + "\n    " + outcome.getValue().failure()
                  .replace("\n", "\n    "));
            }
          }
          ran++;
          tests += judged;
          report.add(name + ": " + judged + " tests, " + failed + " failed");
          System.err.println("prism: " + report.get(report.size() - 1));
        }
      }
    }
    System.out.println("Prism mock: " + ran + " specs, " + tests + " tests, " + falseFailures.size()
        + " false failures\n  " + String.join("\n  ", report));
    System.out.println("Not counted, by rule: " + notJudged);
    System.out.println("Answers of the mock that break the spec (findings about Prism or the spec's examples):");
    mockAnswers.forEach(System.out::println);
    System.out.println("False failures:");
    falseFailures.forEach(System.out::println);
    assertThat(ran).as("specs run against Prism").isGreaterThanOrEqualTo(MINIMUM_SPECS);
    assertThat(falseFailures).as("false failures (ours) against Prism").isEmpty();
  }

  /** The corpus specs, or those named by -Dcodex.prism.specs (comma-separated, relative to the corpus). */
  private static List<Path> selected() throws IOException {
    String only = System.getProperty("codex.prism.specs");
    if (only != null && !only.isBlank()) {
      return java.util.Arrays.stream(only.split(",")).map(String::trim).map(CORPUS::resolve).toList();
    }
    return Corpus.specsUnder(CORPUS);
  }

  /**
   * The base URI, and any value for every credential the suite reads (Prism checks presence only), as the plan the
   * renderer read names them: a token is given statically, so nothing is fetched.
   */
  private static Map<String, String> properties(String baseUri, io.codextestgen.plan.TestPlan plan) {
    Map<String, String> properties = new java.util.TreeMap<>();
    properties.put("codex.baseUri", baseUri);
    properties.put("codex.http.timeoutSeconds", "10");
    for (io.codextestgen.plan.CredentialPlan credential : plan.support().credentials()) {
      if (credential.kind() == io.codextestgen.plan.CredentialPlan.Kind.BASIC) {
        properties.put(credential.property() + ".username", "prism-accepts-any-value");
        properties.put(credential.property() + ".password", "prism-accepts-any-value");
      } else {
        properties.put(credential.property(), "prism-accepts-any-value");
      }
    }
    return properties;
  }

  /** Applies the rules of what a mock cannot judge (see the class comment) to one failed test. */
  private static final class Judge {
    static final String NO_ANSWER = "no HTTP answer from the mock";
    static final String PRISM_ERROR = "Prism failed to make up an answer";
    static final String SKIPPED_KEYWORD = "malformed row Prism accepts, an independent validator refuses";
    static final String REFUSED_VALID = "valid request Prism refuses, an independent validator accepts";
    static final String NO_CONSUMES = "body sent where a Swagger 2.0 spec lists no consumes";
    static final String OVERLAPPING_ONE_OF = "valid request refused for a oneOf no value can satisfy (the spec's)";
    static final String MOCK_ANSWER = "the mock's answer breaks the spec";
    static final String MADE_UP_ID = "the id of a resource the mock made up (it keeps no state) refused";
    static final String IGNORED_HEADER = "a header OpenAPI says to ignore (Authorization...) required by the mock";
    /** The status a failed status check reports: "but was <422>" or "but ... <201> was less than". */
    private static final java.util.regex.Pattern STATUS = java.util.regex.Pattern.compile(
        " but .*?(?:<(\\d{3})> was|was <(\\d{3})>)");
    /**
     * A request and its answer in a failure ("POST /store/order -> 400"); the last one is what the test got. A display
     * name's "-> 200" is what it expected and does not match (no method and path right before it).
     */
    private static final java.util.regex.Pattern ANSWER = java.util.regex.Pattern.compile(
        "(GET|PUT|POST|PATCH|DELETE|HEAD|OPTIONS) (\\S+) -> (\\d{3})");
    /** Where Prism's validation of a refused request found what it refused ("location":["body", ...]). */
    private static final java.util.regex.Pattern LOCATION = java.util.regex.Pattern.compile(
        "\"location\":\\[\"(\\w+)\"");

    private final Map<String, TestCasePlan> cases = new java.util.HashMap<>();
    private final Map<String, CaseRow> rows = new java.util.HashMap<>();
    private final GeneratedSuite suite;
    /** The generated class whose {@code patch} makes a row's body, as the test does. */
    private final String helpersClass;
    private final RequestCheck check;
    private final com.fasterxml.jackson.databind.JsonNode spec;

    Judge(CodexTestgen.Generated result, GeneratedSuite suite, RequestCheck check, Path specFile) throws IOException {
      this.suite = suite;
      this.check = check;
      this.spec = RequestCheck.read(specFile);
      this.helpersClass = result.plan().basePackage() + ".SuiteSupport";
      result.plan().classes().forEach(testClass -> testClass.cases().forEach(testCase -> {
        cases.put(testCase.methodName(), testCase);
        for (CaseRow row : testCase.rows()) {
          rows.put(key(testCase.methodName() + " > " + row.violation() + " (" + row.pointer() + ")"), row);
        }
      }));
    }

    /** A row's name as JUnit shows it and as the plan has it, alike: no quotes, no escaping backslashes. */
    private static String key(String test) {
      return test.replace("\"", "").replace("\\", "");
    }

    /** The rule under which the mock cannot judge this failure, or null when it is a false failure of ours. */
    String mockCannotJudge(String test, String failure) {
      if (failure.contains("ConnectException") || failure.contains("failed to respond")) {
        return NO_ANSWER;
      }
      if (failure.contains("stoplight.io/prism/errors#NO_")
          || failure.contains("stoplight.io/prism/errors#SCHEMA_TOO_COMPLEX")) {
        return PRISM_ERROR;
      }
      if (bodyWithoutConsumes(failure)) {
        return NO_CONSUMES;
      }
      TestCasePlan testCase = cases.get(test.contains(" > ") ? test.substring(0, test.indexOf(" > ")) : test);
      if (testCase == null || check == null) {
        return null;
      }
      java.util.regex.Matcher status = STATUS.matcher(failure);
      java.util.regex.Matcher answer = lastAnswer(failure);
      int got = status.find() ? Integer.parseInt(status.group(1) != null ? status.group(1) : status.group(2))
          : answer == null ? 0 : Integer.parseInt(answer.group(3));
      Set<String> refusedIn = new java.util.HashSet<>();
      for (java.util.regex.Matcher location = LOCATION.matcher(failure); location.find(); ) {
        refusedIn.add(location.group(1));
      }
      boolean prismRefused = got == 422 && failure.contains("UNPROCESSABLE_ENTITY") && !refusedIn.isEmpty();
      String bodyPointer = testCase.pointer().endsWith("/requestBody") ? testCase.pointer()
          : testCase.pointer() + "/requestBody";
      if (testCase.shape() == TestCasePlan.Shape.BODY_PATCH_ROWS && got >= 200 && got < 300) {
        CaseRow row = rows.get(key(test));
        String body = row == null ? null : patched(testCase, row);
        List<String> violations = body == null ? null
            : check.violations(bodyPointer, testCase.request().body().contentType(), body);
        return violations != null && !violations.isEmpty() ? SKIPPED_KEYWORD : null;
      }
      if (testCase.shape() == TestCasePlan.Shape.PARAMETER_ROWS && got >= 200 && got < 300) {
        CaseRow row = rows.get(key(test));
        List<String> violations = row == null ? null : check.parameterViolations(operationPointer(testCase),
            row.location(), row.target(), row.value());
        return violations != null && !violations.isEmpty() ? SKIPPED_KEYWORD : null;
      }
      // A public operation's "answers without credentials" test sends the very request of its valid test.
      boolean sendsValid = testCase.family().equals("valid") || cases.values().stream().anyMatch(other ->
          other.family().equals("valid") && other.operationId().equals(testCase.operationId())
              && other.request().equals(testCase.request()));
      if (sendsValid && prismRefused
          && Set.of("path", "query", "header").containsAll(refusedIn) && parametersValid(testCase)) {
        return REFUSED_VALID;
      }
      if (testCase.family().equals("valid") && got >= 200 && got < 300
          && failure.contains("the response breaks the spec") && !failure.contains("is not documented")) {
        return MOCK_ANSWER;
      }
      if (sendsValid && (got == 400 || got == 422) && !testCase.request().producedPathParams().isEmpty()
          && Set.of("path").containsAll(refusedIn) && restValid(testCase, bodyPointer)) {
          return MADE_UP_ID;
      }
      if (sendsValid && (got == 400 || got == 422) && refusedIn.isEmpty() && requiresIgnoredHeader(testCase)
          && restValid(testCase, bodyPointer)) {
        return IGNORED_HEADER;
      }
      var sentBody = testCase.request().body();
      if (sendsValid && prismRefused && refusedIn.equals(Set.of("body")) && sentBody != null
          && (sentBody.kind() == io.codextestgen.plan.BodyPlan.Kind.FORM
              || sentBody.kind() == io.codextestgen.plan.BodyPlan.Kind.MULTIPART)) {
        List<String> violations = check.formViolations(bodyPointer, sentBody.contentType(), sentBody.fields(),
            sentBody.fileFields());
        return violations != null && violations.isEmpty() ? REFUSED_VALID : null;
      }
      if (sendsValid && prismRefused && refusedIn.equals(Set.of("body"))
          && testCase.request().body() != null && testCase.request().body().kind()
              == io.codextestgen.plan.BodyPlan.Kind.JSON) {
        List<String> violations = check.violations(bodyPointer, testCase.request().body().contentType(),
            testCase.request().body().text());
        if (violations != null && !violations.isEmpty()
            && violations.stream().allMatch(v -> v.startsWith(RequestCheck.OVERLAPPING_ONE_OF))) {
          return OVERLAPPING_ONE_OF;
        }
        return violations != null && violations.isEmpty() ? REFUSED_VALID : null;
      }
      return null;
    }

    /**
     * Whether the test's operation declares a required header parameter named Accept, Content-Type or Authorization,
     * which OpenAPI says SHALL be ignored (the suites send none; Prism requires it).
     */
    private boolean requiresIgnoredHeader(TestCasePlan testCase) {
      String operation = operationPointer(testCase).substring(1);
      for (String owner : List.of(operation, operation.substring(0, operation.lastIndexOf('/')))) {
        for (com.fasterxml.jackson.databind.JsonNode parameter : spec.at(owner + "/parameters")) {
          String name = parameter.path("name").asText().toLowerCase(java.util.Locale.ROOT);
          if ("header".equals(parameter.path("in").asText()) && parameter.path("required").asBoolean()
              && Set.of("accept", "content-type", "authorization").contains(name)) {
            return true;
          }
        }
      }
      return false;
    }

    /** Whether the failure's last exchange was a 400/415 to a Swagger 2.0 body operation with no consumes. */
    private boolean bodyWithoutConsumes(String failure) {
      java.util.regex.Matcher answer = lastAnswer(failure);
      if (answer == null || !answer.group(3).equals("400") && !answer.group(3).equals("415")
          || !"2.0".equals(spec.path("swagger").asText()) || spec.has("consumes")) {
        return false;
      }
      com.fasterxml.jackson.databind.JsonNode operation = spec.path("paths").path(answer.group(2))
          .path(answer.group(1).toLowerCase(java.util.Locale.ROOT));
      boolean body = false;
      for (com.fasterxml.jackson.databind.JsonNode parameter : operation.path("parameters")) {
        body |= "body".equals(parameter.path("in").asText()) || "formData".equals(parameter.path("in").asText());
      }
      return body && !operation.has("consumes");
    }

    /** The last request and answer a failure names (groups: method, path, status), or null. */
    private static java.util.regex.Matcher lastAnswer(String failure) {
      java.util.regex.Matcher answer = ANSWER.matcher(failure);
      int last = -1;
      while (answer.find()) {
        last = answer.start();
      }
      return last >= 0 && answer.find(last) ? answer : null;
    }

    private static String operationPointer(TestCasePlan testCase) {
      String pointer = testCase.pointer();
      for (String tail : List.of("/parameters", "/requestBody", "/security")) {
        if (pointer.endsWith(tail)) {
          return pointer.substring(0, pointer.length() - tail.length());
        }
      }
      return pointer;
    }

    /**
     * Whether the independent check finds the test's fixed parameters valid and its body (if any) too: what the
     * mock refused is then elsewhere.
     */
    private boolean restValid(TestCasePlan testCase, String bodyPointer) {
      var body = testCase.request().body();
      if (body == null) {
        return parametersValid(testCase);
      }
      List<String> violations = body.kind() == io.codextestgen.plan.BodyPlan.Kind.JSON
          ? check.violations(bodyPointer, body.contentType(), body.text())
          : check.formViolations(bodyPointer, body.contentType(), body.fields(), body.fileFields());
      return violations != null && violations.isEmpty() && parametersValid(testCase);
    }

    /** Whether the independent check finds every parameter value of the test's request valid (all judged). */
    private boolean parametersValid(TestCasePlan testCase) {
      var request = testCase.request();
      Map<String, List<io.codextestgen.plan.NameValue>> sent = Map.of("path", request.pathParams(), "query",
          request.queryParams(), "header", request.headers());
      for (Map.Entry<String, List<io.codextestgen.plan.NameValue>> in : sent.entrySet()) {
        for (io.codextestgen.plan.NameValue value : in.getValue()) {
          List<String> violations = check.parameterViolations(operationPointer(testCase), in.getKey(),
              value.name(), value.value());
          if (violations == null || !violations.isEmpty()) {
            return false;
          }
        }
      }
      return true;
    }

    /**
     * The body a patch row sends, computed by the suite's own support class (a row written as
     * {@code lengthened(...)} makes the value the plan holds).
     */
    private String patched(TestCasePlan testCase, CaseRow row) {
      try {
        return (String) suite.loadClass(helpersClass).getMethod("patch", String.class, String.class, String.class)
            .invoke(null, testCase.request().body().text(), row.target(), row.value());
      } catch (ReflectiveOperationException e) {
        return null;
      }
    }
  }

  /** A Prism mock of one spec on a free 127.0.0.1 port. */
  private record Prism(Process process, int port) implements AutoCloseable {

    static Prism start(Path spec) throws Exception {
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      Process process = new ProcessBuilder("node", PRISM.toString(), "mock", "-h", "127.0.0.1", "-p",
          String.valueOf(port), spec.toAbsolutePath().toString()).redirectErrorStream(true).start();
      BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8));
      CompletableFuture<Boolean> listening = CompletableFuture.supplyAsync(() -> {
        try {
          for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.contains("Prism is listening")) {
              return true;
            }
          }
        } catch (IOException e) {
          return false;
        }
        return false;
      });
      boolean up;
      try {
        up = listening.get(60, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        up = false;
      }
      if (!up) {
        process.destroyForcibly();
        return null;
      }
      Thread drain = new Thread(() -> {
        try {
          output.lines().forEach(ignored -> { });
        } catch (java.io.UncheckedIOException e) {
          // the mock was stopped: its output is closed
        }
      }, "prism-output");
      drain.setDaemon(true);
      drain.start();
      return new Prism(process, port);
    }

    String baseUri() {
      return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
