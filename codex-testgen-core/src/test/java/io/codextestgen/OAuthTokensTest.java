package io.codextestgen;

import static io.codextestgen.testing.GeneratedSuite.Outcome.failures;
import static org.assertj.core.api.Assertions.assertThat;

import io.codextestgen.config.Family;
import io.codextestgen.config.GeneratorConfig;
import io.codextestgen.render.RenderedFile;
import io.codextestgen.testing.GeneratedSuite;
import io.codextestgen.testing.GeneratedSuite.Outcome;
import io.codextestgen.testing.StatefulFake;
import io.codextestgen.testing.StatefulFake.Fault;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tokens as the generated suite fetches them: from the spec's token endpoint (a relative tokenUrl, resolved against
 * the base URI), with the client configured at run time, cached, fetched again before they expire, and once more
 * when the server answers 401 to one that expired early. The server is a stateful fake on 127.0.0.1 that issues
 * tokens, checks scopes and keeps each client's books to itself.
 */
class OAuthTokensTest {

  private static final Path SPEC = Path.of("src/test/resources/oauth/library.yaml");
  private static final Map<String, String> CLIENTS = Map.of("client-a", "secret-a", "client-b", "secret-b");

  static List<RenderedFile> files;
  static Path work;
  StatefulFake fake;
  GeneratedSuite suite;

  @BeforeAll
  static void generate(@TempDir Path dir) {
    work = dir;
    GeneratorConfig config = GeneratorConfig.builder(SPEC, dir.resolve("unused"))
        .basePackage("oauth.library")
        .specPathInTests(SPEC.toString())
        .includeDestructive(true)
        // the fake checks tokens, scopes and owners, not bodies: the malformed family is proven elsewhere
        .families(java.util.Set.of(Family.VALID, Family.AUTH, Family.AUTHZ, Family.FLOW))
        .secondIdentity(true)
        .build();
    files = CodexTestgen.render(config).files();
  }

  /** A fresh fake and a freshly loaded suite (its token cache starts empty). */
  private void start(Duration life, Duration announced, String name) throws IOException {
    fake = new StatefulFake("/books", List.of("id"), List.of()).oauth(CLIENTS, life, announced);
    suite = GeneratedSuite.compile(files, work.resolve(name));
  }

  @AfterEach
  void stop() throws IOException {
    if (fake != null) {
      fake.close();
    }
    if (suite != null) {
      suite.close();
    }
  }

  private Map<String, String> clientA() {
    Map<String, String> properties = new TreeMap<>();
    properties.put("codex.baseUri", "http://127.0.0.1:" + fake.port());
    properties.put("codex.auth.oauth.clientId", "client-a");
    properties.put("codex.auth.oauth.clientSecret", "secret-a");
    return properties;
  }

  /** Client A as the first identity, client B as the second. */
  private Map<String, String> clientsAandB() {
    Map<String, String> properties = clientA();
    properties.put("codex.auth2.oauth.clientId", "client-b");
    properties.put("codex.auth2.oauth.clientSecret", "secret-b");
    return properties;
  }

  @Test
  void theSupportFetchesTokensFromTheSpecsTokenEndpoint() {
    String support = files.stream().filter(f -> f.relativePath().endsWith("ApiTestSupport.java"))
        .map(RenderedFile::content).findFirst().orElseThrow();

    assertThat(support).contains("OAuth2Tokens.of(\"oauth\", \"codex.auth.oauth\", \"CODEX_AUTH_OAUTH\")")
        .contains(".clientCredentials(\"/oauth/token\")")
        .contains(".scopes(\"books:read\", \"books:write\")")
        .contains("return OAUTH_TOKENS.token();")
        .contains(".filter(OAuth2Tokens.refreshOnUnauthorized())");
    assertThat(files).anyMatch(f -> f.relativePath().endsWith("/OAuth2Tokens.java"));
  }

