package io.codextestgen.bench;

import io.codextestgen.CodexTestgen;
import io.codextestgen.GenerationResult;
import io.codextestgen.config.GeneratorConfig;
import io.codextestgen.render.RenderedFile;
import io.codextestgen.testing.GeneratedSuite;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Prints how long swagger-parser alone takes to parse and resolve a spec, how long codex-testgen takes end to end
 * (parse, plan, render, write) on the same spec in the same JVM, their ratio, the peak heap, the no-op rerun, and
 * whether the generated suite compiles. Figures, not a test: run it with scripts/benchmark.sh.
 */
public final class GenerationBenchmark {

  /** Best of ten: single runs on a 2-core machine vary by 2x with GC and JIT timing. */
  private static final int RUNS = 10;

  private GenerationBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path spec = Path.of(args[0]);
    Path work = Files.createTempDirectory("codex-bench");
    long parser = Long.MAX_VALUE;
    long generator = Long.MAX_VALUE;
    GenerationResult result = null;
    for (int run = 0; run <= RUNS; run++) { // run 0 warms the JIT up
      System.gc();
      long start = System.nanoTime();
      ParseOptions options = new ParseOptions();
      options.setResolve(true);
      if (new OpenAPIParser().readLocation(spec.toString(), null, options).getOpenAPI() == null) {
        throw new IllegalStateException("swagger-parser could not read " + spec);
      }
      long parsed = System.nanoTime() - start;
      resetPeaks();
      start = System.nanoTime();
      result = CodexTestgen.generate(GeneratorConfig.builder(spec, work.resolve("out" + run)).build());
      long generated = System.nanoTime() - start;
      if (run > 0) {
        parser = Math.min(parser, parsed);
        generator = Math.min(generator, generated);
      }
    }
    long peak = peakHeap();
    GeneratorConfig noop = GeneratorConfig.builder(spec, work.resolve("noop")).stateFile(work.resolve("state.json"))
        .build();
    CodexTestgen.generate(noop);
    long start = System.nanoTime();
    boolean upToDate = CodexTestgen.generate(noop).upToDate();
    long rerun = System.nanoTime() - start;
    List<RenderedFile> files = CodexTestgen.render(GeneratorConfig.builder(spec, work.resolve("c")).build()).files();
    start = System.nanoTime();
    GeneratedSuite.compile(files, work.resolve("build")).close();
    long compile = System.nanoTime() - start;

    System.out.printf(Locale.ROOT, "spec                          %s (%,d bytes)%n", spec.getFileName(), Files.size(spec));
    System.out.printf(Locale.ROOT, "operations with tests / total %d / %d, %d tests in %d classes%n",
        result.operationsTested(), result.operationsTotal(), result.testCases(), result.testClasses());
    System.out.printf(Locale.ROOT, "swagger-parser parse+resolve  %,d ms (best of %d)%n", parser / 1_000_000, RUNS);
    System.out.printf(Locale.ROOT, "codex-testgen end to end      %,d ms (best of %d)%n", generator / 1_000_000, RUNS);
    System.out.printf(Locale.ROOT, "ratio                         %.2f (target: at most 1.5)%n",
        (double) generator / parser);
    System.out.printf(Locale.ROOT, "peak heap during generation   %,d MiB (target: under 1024)%n", peak >> 20);
    System.out.printf(Locale.ROOT, "no-op rerun                   %,d ms, up to date: %s (target: under 1000 ms)%n",
        rerun / 1_000_000, upToDate);
    System.out.printf(Locale.ROOT, "generated suite compiles      yes, in %,d ms (javac, -Xlint:all -Werror)%n",
        compile / 1_000_000);
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  private static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
