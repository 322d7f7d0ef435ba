package com.example.bookshop.loadproof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The repository's proof that the generated rate-limit tests never fail because the machine is slow: they run
 * {@code bookshop.loadProof.runs} times (default 10) in a row against the service while another process keeps
 * every core busy, and every run must pass (none failed, none aborted for want of evidence). Not something a
 * project using codex-testgen needs; run by {@code -Dbookshop.loadProof=true} (see the README).
 */
class RateLimitUnderLoad {

  @Test
  void rateLimitTestsPassTenTimesInARowOnABusyMachine() throws Exception {
    int runs = Integer.getInteger("bookshop.loadProof.runs", 10);
    int cores = Runtime.getRuntime().availableProcessors();
    Process load = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), CpuLoad.class.getName(), String.valueOf(cores), "900")
        .inheritIO().start();
    List<String> problems = new ArrayList<>();
    int passed = 0;
    try {
      Launcher launcher = LauncherFactory.create();
      for (int run = 1; run <= runs; run++) {
        long start = System.nanoTime();
        List<String> results = new ArrayList<>();
        int currentRun = run;
        launcher.execute(LauncherDiscoveryRequestBuilder.request()
            .selectors(selectClass("com.example.bookshop.apitests.BooksApiIT"))
            .filters(TagFilter.includeTags("rate-limit"))
            .build(), new TestExecutionListener() {
              @Override
              public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (!id.isTest()) {
                  return;
                }
                String name = id.getDisplayName();
                results.add(name + ": " + result.getStatus());
                if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                  problems.add("run " + currentRun + ", " + name + ": " + result.getStatus() + " "
                      + result.getThrowable().map(Throwable::getMessage).orElse(""));
                }
              }
            });
        passed += (int) results.stream().filter(r -> r.endsWith("SUCCESSFUL")).count();
        System.out.printf(Locale.ROOT, "rate-limit tests under load, run %d of %d (%d cores busy): %.1f s, %s%n", run,
            runs, cores, (System.nanoTime() - start) / 1e9, results);
      }
    } finally {
      load.destroyForcibly();
      load.waitFor(30, TimeUnit.SECONDS);
    }
    assertEquals(List.of(), problems, "every rate-limit test passes on a busy machine");
    assertEquals(2 * runs, passed, "two rate-limit tests (GET and POST /books) ran in every run");
  }
}
