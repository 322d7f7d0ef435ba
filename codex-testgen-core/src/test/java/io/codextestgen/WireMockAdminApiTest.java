package io.codextestgen;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.codextestgen.config.GeneratorConfig;
import io.codextestgen.config.Selection;
import io.codextestgen.testing.RealServerRun;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real server nobody here wrote, with the spec its maintainers publish: WireMock's admin API (Jetty, from Maven
 * Central), described by the OpenAPI 3.0 document {@code swagger/wiremock-admin-api.json} inside WireMock's own
 * jar (the one it serves at {@code /__admin/docs/swagger}). The valid, auth and malformed families run against a
 * WireMock server on 127.0.0.1; every failure left is a finding about WireMock or its spec, checked by hand and
 * listed in the README ("What real servers taught us").
 */
class WireMockAdminApiTest {

  /**
   * Failures checked by hand: test (or row) name prefix -> what its message says. Each is the server's or the
   * spec's, not the generator's.
   */
  private static final Map<String, String> FINDINGS = Map.ofEntries(
      // WireMock does not validate admin request bodies against its spec, nor their Content-Type: it accepts
      // wrong types, pattern breaks, null bodies and text/plain (200/201 where a 4xx is due).
      Map.entry("countRequestsByCriteria_", "Expected status code"),
      Map.entry("createNewStubMapping_", "Expected status code"),
      Map.entry("findNearMissesForRequestPattern_", "Expected status code"),
      Map.entry("findNearMissesForRequest_", "Expected status code"),
      Map.entry("findRequestsByCriteria_", "Expected status code"),
      Map.entry("findStubMappingsByMetadata_", "Expected status code"),
      Map.entry("removeRequestsByCriteria_", "Expected status code"),
      Map.entry("removeRequestsByMetadata_", "Expected status code"),
      Map.entry("removeStubMappingsByMetadata_", "Expected status code"),
      Map.entry("updateGlobalSettings_invalidBody_rejected", "Expected status code"),
      Map.entry("updateStubMapping_", "Expected status code"),
      // limit and offset that are not integers are ignored, not refused.
      Map.entry("getAllStubMappings_invalidParameter_rejected", "Expected status code"),
      // Having accepted a stub whose method breaks its spec's pattern (^[A-Z]+$), it lists it (when the tests
      // above ran first).
      Map.entry("getAllStubMappings_valid", "does not match the regex pattern"),
      Map.entry("findUnmatchedStubMappings_valid", "does not match the regex pattern"),
      // GET /__admin/files answers 500 when the files directory does not exist, instead of an empty list.
      Map.entry("getAllFileNames_valid", "status 500 is not documented"),
      // The spec documents no request body for the import; the server requires one (422, undocumented).
      Map.entry("importStubMappings_valid", "status 422 is not documented"),
      // The spec's logged-request 'headers' are objects ({"Connection": {"key": ..., "values": [...]}}, its schema
      // example too); the server refuses them, "null value in entry: Connection=null" (422), and wants strings, as
      // the operation's own request example has them (which breaks the schema, so the tests do not send it).
      Map.entry("findNearMissesForRequest_valid", "null value in entry: Connection=null"),
      // The spec's settings body ({"fixedDelay": ...}) is refused: "Unrecognized field fixedDelay" (422).
      Map.entry("updateGlobalSettings_valid", "status 422 is not documented"));

  @TempDir Path work;

  @Test
  void theAdminApiSuiteFailsOnlyWhereWireMockOrItsSpecIsWrong() throws Exception {
    Path spec = work.resolve("wiremock-admin-api.json");
    try (InputStream in = WireMockServer.class.getClassLoader().getResourceAsStream("swagger/wiremock-admin-api.json")) {
      assertThat(in).as("WireMock's jar ships its admin API spec").isNotNull();
      Files.copy(in, spec);
    }
    WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
        .usingFilesUnderDirectory(Files.createDirectories(work.resolve("root")).toString()));
    server.start();
    try {
      GeneratorConfig config = GeneratorConfig.builder(spec, work.resolve("unused"))
          .basePackage("wiremockadmin")
          .specPathInTests(spec.toString())
          .families(Set.of(io.codextestgen.config.Family.VALID, io.codextestgen.config.Family.AUTH, io.codextestgen.config.Family.MALFORMED, io.codextestgen.config.Family.SEMANTICS))
          // Shutting the server down, or recording through it as a proxy, would end the run, not test it.
          .selection(new Selection(List.of(), List.of(), List.of(), List.of(), List.of(),
              List.of("/__admin/shutdown", "/__admin/recordings/*"), List.of(), List.of()))
          .build();
      RealServerRun run = RealServerRun.of("WireMock 3.13.2 admin API", config, work,
          Map.of("codex.baseUri", "http://127.0.0.1:" + server.port(), "codex.http.timeoutSeconds", "20"));

      assertThat(run.outcomes()).hasSizeGreaterThan(50);
      assertThat(run.unexplained(FINDINGS)).isEmpty();
      assertThat(run.failures().keySet()).allMatch(test -> FINDINGS.keySet().stream().anyMatch(test::startsWith));
    } finally {
      server.stop();
    }
  }
}
