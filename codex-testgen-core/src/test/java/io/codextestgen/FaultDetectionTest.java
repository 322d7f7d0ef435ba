package io.codextestgen;

import static io.codextestgen.testing.GeneratedSuite.Outcome.failures;
import static org.assertj.core.api.Assertions.assertThat;

import io.codextestgen.config.GeneratorConfig;
import io.codextestgen.config.RateLimit;
import io.codextestgen.testing.GeneratedSuite;
import io.codextestgen.testing.GeneratedSuite.Outcome;
import io.codextestgen.testing.SpecFake;
import io.codextestgen.testing.SpecFake.Fault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bookshop suite, all four families, against a spec-driven fake on 127.0.0.1: it passes when the server is
 * correct, and each deliberate fault fails the tests that guard against it, and only those. One row per fault.
 */
class FaultDetectionTest {

  private static final Path SPEC = Path.of("src/test/resources/golden/bookshop-oas30/openapi.yaml");
  private static final Map<String, String> CREDENTIALS = Map.of(
      "apiKey", "key-123", "adminToken", "admin-456", "bearer", "token-789", "oauth", "oauth-000",
      "basic", "reader:secret");

  static SpecFake fake;
  static GeneratedSuite suite;

  @BeforeAll
  static void start(@TempDir Path work) throws IOException {
    fake = SpecFake.start(SPEC, CREDENTIALS, 40);
    GeneratorConfig config = GeneratorConfig.builder(SPEC, work.resolve("unused"))
        .basePackage("faults.bookshop")
        .specPathInTests(SPEC.toString())
        .includeDestructive(true)
        // flows need a server that keeps data: FlowTest runs them against a stateful fake
        .families(java.util.Set.of(io.codextestgen.config.Family.VALID, io.codextestgen.config.Family.AUTH, io.codextestgen.config.Family.MALFORMED, io.codextestgen.config.Family.RATE_LIMIT))
        // the fake announces its own window (2 s); this one lets a burst judge a server that announces nothing
        .rateLimits(Map.of("listBooks", RateLimit.parse("40/30s")))
        .build();
    suite = GeneratedSuite.compile(CodexTestgen.render(config).files(), work);
  }

  @AfterAll
  static void stop() throws IOException {
    fake.close();
    suite.close();
  }

  /**
   * Runs the suite as users should: rate-limit tests in a run of their own, after the others, since a burst uses up
   * the quota that other tests of the same client need.
   */
  private static Map<String, Outcome> run(Fault fault) {
    fake.fault(fault);
    Map<String, Outcome> outcomes = new TreeMap<>(suite.run(properties(), "!rate-limit"));
    outcomes.putAll(suite.run(properties(), "rate-limit"));
    return outcomes;
  }

  private static Map<String, String> properties() {
    Map<String, String> properties = new TreeMap<>(CREDENTIAL_PROPERTIES);
    properties.put("codex.baseUri", "http://127.0.0.1:" + fake.port());
    return properties;
  }

  private static final Map<String, String> CREDENTIAL_PROPERTIES = Map.of(
        "codex.rateLimit", "true",
        "codex.auth.apiKey", "key-123",
        "codex.auth.adminToken", "admin-456",
        "codex.auth.bearer", "token-789",
        "codex.auth.oauth", "oauth-000",
        "codex.auth.basic.username", "reader",
        "codex.auth.basic.password", "secret");

  @Test
  void everyFamilyPassesAgainstACorrectServer() {
    Map<String, Outcome> outcomes = run(Fault.NONE);

    assertThat(failures(outcomes)).isEmpty();
    assertThat(outcomes.values()).as("nothing aborted: every test could judge").noneMatch(Outcome::aborted);
    assertThat(outcomes.keySet()).as("all four families ran")
        .anyMatch(name -> name.endsWith("_valid"))
        .anyMatch(name -> name.contains("_noCredentials_rejected"))
        .anyMatch(name -> name.startsWith("createBook_invalidBody_rejected > "))
        .anyMatch(name -> name.endsWith("_burst_rateLimited"));
  }

