package io.codextestgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.codextestgen.config.GeneratorConfig;
import io.codextestgen.testing.GeneratedSuite;
import io.codextestgen.testing.GeneratedSuite.Outcome;
import io.codextestgen.testing.GeneratedSuite.Verdict;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated burst against a limiter nobody here wrote: express-rate-limit (npm), 10 requests per 3 s in a fixed
 * window, announcing its counters as IETF draft 6, 7 and 8 headers or as X-RateLimit-* with an epoch reset, and once
 * left in monitoring mode (it counts and announces 0 remaining, then lets every request through). Node.js and the
 * packages come from {@code scripts/third-party.sh}; the server listens on 127.0.0.1.
 */
class ExpressRateLimitTest {

  private static final Path RESOURCES = Path.of("src/test/resources/third-party/express-rate-limit");
  private static final Path MODULES = Path.of("../target/third-party/node_modules");

  static Process server;
  static Map<String, Outcome> outcomes;

  @BeforeAll
  static void runTheBursts(@TempDir Path work) throws Exception {
    if (!Files.isDirectory(MODULES.resolve("express-rate-limit"))) {
      String missing = "express-rate-limit is not installed: run scripts/third-party.sh (npm) first";
      if (System.getenv("CI") != null) {
        Assertions.fail(missing);
      }
      Assumptions.abort(missing);
    }
    ProcessBuilder node = new ProcessBuilder("node", RESOURCES.resolve("server.js").toString()).redirectErrorStream(true);
    node.environment().put("NODE_PATH", MODULES.toAbsolutePath().normalize().toString());
    server = node.start();
    int port = port(server);
    GeneratorConfig config = GeneratorConfig.builder(RESOURCES.resolve("openapi.yaml"), work.resolve("unused"))
        .basePackage("expressratelimit")
        .specPathInTests(RESOURCES.resolve("openapi.yaml").toString())
        .families(java.util.Set.of(io.codextestgen.config.Family.RATE_LIMIT))
        .rateLimitMaxRequests(100)
        .rateLimitMaxWaitSeconds(10)
        .build();
    try (GeneratedSuite suite = GeneratedSuite.compile(CodexTestgen.render(config).files(), work.resolve("suite"))) {
      outcomes = suite.run(Map.of("codex.baseUri", "http://127.0.0.1:" + port, "codex.rateLimit", "true"),
          "rate-limit");
    }
  }

  /** The port the server prints once it listens; its output is drained afterwards so that it never blocks. */
  private static int port(Process process) throws Exception {
    BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
      try {
        StringBuilder seen = new StringBuilder();
        for (String line = output.readLine(); line != null; line = output.readLine()) {
          seen.append(line).append('\n');
          if (line.startsWith("listening on ")) {
            return line;
          }
        }
        return seen.toString();
      } catch (IOException e) {
        return e.toString();
      }
    });
    String line = first.get(30, TimeUnit.SECONDS);
    Matcher port = Pattern.compile("listening on (\\d+)").matcher(line);
    assertThat(port.find()).as("the server did not start: %s", line).isTrue();
    Thread drain = new Thread(() -> output.lines().forEach(ignored -> { }), "express-output");
    drain.setDaemon(true);
    drain.start();
    return Integer.parseInt(port.group(1));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (server != null) {
      server.destroy();
      server.waitFor(10, TimeUnit.SECONDS);
    }
  }

  static Stream<Arguments> routes() {
    return Stream.of(
        Arguments.of("draft6", Verdict.PASSED, ""),
        Arguments.of("draft7", Verdict.PASSED, ""),
        Arguments.of("draft8", Verdict.PASSED, ""),
        Arguments.of("legacy", Verdict.PASSED, ""),
        Arguments.of("monitorOnly", Verdict.FAILED, "the API announced 0 requests remaining"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("routes")
  void correctLimitersPassAndAMonitoringOnlyOneFails(String operation, Verdict verdict, String message) {
    Outcome.assertVerdict(outcomes, operation + "_burst_rateLimited", verdict, message);
  }
}
