package io.codextestgen.testing;

import io.codextestgen.CodexTestgen;
import io.codextestgen.config.GeneratorConfig;
import io.codextestgen.testing.GeneratedSuite.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The generated suite of a real server's own spec, run against that server: what passed, what failed and why.
 * Every failure is checked by hand and kept as a finding about the server (its test asserts the findings are
 * exactly the failures, so a new failure, or a fixed one, shows).
 */
public record RealServerRun(String server, Map<String, Outcome> outcomes, String triage) {

  /**
   * Aborts the calling test with {@code missing} when a third-party server is not {@code installed}; fails it
   * instead under CI (the environment variable CI is set), where scripts/third-party.sh must have run.
   */
  public static void requireInstalled(boolean installed, String missing) {
    if (installed) {
      return;
    }
    if (System.getenv("CI") != null) {
      org.junit.jupiter.api.Assertions.fail(missing);
    }
    org.junit.jupiter.api.Assumptions.abort(missing);
  }

  /**
   * Generates {@code config}'s suite, compiles it and runs it with {@code properties}; the run's triage is kept
   * in target/real-servers/ (named after the server) for scripts/real-servers.sh.
   */
  public static RealServerRun of(String server, GeneratorConfig config, Path work, Map<String, String> properties)
      throws IOException {
    Path triage = Path.of("target", "real-servers", server.replaceAll("[^A-Za-z0-9]+", "-") + "-triage.md");
    Map<String, String> withTriage = new TreeMap<>(properties);
    withTriage.put("codex.triageFile", triage.toString());
    try (GeneratedSuite suite = GeneratedSuite.compile(CodexTestgen.render(config).files(), work.resolve("suite"))) {
      Map<String, Outcome> outcomes = new TreeMap<>(suite.run(withTriage));
      RealServerRun run = new RealServerRun(server, outcomes, Files.readString(triage));
      System.out.println(run.summary());
      return run;
    }
  }

  /** Failed tests (rows as "method > row"), with the first line of what each reported. */
  public Map<String, String> failures() {
    return outcomes.entrySet().stream().filter(e -> e.getValue().failed())
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().failure(), (a, b) -> a, TreeMap::new));
  }

  public long passed() {
    return outcomes.values().stream().filter(Outcome::passed).count();
  }

  public long aborted() {
    return outcomes.values().stream().filter(Outcome::aborted).count();
  }

  /** A line for the README's table, then each failure. */
  public String summary() {
    StringBuilder text = new StringBuilder(server + ": " + outcomes.size() + " tests, " + passed() + " passed, "
        + failures().size() + " failed, " + aborted() + " aborted");
    failures().forEach((test, failure) -> text.append("\n  ").append(test).append("\n    ")
        .append(failure.strip().replace("\n", "\n    ")));
    return text.toString();
  }

  /** The failed tests' names whose failure does not mention the reason its finding gives. */
  public List<String> unexplained(Map<String, String> findings) {
    return failures().entrySet().stream()
        .filter(e -> findings.entrySet().stream().noneMatch(
            f -> e.getKey().startsWith(f.getKey()) && e.getValue().contains(f.getValue())))
        .map(e -> e.getKey() + ": " + e.getValue())
        .toList();
  }
}
