package io.codextestgen.corpus;

import io.codextestgen.CodexTestgen;
import io.codextestgen.config.GeneratorConfig;
import io.codextestgen.diag.GenerationException;
import io.codextestgen.plan.TestPlan;
import io.codextestgen.render.RenderedFile;
import io.codextestgen.testing.Directories;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Runs the generator over many real specs through the public facade, the way a user would, and compiles every
 * generated suite with javac ({@code -Xlint:all -Werror}). Each spec ends in one {@link Outcome}: generated and
 * compiled, refused with diagnostics (acceptable: the spec is broken), or a defect of ours (an exception escaping
 * the facade, a timeout, or sources that do not compile).
 *
 * <p>Suites are compiled in batches, each spec in its own package, because one javac run over many suites is
 * far faster than one per spec; a failing batch is recompiled spec by spec to say which spec failed.
 */
public final class Corpus {

  /** How a spec ended. */
  public enum Kind {
    /** Generated, and the suite compiles. */
    COMPILED,
    /** Refused with diagnostics naming the problem: the spec is broken, not the generator. */
    DIAGNOSED,
    /** A defect: an exception escaped the facade, or the facade reported an internal error. */
    CRASHED,
    /** A defect: generation took longer than the time limit. */
    TIMED_OUT,
    /** A defect: the generated suite does not compile. */
    NOT_COMPILED
  }

  /** One spec's result: its kind, the tests generated, and the first lines of whatever went wrong. */
  public record Outcome(String spec, Kind kind, int operations, int tests, long millis, long sourceChars,
      String detail) {

    public boolean isDefect() {
      return kind == Kind.CRASHED || kind == Kind.TIMED_OUT || kind == Kind.NOT_COMPILED;
    }
  }

  private static final long BATCH_CHARS = 24_000_000;

  private final Path root;
  private final Path work;
  private final long timeoutSeconds;
  private final Consumer<Outcome> progress;

  /** Specs are named relative to {@code root}; {@code work} holds sources and classes while a batch compiles. */
  public Corpus(Path root, Path work, long timeoutSeconds, Consumer<Outcome> progress) {
    this.root = root;
    this.work = work;
    this.timeoutSeconds = timeoutSeconds;
    this.progress = progress;
  }

  /** Generates and compiles every spec; outcomes in the order given. */
  public List<Outcome> run(List<Path> specs) {
    Map<String, Outcome> outcomes = new LinkedHashMap<>();
    Batch batch = new Batch();
    ExecutorService executor = Executors.newSingleThreadExecutor(Corpus::daemon);
    try {
      for (int index = 0; index < specs.size(); index++) {
        Path spec = specs.get(index);
        String name = root.relativize(spec).toString().replace('\\', '/');
        String pkg = String.format(Locale.ROOT, "corpus.s%04d", index);
        Generation generation = generate(executor, spec, pkg);
        if (generation.outcome().kind() == Kind.TIMED_OUT) {
          executor.shutdownNow(); // the stuck generation keeps its daemon thread; the next spec gets a fresh one
          executor = Executors.newSingleThreadExecutor(Corpus::daemon);
        }
        Outcome o = generation.outcome();
        Outcome outcome = new Outcome(name, o.kind(), o.operations(), o.tests(), o.millis(), o.sourceChars(),
            o.detail());
        outcomes.put(name, outcome);
        if (outcome.kind() == Kind.COMPILED) {
          batch.add(name, generation.files());
          if (batch.chars >= BATCH_CHARS) {
            compile(batch, outcomes);
            batch = new Batch();
          }
        } else {
          progress.accept(outcome);
        }
      }
      compile(batch, outcomes);
    } finally {
      executor.shutdownNow();
    }
    return new ArrayList<>(outcomes.values());
  }