  /**
   * When the create whose resource a class's tests share is refused, the first test that needs it fails saying
   * why, and the later ones abort naming the create and its failure: one finding, not one a test.
   */
  @Test
  void aRefusedSharedCreateFailsOneTestAndTheLaterOnesAbortNamingIt() {
    fake.fault(Fault.PUBLISHED_REQUIRED_IN_PROSE);
    Map<String, Outcome> outcomes = suite.run(properties(), "valid | auth");

    Map<String, Outcome> needingABook = new TreeMap<>(outcomes);
    needingABook.keySet().removeIf(name -> !name.matches("(getBook|replaceBook|deleteBook)_.*"));

    assertThat(failures(needingABook)).as("the first test that needs a book fails, saying why").hasSize(1)
        .allSatisfy((name, failure) -> assertThat(failure).contains("Expected status code <201> but was <400>"));
    assertThat(needingABook.values().stream().filter(Outcome::aborted)).as("the tests after it abort")
        .hasSize(needingABook.size() - 1)
        .allSatisfy(outcome -> assertThat(outcome.failure())
            .contains("POST /books failed in an earlier test of this class")
            .contains("Expected status code <201> but was <400>"));
    assertThat(needingABook.keySet()).anyMatch(name -> name.startsWith("deleteBook_"))
        .anyMatch(name -> name.startsWith("getBook_"));
  }

  static Stream<Arguments> faults() {
    // Every test that gets a 2xx validates the response: valid requests, the public check, and bursts; and the
    // tests of getBook, replaceBook and deleteBook first create the book they need through POST /books.
    String valid = "(\\w+_valid(_\\w+)?|health_public_acceptedWithoutCredentials|\\w+_burst_rateLimited"
        + "|(getBook|replaceBook|deleteBook)_\\w+( > .*)?)";
    return Stream.of(
        fault(Fault.AUTH_NOT_ENFORCED, "listBooks_noCredentials_rejected",
            "\\w+_(noCredentials|wrong\\w+|malformed\\w+|without\\w+)_rejected"),
        fault(Fault.SERVER_ERROR_ON_MALFORMED_JSON, "createBook_malformedJson_rejected > unparseable JSON",
            "\\w+_malformedJson_rejected > (unparseable|truncated) JSON.*"),
        fault(Fault.MISSING_REQUIRED_ACCEPTED, "createBook_invalidBody_rejected > missing required 'isbn'",
            "\\w+_invalidBody_rejected > missing required .*"),
        fault(Fault.MAXIMUM_IGNORED, "createBook_invalidBody_rejected > 'price' above maximum 10000",
            "\\w+_(invalidBody|invalidParameter)_rejected > .*above maximum.*"),
        fault(Fault.ENUM_IGNORED, "createBook_invalidBody_rejected > 'genre' not in enum",
            "\\w+_(invalidBody|invalidParameter)_rejected > .*not in enum.*"),
        fault(Fault.ADDITIONAL_PROPERTIES_IGNORED, "createBook_invalidBody_rejected > unknown property",
            "\\w+_invalidBody_rejected > unknown property.*"),
        // 'authors' is also uniqueItems: the extra authors differ, or the row would pass on that constraint alone.
        fault(Fault.MAX_ITEMS_IGNORED, "createBook_invalidBody_rejected > more than 10 items in 'authors'",
            "\\w+_invalidBody_rejected > more than \\d+ items.*"),
        // No 429 and no counters: judged by the client's clock within the configured window (listBooks only).
        fault(Fault.NO_RATE_LIMIT, "listBooks_burst_rateLimited", "listBooks_burst_rateLimited"),
        // Counters announced (0 remaining, reset in 1-2 s) but never enforced: judged by the server's own counters.
        fault(Fault.RATE_LIMIT_NOT_ENFORCED, "createBook_burst_rateLimited", "\\w+_burst_rateLimited"),
        fault(Fault.NO_RETRY_AFTER, "listBooks_burst_rateLimited", "\\w+_burst_rateLimited"),
        fault(Fault.RESPONSE_VIOLATES_SCHEMA, "getBook_valid", valid),
        fault(Fault.WRONG_CONTENT_TYPE, "getBook_valid", valid),
        fault(Fault.UNDOCUMENTED_STATUS, "createBook_valid", valid),
        // One finding per class, not one per row: every row still sees its rejection.
        fault(Fault.UNPROCESSABLE_FOR_INVALID_INPUT, "rejectionsUseTheDocumentedStatuses",
            "(\\w+\\.)?rejectionsUseTheDocumentedStatuses"));
  }

