package io.codextestgen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.codextestgen.config.GeneratorConfig;
import io.codextestgen.testing.RealServerRun;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real server nobody here wrote, with the spec its maintainers publish: the Prometheus Alertmanager (Go,
 * go-swagger; Debian's {@code prometheus-alertmanager}, installed by {@code scripts/third-party.sh}), whose API v2 is
 * described by a Swagger 2.0 document. The spec is the one built into the very binary that runs (go-swagger embeds
 * it), read out of {@code /usr/bin/prometheus-alertmanager}, so spec and server are always the same version. Every
 * failure left is a finding about Alertmanager or its spec, checked by hand and listed in the README.
 */
class AlertmanagerApiTest {

  private static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");

  /** Failures checked by hand: test (or row) name prefix -> what its message says. */
  private static final Map<String, String> FINDINGS = Map.ofEntries(
      // The server's: go-swagger answers 422 to a body that breaks the schema; the spec documents 400. One finding
      // per test class (alerts, silences), not one per row: the rows assert the rejection itself.
      Map.entry("rejectionsUseTheDocumentedStatuses", "422, documented: 400"),
      Map.entry("AlertApiIT.rejectionsUseTheDocumentedStatuses", "422, documented: 400"),
      Map.entry("SilenceApiIT.rejectionsUseTheDocumentedStatuses", "422, documented: 400"),
      // The server's: a null alert list is accepted (200), and a null alert in the list ([null]) makes it close
      // the connection without an answer (a panic in the handler).
      Map.entry("postAlerts_invalidBody_rejected > null body", "but was <200>"),
      Map.entry("postAlerts_invalidBody_rejected > null 'body[0]'", "failed to respond"),
      Map.entry("postSilences_invalidBody_rejected > null 'matchers[0]'", "failed to respond"),
      // The server's: boolean query parameters that are not booleans (active=not-a-boolean) are ignored, not refused
      // (seen only once the valid request passed: the rows used to get the 400 of a bad filter).
      Map.entry("getAlerts_invalidParameter_rejected > query parameter 'active' of the wrong type",
          "but was <200>"),
      Map.entry("getAlerts_invalidParameter_rejected > query parameter 'silenced' of the wrong type",
          "but was <200>"),
      Map.entry("getAlerts_invalidParameter_rejected > query parameter 'inhibited' of the wrong type",
          "but was <200>"),
      Map.entry("getAlerts_invalidParameter_rejected > query parameter 'unprocessed' of the wrong type",
          "but was <200>"),
      Map.entry("getAlertGroups_invalidParameter_rejected > query parameter 'active' of the wrong type",
          "but was <200>"),
      Map.entry("getAlertGroups_invalidParameter_rejected > query parameter 'silenced' of the wrong type",
          "but was <200>"),
      Map.entry("getAlertGroups_invalidParameter_rejected > query parameter 'inhibited' of the wrong type",
          "but was <200>"),
      // The server's: DELETE of a silence id that does not exist answers 500, not 404.
      Map.entry("deleteSilence_valid", "-> 500"));

  /**
   * What a user of Alertmanager writes in codex-testgen.yaml, for a rule its spec states only in prose: a matcher
   * names a label ({@code [a-zA-Z_][a-zA-Z0-9_]*}; a synthesized "name-63" gets 400), so a silence's body is
   * given whole. The optional {@code filter} parameters, matchers too, need no entry: the valid requests leave
   * them out (the least surprising request), and the malformed rows add them.
   */
  private static final String POLICY = """
      operations:
        postSilences:
          body:
            matchers:
              - name: alertname
                value: codex
                isRegex: false
                isEqual: true
            startsAt: "2026-01-01T00:00:00Z"
            endsAt: "2099-01-01T00:00:00Z"
            createdBy: codex-testgen
            comment: a maintenance window
      """;

  @TempDir Path work;

  @Test
  void theApiV2SuiteFailsOnlyWhereAlertmanagerOrItsSpecIsWrong() throws Exception {
    io.codextestgen.testing.RealServerRun.requireInstalled(Files.isExecutable(BINARY),
        "prometheus-alertmanager is not installed: run scripts/third-party.sh (apt) first");
    Path spec = work.resolve("alertmanager-api-v2.json");
    Files.writeString(spec, embeddedSpec(Files.readAllBytes(BINARY)), StandardCharsets.UTF_8);
    Files.writeString(work.resolve(io.codextestgen.config.PolicyFile.FILE_NAME), POLICY, StandardCharsets.UTF_8);
    Path config = work.resolve("alertmanager.yml");
    Files.writeString(config, "route:\n  receiver: none\nreceivers:\n  - name: none\n");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Process server = new ProcessBuilder(BINARY.toString(), "--config.file=" + config,
        "--storage.path=" + work.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
        "--cluster.listen-address=").redirectErrorStream(true)
        .redirectOutput(work.resolve("alertmanager.log").toFile()).start();
    try {
      awaitReady("http://127.0.0.1:" + port + "/-/ready", server);
      GeneratorConfig generator = GeneratorConfig.builder(spec, work.resolve("unused"))
          .basePackage("alertmanager")
          .specPathInTests(spec.toString())
          .families(Set.of(io.codextestgen.config.Family.VALID, io.codextestgen.config.Family.AUTH, io.codextestgen.config.Family.MALFORMED, io.codextestgen.config.Family.SEMANTICS))
          .includeDestructive(true)
          .build();
      RealServerRun run = RealServerRun.of("Alertmanager " + version(), generator, work,
          Map.of("codex.baseUri", "http://127.0.0.1:" + port + "/api/v2", "codex.http.timeoutSeconds", "20"));

      assertThat(run.outcomes()).hasSizeGreaterThan(20);
      assertThat(run.unexplained(FINDINGS)).isEmpty();
      assertThat(run.failures().keySet()).allMatch(test -> FINDINGS.keySet().stream().anyMatch(test::startsWith));
      // the 13 failures, as the triage sorts them: one entry per cause, and what would accept the 422s
      assertThat(run.triage()).as(run.triage())
          .contains("The failures come from 4 root causes")
          .contains("### 1. The server gave no answer (NoHttpResponseException) (2 tests, 2 operations)")
          .contains("The server failed with 500 (1 test, 1 operation)")
          .contains("Malformed requests were accepted (8 tests, 3 operations)")
          .contains("  postAlerts: {malformedStatuses: [422]}\n  postSilences: {malformedStatuses: [422]}\n");
    } finally {
      server.destroy();
      server.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** The first JSON document of the binary that is a Swagger 2.0 spec: go-swagger's embedded SwaggerJSON. */
  static String embeddedSpec(byte[] binary) throws IOException {
    byte[] marker = "{\n  \"consumes\"".getBytes(StandardCharsets.US_ASCII);
    ObjectMapper json = new ObjectMapper();
    for (int start = indexOf(binary, marker, 0); start >= 0; start = indexOf(binary, marker, start + 1)) {
      int depth = 0;
      for (int i = start; i < binary.length; i++) {
        if (binary[i] == '{') {
          depth++;
        } else if (binary[i] == '}' && --depth == 0) {
          String text = new String(binary, start, i + 1 - start, StandardCharsets.UTF_8);
          try {
            if ("2.0".equals(json.readTree(text).path("swagger").asText())) {
              return text;
            }
          } catch (IOException e) {
            // not this one
          }
          break;
        }
      }
    }
    throw new IOException("no embedded Swagger 2.0 spec found in " + BINARY);
  }

  private static int indexOf(byte[] data, byte[] marker, int from) {
    outer:
    for (int i = from; i <= data.length - marker.length; i++) {
      for (int j = 0; j < marker.length; j++) {
        if (data[i + j] != marker[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static void awaitReady(String url, Process server) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    for (int attempt = 0; attempt < 100; attempt++) {
      assertThat(server.isAlive()).as("Alertmanager exited").isTrue();
      try {
        if (client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
            .statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    Assertions.fail("Alertmanager did not get ready at " + url);
  }

  private static String version() throws Exception {
    Process version = new ProcessBuilder(BINARY.toString(), "--version").redirectErrorStream(true).start();
    String text = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    version.waitFor(10, TimeUnit.SECONDS);
    String first = text.lines().findFirst().orElse("");
    java.util.regex.Matcher number = java.util.regex.Pattern.compile("version (\\S+)").matcher(first);
    return number.find() ? number.group(1) : "(version unknown)";
  }
}
