package io.codextestgen.bench;

import io.codextestgen.CodexTestgen;
import io.codextestgen.GenerationResult;
import io.codextestgen.api.ApiModel;
import io.codextestgen.api.ApiModelReader;
import io.codextestgen.config.GeneratorConfig;
import io.codextestgen.config.PolicyFile;
import io.codextestgen.emit.SourceWriter;
import io.codextestgen.plan.TestPlan;
import io.codextestgen.plan.TestPlanner;
import io.codextestgen.render.JUnitRenderer;
import io.codextestgen.render.RenderedFile;
import io.codextestgen.spec.LoadedSpec;
import io.codextestgen.spec.SpecLoader;
import io.codextestgen.testing.Directories;
import io.codextestgen.testing.GeneratedSuite;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Figures, not a test: run it with scripts/benchmark.sh, which calls it in several JVMs.
 *
 * <p>{@code time SPEC}: how long swagger-parser alone takes to parse and resolve the spec, how long codex-testgen
 * takes end to end (parse, plan, render, write) through its public facade, their ratio, and where our time goes,
 * stage by stage, once both are warm. Meant for a fixed-size heap ({@code -Xms} = {@code -Xmx}): in a heap that
 * shrinks after each forced collection and grows back, the figures measure the collector's resizing more than
 * either program.
 *
 * <p>{@code cold-parser SPEC} and {@code cold-generator SPEC}: one run in a fresh JVM, as a build that generates
 * once sees it.
 *
 * <p>{@code memory SPEC}: the peak heap of one generation, the no-op rerun, and javac on the generated suite.
 */
public final class GenerationBenchmark {

  /** Best of ten: single runs on a 2-core machine vary with GC and JIT timing. */
  private static final int RUNS = 10;
  /**
   * Rounds before timing, each one parse and two generations. The JIT takes far longer to settle on a generation
   * (which runs swagger-parser's deserializer, Jackson, JavaPoet and our stages) than on the parser alone:
   * swagger-parser comes within a few percent of its settled time after about fifteen runs, a generation only
   * after about fifty. With two rounds, as before, the figures compared a nearly settled parser with a generation
   * still being compiled (a third slower than settled). Cold figures come from fresh JVMs ({@code cold-parser},
   * {@code cold-generator}).
   */
  private static final int WARM_UP = Integer.getInteger("codex.bench.warmUp", 25);