  static Stream<Arguments> triage() {
    return Stream.of(
        Arguments.of(Fault.NONE, List.of("0 failed, 0 not judged", "No failures.")),
        Arguments.of(Fault.AUTH_NOT_ENFORCED, List.of("Requests without valid credentials were accepted",
            "- `listBooks`", "declare `security: []`")),
        Arguments.of(Fault.SERVER_ERROR_ON_MALFORMED_JSON, List.of("The server failed with 500", "- `createBook`",
            "POST /books: body not valid JSON -> 400/422 > unparseable JSON (#/paths/~1books/post/requestBody)")),
        Arguments.of(Fault.MISSING_REQUIRED_ACCEPTED, List.of("Malformed requests were accepted", "- `createBook`",
            "> missing required 'isbn' (#/components/schemas/Book/required)")),
        // the tests that need a book make one first (each run of the class afresh), and it is the create's answer
        // that breaks the schema
        Arguments.of(Fault.RESPONSE_VIOLATES_SCHEMA, List.of("Response bodies break `#/components/schemas/",
            "- `createBook`", "if the server is right, the schema at")),
        Arguments.of(Fault.WRONG_CONTENT_TYPE, List.of("Answers in a media type the spec does not document")),
        Arguments.of(Fault.UNDOCUMENTED_STATUS, List.of("which the spec does not document", "- `createBook`")),
        // the valid create is refused, so the tests that need a book cannot run, and the create's own negative
        // tests cannot judge: one finding, with the codex-testgen.yaml entry that gives an accepted body
        Arguments.of(Fault.PUBLISHED_REQUIRED_IN_PROSE, List.of("### 1. Valid requests were rejected with 400",
            "  createBook: {parameters: {name: value}, body: {...}}",
            "Tests that could not create what they need: `createBook` answered 400",
            "Not judged: the valid request of the operation got the same 4xx")),
        Arguments.of(Fault.UNPROCESSABLE_FOR_INVALID_INPUT, List.of("from 1 root cause",
            "Malformed requests were rejected with 422, which the spec does not document",
            "(2 tests, 3 operations)", "books API > malformed requests are rejected with the statuses",
            "  replaceBook: {malformedStatuses: [422]}")));
  }

  /**
   * The run's triage names each fault as one root cause, with the operations it hit and what to do; the Markdown
   * file is what is also printed at the end of the run.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("triage")
  void theTriageNamesEachFaultOnce(Fault fault, List<String> expected, @TempDir Path dir) throws IOException {
    fake.fault(fault);
    Path file = dir.resolve("triage.md");
    Map<String, String> properties = new TreeMap<>(properties());
    properties.put("codex.triageFile", file.toString());
    Map<String, Outcome> outcomes = suite.run(properties, "!rate-limit");

    String triage = Files.readString(file);
    long failed = outcomes.values().stream().filter(Outcome::failed).count();
    assertThat(triage).as(triage).startsWith("## codex-testgen triage\n")
        .contains(" " + failed + " failed, ")
        .contains(expected);
  }

  /** A server that announces nothing, for an operation with no configured window: the burst cannot judge. */
  @Test
  void aBurstThatCannotJudgeAbortsSayingWhy() {
    Outcome outcome = run(Fault.NO_RATE_LIMIT).get("createBook_burst_rateLimited");

    assertThat(outcome.aborted()).as(outcome.failure()).isTrue();
    assertThat(outcome.failure()).contains("no 429, and nothing shows that the limit was passed")
        .contains("configure the operation's limit and window (rateLimits, e.g. 100/60s)")
        .containsPattern("\\d+ requests in \\d+\\.\\d\\d s, \\d+/s, \\d+ in parallel");
  }

  private static Arguments fault(Fault fault, String mustFail, String onlyMatching) {
    return Arguments.of(fault, mustFail, onlyMatching);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void eachFaultFailsTheTestsGuardingAgainstIt(Fault fault, String mustFail, String onlyMatching) {
    Map<String, Outcome> outcomes = run(fault);
    Map<String, String> failed = failures(outcomes);

    assertThat(failed.keySet()).as("%s must fail the test %s; aborted: %s", fault, mustFail,
            outcomes.entrySet().stream().filter(e -> e.getValue().aborted()).toList())
        .anyMatch(name -> name.startsWith(mustFail) || name.endsWith("." + mustFail));
    Pattern expected = Pattern.compile(onlyMatching);
    assertThat(failed.keySet()).as("%s fails only the tests guarding against it", fault)
        .allMatch(name -> expected.matcher(name).matches());
  }
}
