package io.codextestgen;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.codextestgen.config.GeneratorConfig;
import io.codextestgen.testing.BookshopStubs;
import io.codextestgen.testing.GeneratedSuite;
import io.codextestgen.testing.GeneratedSuite.Outcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bookshop suite, compiled and run against WireMock on 127.0.0.1: it passes against a correct server and
 * each fault makes the test guarding it fail. One row per fault.
 */
class GeneratedSuiteAgainstWireMockTest {

  private static final Path SPEC = Path.of("src/test/resources/golden/bookshop-oas30/openapi.yaml");

  static WireMockServer server;
  static GeneratedSuite suite;

  @BeforeAll
  static void compileSuite(@TempDir Path work) throws IOException {
    server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    GeneratorConfig config = GeneratorConfig.builder(SPEC, work.resolve("unused"))
        .basePackage("wiremock.bookshop")
        .specPathInTests(SPEC.toString())
        .build();
    suite = GeneratedSuite.compile(CodexTestgen.render(config).files(), work);
  }

  @AfterAll
  static void stop() throws IOException {
    server.stop();
    suite.close();
  }

  @BeforeEach
  void resetStubs() {
    server.resetAll();
    BookshopStubs.stubCorrectServer(server);
  }

  /** The valid family: these hand-written stubs know nothing of credentials or bad input (see FaultDetectionTest). */
  private Map<String, Outcome> run() {
    return suite.run(Map.of(
        "codex.baseUri", "http://127.0.0.1:" + server.port(),
        "codex.auth.apiKey", "test-key",
        "codex.auth.oauth", "test-token",
        "codex.auth.basic.username", "reader",
        "codex.auth.basic.password", "test-password"), "valid");
  }

  @Test
  void everyValidTestPassesAgainstACorrectServer() {
    Map<String, Outcome> outcomes = run();

    assertThat(outcomes).containsOnlyKeys("listBooks_valid", "createBook_valid", "getBook_valid",
        "replaceBook_valid", "health_valid", "placeOrder_valid", "placeOrder_valid_formBody", "getReceipt_valid");
    assertThat(failures(outcomes)).isEmpty();
  }

  @Test
  void theSuiteFailsAtOnceWithoutABaseUri() {
    Map<String, Outcome> outcomes = suite.run(Map.of(), "valid");

    assertThat(outcomes.values()).isNotEmpty().allSatisfy(outcome -> {
      assertThat(outcome.passed()).isFalse();
      assertThat(outcome.failure()).contains("-Dcodex.baseUri=").contains("CODEX_BASE_URI");
    });
  }

  @Test
  void aMissingCredentialFailsNamingHowToSetIt() {
    Map<String, Outcome> outcomes = suite.run(Map.of("codex.baseUri", "http://127.0.0.1:" + server.port()), "valid");

    assertThat(outcomes.get("listBooks_valid").failure()).contains("codex.auth.apiKey").contains("CODEX_AUTH_API_KEY");
    assertThat(outcomes.get("health_valid").passed()).as("public operation needs no credential").isTrue();
  }

  @Test
  void aServerThatRefusesEverythingFailsTheValidTestsAndPassesNoRejection(@TempDir Path work) throws IOException {
    // A suite of its own: the shared one keeps what earlier runs created and saw in its static state.
    GeneratorConfig config = GeneratorConfig.builder(SPEC, work.resolve("unused"))
        .basePackage("wiremock.refusing")
        .specPathInTests(SPEC.toString())
        .build();
    server.resetAll();
    server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(
        com.github.tomakehurst.wiremock.client.WireMock.anyUrl()).willReturn(aResponse().withStatus(400)
            .withHeader("Content-Type", "application/problem+json")
            .withBody("{\"title\": \"bad request\", \"status\": 400}")));