  private Generation generate(ExecutorService executor, Path spec, String pkg) {
    long start = System.nanoTime();
    Future<Generation> future = executor.submit(() -> {
      GeneratorConfig config = GeneratorConfig.builder(spec, work.resolve("unused")).basePackage(pkg)
          .includeDestructive(true).build();
      try {
        CodexTestgen.Generated generated = CodexTestgen.render(config);
        int operations = generated.plan().operations().size();
        int tests = generated.plan().classes().stream().flatMap(c -> c.cases().stream())
            .mapToInt(TestPlan::invocations).sum();
        long chars = generated.files().stream().mapToLong(f -> f.content().length()).sum();
        return new Generation(new Outcome("", Kind.COMPILED, operations, tests, 0, chars, ""), generated.files());
      } catch (GenerationException e) {
        Kind kind = e.getMessage().contains(CodexTestgen.INTERNAL_ERROR) ? Kind.CRASHED : Kind.DIAGNOSED;
        return new Generation(new Outcome("", kind, 0, 0, 0, 0, firstLines(e.getMessage(), 3)), List.of());
      }
    });
    try {
      Generation generation = future.get(timeoutSeconds, TimeUnit.SECONDS);
      long millis = (System.nanoTime() - start) / 1_000_000;
      Outcome o = generation.outcome();
      return new Generation(new Outcome("", o.kind(), o.operations(), o.tests(), millis, o.sourceChars(),
          o.detail()), generation.files());
    } catch (TimeoutException e) {
      future.cancel(true);
      return new Generation(new Outcome("", Kind.TIMED_OUT, 0, 0, timeoutSeconds * 1000, 0,
          "no result after " + timeoutSeconds + " s"), List.of());
    } catch (ExecutionException e) {
      return new Generation(new Outcome("", Kind.CRASHED, 0, 0, (System.nanoTime() - start) / 1_000_000, 0,
          stackSummary(e.getCause())), List.of());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void compile(Batch batch, Map<String, Outcome> outcomes) {
    if (batch.files.isEmpty()) {
      return;
    }
    Map<String, String> errors = javac(batch.files);
    if (!errors.isEmpty() && batch.specs() > 1) {
      errors = new HashMap<>();
      for (Map.Entry<String, List<RenderedFile>> suite : batch.bySpec.entrySet()) {
        Map<String, String> own = javac(suite.getValue());
        if (!own.isEmpty()) {
          errors.put(suite.getKey(), own.values().iterator().next());
        }
      }
    } else if (!errors.isEmpty()) {
      errors = Map.of(batch.bySpec.keySet().iterator().next(), errors.values().iterator().next());
    }
    for (String spec : batch.bySpec.keySet()) {
      Outcome generated = outcomes.get(spec);
      Outcome outcome = errors.containsKey(spec)
          ? new Outcome(spec, Kind.NOT_COMPILED, generated.operations(), generated.tests(), generated.millis(),
              generated.sourceChars(), errors.get(spec))
          : generated;
      outcomes.put(spec, outcome);
      progress.accept(outcome);
    }
  }

  /** Compiles {@code files} in one javac run; the first errors by source file, empty when they compile. */
  private Map<String, String> javac(List<RenderedFile> files) {
    Path dir = work.resolve("javac");
    try {
      Directories.deleteRecursively(dir);
      Path sources = dir.resolve("src");
      Path classes = Files.createDirectories(dir.resolve("classes"));
      List<Path> paths = new ArrayList<>();
      for (RenderedFile file : files) {
        Path target = sources.resolve(file.relativePath());
        Files.createDirectories(target.getParent());
        Files.writeString(target, file.content(), StandardCharsets.UTF_8);
        paths.add(target);
      }
      JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      StringWriter output = new StringWriter();
      try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
        List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-d", classes.toString(),
            "--release", "17", "-Xlint:all", "-Werror", "-encoding", "UTF-8", "-proc:none", "-Xmaxerrs", "5");
        boolean ok = compiler.getTask(output, fileManager, diagnostics, options, null,
            fileManager.getJavaFileObjectsFromPaths(paths)).call();
        if (ok) {
          return Map.of();
        }
      }
      Map<String, String> errors = new LinkedHashMap<>();
      for (javax.tools.Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        String source = d.getSource() == null ? "?" : sources.relativize(Path.of(d.getSource().toUri())).toString();
        errors.merge(source, source + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT), (a, b) -> a);
      }
      if (errors.isEmpty()) {
        errors.put("?", firstLines(output.toString(), 5));
      }
      return errors;
    } catch (IOException | UncheckedIOException e) {
      // e.g. a source no encoding can write: a defect of the suite, not a reason to stop the run
      return Map.of("?", "cannot write the sources: " + e);
    } finally {
      try {
        Directories.deleteRecursively(dir);
      } catch (IOException ignored) {
        // a leftover temporary directory only costs disk space
      }
    }
  }

  /** Figures for a run: counts by kind, tests, operations and the slowest specs. */
  public static List<String> summary(List<Outcome> outcomes, long wallMillis) {
    Map<Kind, Integer> byKind = new java.util.EnumMap<>(Kind.class);
    for (Kind kind : Kind.values()) {
      byKind.put(kind, 0);
    }
    outcomes.forEach(o -> byKind.merge(o.kind(), 1, Integer::sum));
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "specs                 %d", outcomes.size()));
    byKind.forEach((kind, count) -> lines.add(String.format(Locale.ROOT, "  %-19s %d", kind.name().toLowerCase(Locale.ROOT), count)));
    long defects = outcomes.stream().filter(Outcome::isDefect).count();
    long generated = byKind.get(Kind.COMPILED) + byKind.get(Kind.NOT_COMPILED);
    lines.add(String.format(Locale.ROOT, "suites that compile   %d of %d generated (%.1f%%)", byKind.get(Kind.COMPILED),
        generated, generated == 0 ? 100.0 : 100.0 * byKind.get(Kind.COMPILED) / generated));
    lines.add(String.format(Locale.ROOT, "defects               %d (crashes, timeouts, suites that do not compile)", defects));
    lines.add(String.format(Locale.ROOT, "operations / tests    %,d / %,d",
        outcomes.stream().mapToLong(Outcome::operations).sum(), outcomes.stream().mapToLong(Outcome::tests).sum()));
    lines.add(String.format(Locale.ROOT, "wall time             %,d s", wallMillis / 1000));
    lines.add("largest suites (source characters per operation):");
    outcomes.stream().filter(o -> o.operations() > 0)
        .sorted(Comparator.comparingLong((Outcome o) -> o.sourceChars() / o.operations()).reversed()).limit(3)
        .forEach(o -> lines.add(String.format(Locale.ROOT, "  %,9d  %s (%,d operations, %,d characters)",
            o.sourceChars() / o.operations(), o.spec(), o.operations(), o.sourceChars())));
    lines.add("slowest generations:");
    outcomes.stream().sorted(Comparator.comparingLong(Outcome::millis).reversed()).limit(5)
        .forEach(o -> lines.add(String.format(Locale.ROOT, "  %,7d ms  %s (%,d operations)", o.millis(), o.spec(),
            o.operations())));
    return lines;
  }

  /** Spec files under {@code dir}: every .json, .yaml and .yml file, sorted, package manifests excluded. */
  public static List<Path> specsUnder(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().matches(".*\\.(json|ya?ml)"))
          .filter(p -> !p.getFileName().toString().equals("package.json"))
          .sorted().toList();
    }
  }

  private static String stackSummary(Throwable error) {
    StringBuilder text = new StringBuilder(String.valueOf(error));
    StackTraceElement[] trace = error.getStackTrace();
    for (int i = 0; i < Math.min(6, trace.length); i++) {
      text.append("\n    at ").append(trace[i]);
    }
    return text.toString();
  }

  private static String firstLines(String text, int count) {
    return String.join("\n", text.lines().limit(count).toList());
  }

  private static Thread daemon(Runnable runnable) {
    Thread thread = new Thread(null, runnable, "corpus-generation", 0);
    thread.setDaemon(true);
    return thread;
  }

  private record Generation(Outcome outcome, List<RenderedFile> files) {}

  /** Suites waiting to be compiled together. */
  private static final class Batch {
    private final List<RenderedFile> files = new ArrayList<>();
    private final Map<String, List<RenderedFile>> bySpec = new LinkedHashMap<>();
    private long chars;

    void add(String spec, List<RenderedFile> suite) {
      files.addAll(suite);
      bySpec.put(spec, suite);
      suite.forEach(f -> chars += f.content().length());
    }

    int specs() {
      return bySpec.size();
    }
  }
}