  @Test
  void tokensAreFetchedOnceAndFetchedAgainBeforeTheyExpire() throws Exception {
    start(Duration.ofSeconds(4), Duration.ofSeconds(4), "refresh");

    Map<String, Outcome> first = suite.run(clientA());
    int afterFirst = fake.tokensIssued();
    // past the renewal time (3 s: a quarter of the announced life before its end), not yet expired
    Thread.sleep(3_200);
    Map<String, Outcome> second = suite.run(clientA());

    assertThat(failures(first)).isEmpty();
    assertThat(failures(second)).isEmpty();
    assertThat(first.keySet()).anyMatch(name -> name.endsWith("_valid")).anyMatch(name -> name.endsWith("_flow"));
    assertThat(afterFirst).as("one token for the whole first run (it takes less than 3 s)").isGreaterThanOrEqualTo(1);
    assertThat(fake.tokensIssued()).as("a new token for the second run").isGreaterThan(afterFirst);
  }

  @Test
  void aTokenThatExpiresBeforeItsAnnouncedTimeIsReplacedOnTheFirst401() throws Exception {
    // announced to live an hour, valid for 3 s (long enough for a retry's round trip on a busy machine): only the
    // 401 tells
    start(Duration.ofSeconds(3), Duration.ofHours(1), "early");

    Map<String, Outcome> first = suite.run(clientA());
    Thread.sleep(3_200);
    Map<String, Outcome> second = suite.run(clientA());

    assertThat(failures(first)).isEmpty();
    assertThat(failures(second)).as("the expired token is replaced, the request sent again").isEmpty();
    assertThat(fake.expiredTokensRejected()).isGreaterThanOrEqualTo(1);
    assertThat(fake.tokensIssued()).isGreaterThanOrEqualTo(2);
  }

  /**
   * The request sent again after a 401 is the same request: its query parameters (a space, a repeated name), path
   * parameters and headers once each, with only the token new. The copy is made by REST Assured's
   * {@code FilterContext.send}, whose URI already holds the query.
   */
  @Test
  void theRequestSentAgainAfterA401KeepsItsQueryAndPathOnceEach() throws Exception {
    // tokens live 3 s: the first is dead after the sleep, the fresh one outlives the retry's round trip even on a
    // busy machine
    start(Duration.ofSeconds(3), Duration.ofHours(1), "again");
    Map<String, String> saved = new TreeMap<>();
    clientA().forEach((key, value) -> saved.put(key, System.setProperty(key, value)));
    try {
      Class<?> type = suite.loadClass("oauth.library.OAuth2Tokens");
      Object tokens = type.getMethod("clientCredentials", String.class).invoke(type.getMethod("of", String.class,
          String.class, String.class).invoke(null, "oauth", "codex.auth.oauth", "CODEX_AUTH_OAUTH"), "/oauth/token");
      String expired = (String) type.getMethod("token").invoke(tokens);
      Thread.sleep(3_200); // the next request meets a 401 whatever the machine's speed

      io.restassured.response.Response answer = io.restassured.RestAssured.given()
          .baseUri("http://127.0.0.1:" + fake.port())
          .filter((io.restassured.filter.Filter) type.getMethod("refreshOnUnauthorized").invoke(null))
          .header("Authorization", "Bearer " + expired)
          .queryParam("q", "a b")
          .queryParam("tag", "x", "y")
          .pathParam("bookId", 41)
          .when().get("/books/{bookId}");

      assertThat(answer.statusCode()).as("sent again with a fresh token: the book does not exist").isEqualTo(404);
      assertThat(fake.received()).containsExactly("GET /books/41?q=a%20b&tag=x&tag=y",
          "GET /books/41?q=a%20b&tag=x&tag=y");
      assertThat(fake.expiredTokensRejected()).isEqualTo(1);
    } finally {
      saved.forEach((key, value) -> {
        if (value == null) {
          System.clearProperty(key);
        } else {
          System.setProperty(key, value);
        }
      });
    }
  }

  @Test
  void aStaticTokenWinsOverTheClient() throws Exception {
    start(Duration.ofMinutes(5), Duration.ofMinutes(5), "static");
    String token = fetch("client-a", "secret-a");
    Map<String, String> properties = clientA();
    properties.put("codex.auth.oauth", token);

    // the scope tests fetch tokens of their own (with other scopes) from the client; the others send the static one
    Map<String, Outcome> outcomes = suite.run(properties, "!authz");

    assertThat(failures(outcomes)).isEmpty();
    assertThat(fake.tokensIssued()).as("only the test's own").isEqualTo(1);
  }