    Map<String, Outcome> outcomes;
    try (GeneratedSuite refusing = GeneratedSuite.compile(CodexTestgen.render(config).files(), work)) {
      outcomes = refusing.run(Map.of(
        "codex.baseUri", "http://127.0.0.1:" + server.port(),
        "codex.auth.apiKey", "test-key",
        "codex.auth.oauth", "test-token",
        "codex.auth.adminToken", "test-admin",
        "codex.auth.bearer", "test-bearer",
        "codex.auth.basic.username", "reader",
        "codex.auth.basic.password", "test-password"));
    }

    assertThat(outcomes.get("listBooks_valid").failed()).isTrue();
    assertThat(outcomes.get("createBook_valid").failed()).isTrue();
    assertThat(outcomes.get("createBook_valid").failure()).as("Triage: what was sent and what came")
        .contains("POST /books: valid request -> 201: ").contains("POST /books -> 400")
        .contains("body: {\"title\": \"bad request\"");
    Map<String, Outcome> rejections = outcomes.entrySet().stream().filter(e -> e.getKey().contains("_rejected"))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertThat(rejections).as("tests expecting a rejection").hasSizeGreaterThan(20);
    assertThat(rejections.values()).as("none passes on a rejection the valid request got too")
        .noneMatch(Outcome::passed);
    assertThat(outcomes.get("listBooks_invalidParameter_rejected > query parameter 'limit' below minimum 1"
        + " (#/paths/~1books/get/parameters/0/schema/minimum)")).satisfies(row -> {
          assertThat(row.aborted()).isTrue();
          assertThat(row.failure()).contains("the valid request of GET /books got the same 400");
        });
  }

  static Stream<Arguments> faults() {
    return Stream.of(
        fault("response body violates the schema (title missing)", "getBook_valid",
            s -> s.stubFor(get(urlPathMatching("/books/[0-9]+")).willReturn(BookshopStubs.json(200,
                BookshopStubs.BOOK.replace("\"title\": \"Effective Java\", ", ""))))),
        fault("500 instead of 200", "listBooks_valid",
            s -> s.stubFor(get(urlPathEqualTo("/books")).willReturn(BookshopStubs.json(500,
                "{\"title\": \"boom\", \"status\": 500}")))),
        // getBook and replaceBook create the book they read through POST /books too
        fault("undocumented status 202", "createBook_valid|getBook_valid|replaceBook_valid",
            s -> s.stubFor(post(urlPathEqualTo("/books")).willReturn(BookshopStubs.json(202, BookshopStubs.BOOK)))),
        fault("wrong response content type", "health_valid",
            s -> s.stubFor(get(urlPathEqualTo("/health")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain").withBody("ok")))),
        fault("enum violated in response", "health_valid",
            s -> s.stubFor(get(urlPathEqualTo("/health")).willReturn(BookshopStubs.json(200, "{\"status\": \"meh\"}")))),
        fault("array item violates the schema", "listBooks_valid",
            s -> s.stubFor(get(urlPathEqualTo("/books")).willReturn(BookshopStubs.json(200,
                "[" + BookshopStubs.BOOK.replace("\"genre\": \"tech\"", "\"genre\": \"cooking\"") + "]")))));
  }

  private static Arguments fault(String name, String failingTest, Consumer<WireMockServer> stub) {
    return Arguments.of(name, failingTest, stub);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void aFaultyServerFailsTheTestGuardingIt(String fault, String failingTest, Consumer<WireMockServer> stub) {
    stub.accept(server);

    Map<String, Outcome> outcomes = run();

    String mustFail = failingTest.split("\\|")[0];
    assertThat(outcomes.get(mustFail).passed()).as("%s must fail on: %s", mustFail, fault).isFalse();
    assertThat(failures(outcomes).keySet()).as("only the guarding tests fail")
        .allMatch(name -> name.matches(failingTest));
  }

  private static Map<String, String> failures(Map<String, Outcome> outcomes) {
    return outcomes.entrySet().stream().filter(e -> !e.getValue().passed())
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().failure()));
  }
}