  private GenerationBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path spec = Path.of(args[1]);
    Path work = Files.createTempDirectory("codex-bench");
    System.out.printf(Locale.ROOT, "spec                          %s (%,d bytes)%n", spec.getFileName(),
        Files.size(spec));
    switch (args[0]) {
      case "time" -> time(spec, work);
      case "cold-parser" -> System.out.printf(Locale.ROOT, "cold: swagger-parser          %,d ms%n",
          ms(parse(spec)));
      case "cold-generator" -> {
        long start = System.nanoTime();
        CodexTestgen.generate(GeneratorConfig.builder(spec, work.resolve("out")).build());
        System.out.printf(Locale.ROOT, "cold: codex-testgen           %,d ms%n", ms(System.nanoTime() - start));
      }
      case "memory" -> memory(spec, work);
      default -> throw new IllegalArgumentException("mode must be time, cold-parser, cold-generator or memory: "
          + args[0]);
    }
    Directories.deleteRecursively(work);
  }

  private static void time(Path spec, Path work) throws java.io.IOException {
    long[] parser = new long[RUNS];
    long[] generator = new long[RUNS];
    long[] stages = new long[6];
    Arrays.fill(stages, Long.MAX_VALUE);
    GenerationResult result = null;
    for (int run = 0; run < WARM_UP + RUNS; run++) {
      System.gc();
      long parsed = parse(spec);
      System.gc();
      long start = System.nanoTime();
      Path out = work.resolve("out");
      result = CodexTestgen.generate(GeneratorConfig.builder(spec, out).build());
      long generated = System.nanoTime() - start;
      Directories.deleteRecursively(out); // every run writes a fresh suite, as the first generation of a project does
      System.gc();
      long[] staged = stages(spec, work.resolve("staged"));
      Directories.deleteRecursively(work.resolve("staged"));
      if (run >= WARM_UP) {
        parser[run - WARM_UP] = parsed;
        generator[run - WARM_UP] = generated;
        for (int i = 0; i < stages.length; i++) {
          stages[i] = Math.min(stages[i], staged[i]);
        }
      }
    }
    Arrays.sort(parser);
    Arrays.sort(generator);
    System.out.printf(Locale.ROOT, "operations with tests / total %d / %d, %d tests in %d classes%n",
        result.operationsTested(), result.operationsTotal(), result.testCases(), result.testClasses());
    System.out.printf(Locale.ROOT, "warm (after %d rounds), best / median of %d:%n", WARM_UP, RUNS);
    System.out.printf(Locale.ROOT, "swagger-parser parse+resolve  %,d / %,d ms%n", ms(parser[0]),
        ms(parser[RUNS / 2]));
    System.out.printf(Locale.ROOT, "codex-testgen end to end      %,d / %,d ms%n", ms(generator[0]),
        ms(generator[RUNS / 2]));
    System.out.printf(Locale.ROOT, "ratio                         %.2f / %.2f (target: at most 1.5)%n",
        (double) generator[0] / parser[0], (double) generator[RUNS / 2] / parser[RUNS / 2]);
    System.out.printf(Locale.ROOT, "  stage by stage (best of %d): load %d (read, check references, swagger-parser"
        + " deserializes), model %d, plan %d, render %d, write %d ms; all %d ms%n", RUNS, ms(stages[0]), ms(stages[1]),
        ms(stages[2]), ms(stages[3]), ms(stages[4]), ms(stages[5]));
  }

  /** swagger-parser alone, reading and resolving the spec as a user of it would. */
  private static long parse(Path spec) {
    long start = System.nanoTime();
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    if (new OpenAPIParser().readLocation(spec.toString(), null, options).getOpenAPI() == null) {
      throw new IllegalStateException("swagger-parser could not read " + spec);
    }
    return System.nanoTime() - start;
  }


  /** The facade's stages one by one: load, model, plan, render, write, and their sum. */
  private static long[] stages(Path spec, Path out) {
    GeneratorConfig config = PolicyFile.apply(GeneratorConfig.builder(spec, out).build());
    long t0 = System.nanoTime();
    LoadedSpec loaded = new SpecLoader(config.remoteRefAllowList()).load(spec);
    long t1 = System.nanoTime();
    ApiModel model = ApiModelReader.read(loaded);
    loaded = null; // as in the facade, swagger-parser's model is garbage from here on
    long t2 = System.nanoTime();
    TestPlan plan = TestPlanner.plan(model, config);
    model = null;
    long t3 = System.nanoTime();
    List<RenderedFile> files = JUnitRenderer.render(plan);
    long t4 = System.nanoTime();
    new SourceWriter(out).write(files);
    long t5 = System.nanoTime();
    return new long[] {t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t5 - t0};
  }

  private static void memory(Path spec, Path work) throws Exception {
    CodexTestgen.generate(GeneratorConfig.builder(spec, work.resolve("warm-up")).build());
    resetPeaks();
    CodexTestgen.generate(GeneratorConfig.builder(spec, work.resolve("out")).build());
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
    System.out.printf(Locale.ROOT, "peak heap during generation   %,d MiB (target: under 1024)%n", peak >> 20);
    System.out.printf(Locale.ROOT, "no-op rerun                   %,d ms, up to date: %s (target: under 1000 ms)%n",
        ms(rerun), upToDate);
    System.out.printf(Locale.ROOT, "generated suite compiles      yes, in %,d ms (javac, -Xlint:all -Werror)%n",
        ms(compile));
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
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