  @Test
  void withoutACredentialTheValidTestsSayWhatToConfigure() throws Exception {
    start(Duration.ofMinutes(5), Duration.ofMinutes(5), "unconfigured");

    Map<String, Outcome> outcomes = suite.run(Map.of("codex.baseUri", "http://127.0.0.1:" + fake.port()), "valid");

    assertThat(outcomes).isNotEmpty();
    assertThat(outcomes.values()).allSatisfy(outcome -> assertThat(outcome.failure())
        .contains("No token for security scheme 'oauth'")
        .contains("-Dcodex.auth.oauth.clientId=...")
        .contains("/oauth/token"));
  }

  @Test
  void aWrongClientSecretFailsWithTheTokenEndpointsErrorAndNoSecret() throws Exception {
    start(Duration.ofMinutes(5), Duration.ofMinutes(5), "wrong-secret");
    Map<String, String> properties = clientA();
    properties.put("codex.auth.oauth.clientSecret", "not-the-secret");

    Map<String, Outcome> outcomes = suite.run(properties, "valid");

    assertThat(outcomes.values()).allSatisfy(outcome -> assertThat(outcome.failure())
        .contains("answered 401: invalid_client")
        .doesNotContain("not-the-secret"));
  }

  @Test
  void aServerThatIgnoresScopesFailsExactlyTheScopeTests() throws Exception {
    start(Duration.ofMinutes(5), Duration.ofMinutes(5), "scopes");

    Map<String, Outcome> correct = suite.run(clientA());
    fake.fault(Fault.SCOPES_IGNORED);
    Map<String, Outcome> ignoring = suite.run(clientA());

    assertThat(failures(correct)).isEmpty();
    assertThat(correct.keySet()).filteredOn(name -> name.endsWith("_withoutScope_forbidden"))
        .containsExactlyInAnyOrder("createBook_withoutScope_forbidden", "getBook_withoutScope_forbidden",
            "replaceBook_withoutScope_forbidden", "deleteBook_withoutScope_forbidden");
    assertThat(failures(ignoring)).containsOnlyKeys("createBook_withoutScope_forbidden",
        "getBook_withoutScope_forbidden", "replaceBook_withoutScope_forbidden", "deleteBook_withoutScope_forbidden");
    assertThat(failures(ignoring).get("getBook_withoutScope_forbidden"))
        .contains("Expected status code <403> but was <200>");
  }

  @Test
  void withoutAClientTheScopeTestsAbortSayingWhatToConfigure() throws Exception {
    start(Duration.ofMinutes(5), Duration.ofMinutes(5), "no-client");
    Map<String, String> properties = new TreeMap<>();
    properties.put("codex.baseUri", "http://127.0.0.1:" + fake.port());
    properties.put("codex.auth.oauth", fetch("client-a", "secret-a"));

    Map<String, Outcome> outcomes = new TreeMap<>(suite.run(properties, "authz"));
    outcomes.keySet().removeIf(name -> !name.endsWith("_withoutScope_forbidden"));

    assertThat(outcomes).hasSize(4);
    assertThat(outcomes.values()).allSatisfy(outcome -> {
      assertThat(outcome.aborted()).isTrue();
      assertThat(outcome.failure()).contains("-Dcodex.auth.oauth.limitedToken=...");
    });
  }

  @Test
  void anotherIdentityIsDeniedTheFirstOnesItemsAndEachLeakFailsItsTest() throws Exception {
    start(Duration.ofMinutes(5), Duration.ofMinutes(5), "identities");
    List<String> objectLevel = List.of("deleteBook_otherIdentity_denied", "getBook_otherIdentity_denied",
        "replaceBook_otherIdentity_denied");

    Map<String, Outcome> correct = suite.run(clientsAandB(), "authz");
    fake.fault(Fault.OTHERS_READ);
    Map<String, Outcome> readsLeak = suite.run(clientsAandB(), "authz");
    fake.fault(Fault.OTHERS_WRITE);
    Map<String, Outcome> writesLeak = suite.run(clientsAandB(), "authz");

    assertThat(correct.keySet()).containsAll(objectLevel);
    assertThat(correct.values()).allSatisfy(outcome -> assertThat(outcome.passed()).as(outcome.failure()).isTrue());
    assertThat(failures(readsLeak)).containsOnlyKeys("getBook_otherIdentity_denied");
    assertThat(failures(readsLeak).get("getBook_otherIdentity_denied")).contains("but was <200>");
    assertThat(failures(writesLeak)).containsOnlyKeys("replaceBook_otherIdentity_denied",
        "deleteBook_otherIdentity_denied");
  }

  @Test
  void withoutASecondIdentityTheObjectLevelTestsAbortSayingWhatToSet() throws Exception {
    start(Duration.ofMinutes(5), Duration.ofMinutes(5), "one-identity");

    Map<String, Outcome> outcomes = suite.run(clientA(), "authz");

    assertThat(outcomes).containsKey("getBook_otherIdentity_denied");
    assertThat(outcomes).allSatisfy((name, outcome) -> {
      if (name.endsWith("_otherIdentity_denied")) {
        assertThat(outcome.aborted()).as(name).isTrue();
        assertThat(outcome.failure()).contains("No second identity for security scheme 'oauth'")
            .contains("-Dcodex.auth2.oauth.clientId=...");
      } else {
        assertThat(outcome.passed()).as(outcome.failure()).isTrue();
      }
    });
  }

  @Test
  void withAUserConfiguredThePasswordGrantIsUsed() throws Exception {
    start(Duration.ofMinutes(5), Duration.ofMinutes(5), "password");
    fake.users(Map.of("alice", "pw-alice"));
    Map<String, String> properties = clientA();
    properties.put("codex.auth.oauth.username", "alice");
    properties.put("codex.auth.oauth.password", "pw-alice");

    Map<String, Outcome> outcomes = suite.run(properties, "valid");
    properties.put("codex.auth.oauth.password", "not-her-password");
    Map<String, Outcome> wrong;
    // a suite loaded afresh: the first one keeps its token
    try (GeneratedSuite fresh = GeneratedSuite.compile(files, work.resolve("password-wrong"))) {
      wrong = fresh.run(properties, "valid");
    }

    assertThat(failures(outcomes)).isEmpty();
    assertThat(fake.tokensIssued()).isEqualTo(1);
    assertThat(wrong.values()).allSatisfy(outcome -> assertThat(outcome.failure())
        .contains("answered 400: invalid_grant").doesNotContain("not-her-password"));
  }

  @Test
  void anOpenIdConnectSchemeFindsItsTokenEndpointThroughDiscovery() throws Exception {
    Path spec = work.resolve("oidc.yaml");
    String text = java.nio.file.Files.readString(SPEC);
    String scheme = text.substring(text.indexOf("    oauth:\n      type: oauth2"), text.indexOf("  schemas:"));
    java.nio.file.Files.writeString(spec, text.replace(scheme,
        "    oauth:\n      type: openIdConnect\n      openIdConnectUrl: /.well-known/openid-configuration\n"));
    List<RenderedFile> oidc = CodexTestgen.render(GeneratorConfig.builder(spec, work.resolve("unused"))
        .basePackage("oidc.library").specPathInTests(spec.toString())
        .families(java.util.Set.of(Family.VALID)).build()).files();
    fake = new StatefulFake("/books", List.of("id"), List.of()).oauth(CLIENTS, Duration.ofMinutes(5),
        Duration.ofMinutes(5));
    suite = GeneratedSuite.compile(oidc, work.resolve("oidc"));

    Map<String, Outcome> outcomes = suite.run(clientA());

    assertThat(oidc.stream().filter(f -> f.relativePath().endsWith("ApiTestSupport.java")).findFirst().orElseThrow()
        .content()).contains(".openIdConnect(\"/.well-known/openid-configuration\")");
    assertThat(outcomes).isNotEmpty();
    assertThat(failures(outcomes)).isEmpty();
    assertThat(fake.tokensIssued()).isEqualTo(1);
  }

  private String fetch(String client, String secret) throws Exception {
    String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + fake.port() + "/oauth/token"))
        .header("Authorization", "Basic " + basic)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
        HttpResponse.BodyHandlers.ofString());
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).get("access_token").asText();
  }
}
