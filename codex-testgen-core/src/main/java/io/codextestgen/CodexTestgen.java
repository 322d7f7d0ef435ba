package io.codextestgen;

import io.codextestgen.api.ApiModel;
import io.codextestgen.api.ApiModelReader;
import io.codextestgen.config.GeneratorConfig;
import io.codextestgen.config.LlmSettings;
import io.codextestgen.config.PolicyFile;
import io.codextestgen.diag.Diagnostic;
import io.codextestgen.diag.GenerationException;
import io.codextestgen.emit.DriftChecker;
import io.codextestgen.emit.DriftReport;
import io.codextestgen.emit.GenerationState;
import io.codextestgen.emit.SourceWriter;
import io.codextestgen.emit.WriteReport;
import io.codextestgen.llm.ModelAnswers;
import io.codextestgen.plan.TestPlan;
import io.codextestgen.plan.TestPlanner;
import io.codextestgen.render.JUnitRenderer;
import io.codextestgen.render.RenderedFile;
import io.codextestgen.report.ReportWriter;
import io.codextestgen.report.SuiteReport;
import io.codextestgen.spec.LoadedSpec;
import io.codextestgen.spec.SpecLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The entry point of the library: spec in, JUnit 5 + REST Assured sources out. Build tools call
 * {@link #generate(GeneratorConfig)}; bad input surfaces as {@link GenerationException} carrying diagnostics,
 * and nothing is written then.
 */
public final class CodexTestgen {

  private CodexTestgen() {}

  /** Generates the suite and writes the files that changed. */
  public static GenerationResult generate(GeneratorConfig config) {
    return guarded(config, () -> generateUnguarded(config));
  }

  private static GenerationResult generateUnguarded(GeneratorConfig config) {
    if (config.stateFile() != null) {
      GenerationState state = GenerationState.read(config.stateFile());
      if (state != null && state.stillCurrent(config.toString(), config.outputDirectory())) {
        return new GenerationResult(List.of(), new ArrayList<>(state.outputs().keySet()), List.of(), List.of(),
            state.testClasses(), state.testCases(), 0, 0, state.testsByFamily(), List.of(), List.of(), List.of(), true);
      }
    }
    LlmSettings llm = config.llm();
    // Only generate may ask the model (record and refresh modes); what it answered is written with the sources.
    Generated generated = renderUnguarded(config, llm.mode() == LlmSettings.Mode.OFF ? null
        : ModelAnswers.asking(llm, ModelAnswers.openAiCompatible(llm)));
    WriteReport report = new SourceWriter(config.outputDirectory()).write(generated.files(),
        generated.llmLockFile() == null ? Map.of() : Map.of(llm.lockFile(), generated.llmLockFile()));
    List<Diagnostic> diagnostics = new ArrayList<>(generated.diagnostics());
    diagnostics.addAll(report.warnings());
    TestPlan plan = generated.plan();
    SuiteReport summary = ReportWriter.summarize(plan, report);
    List<java.nio.file.Path> reportFiles = config.reportDirectory() == null ? List.of()
        : ReportWriter.write(summary, config.reportDirectory());
    if (config.stateFile() != null) {
      List<String> outputs = new ArrayList<>(report.written());
      outputs.addAll(report.unchanged());
      GenerationState.of(config.toString(), generated.specFiles(), config.outputDirectory(), outputs,
          plan.classes().size(), summary.tests(), summary.testsByFamily()).write(config.stateFile());
    }
    return new GenerationResult(report.written(), report.unchanged(), report.deleted(), report.humanOwned(),
        plan.classes().size(), summary.tests(), summary.operationsTested(), summary.operationsTotal(),
        summary.testsByFamily(), plan.skipped(), diagnostics, reportFiles, false);
  }

  /**
   * Compares what the spec and config generate now with the files on disk, writing nothing and calling nothing:
   * the drift check a build runs to fail when committed tests no longer match the spec. With LLM refinement on
   * (any mode), the model's answers come from the lock file only.
   */
  public static DriftReport check(GeneratorConfig config) {
    return guarded(config, () -> new DriftChecker(config.outputDirectory()).check(renderUnguarded(config,
        replaying(config)).files()));
  }

  /**
   * Everything up to the files' content, in memory, writing nothing and calling nothing (the model's answers come
   * from the lock file only): for previews and tests.
   */
  public static Generated render(GeneratorConfig config) {
    return guarded(config, () -> renderUnguarded(config, replaying(config)));
  }

  private static ModelAnswers replaying(GeneratorConfig config) {
    return config.llm().mode() == LlmSettings.Mode.OFF ? null : ModelAnswers.replaying(config.llm());
  }

  /**
   * Bad input is reported as {@link GenerationException}; anything else thrown on the way is a defect of ours,
   * reported the same way (the caller gets diagnostics, never a stack trace) and saying so.
   */
  private static <T> T guarded(GeneratorConfig config, java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (GenerationException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      String spec = config.specFile() == null || config.specFile().getFileName() == null ? ""
          : config.specFile().getFileName().toString();
      StackTraceElement[] trace = e.getStackTrace();
      String where = trace.length == 0 ? "" : " at " + trace[0];
      GenerationException failure = new GenerationException(Diagnostic.error(spec, "", INTERNAL_ERROR + e
          + where + ". Nothing was written. This is a bug in codex-testgen, not in the spec: please report it with"
          + " the spec, or the part of it that shows the problem"));
      failure.initCause(e);
      throw failure;
    }
  }

  /** How a diagnostic about a defect of codex-testgen itself (not of the input) starts. */
  public static final String INTERNAL_ERROR = "internal error in codex-testgen: ";

  private static Generated renderUnguarded(GeneratorConfig given, ModelAnswers answers) {
    GeneratorConfig config = PolicyFile.apply(given);
    Planned planned = plan(config, answers);
    List<RenderedFile> files = JUnitRenderer.render(planned.plan());
    List<Diagnostic> diagnostics = new ArrayList<>(planned.specWarnings());
    diagnostics.addAll(planned.plan().warnings());
    List<java.nio.file.Path> specFiles = new ArrayList<>(planned.specFiles());
    java.nio.file.Path policy = config.specFile().toAbsolutePath().normalize().resolveSibling(PolicyFile.FILE_NAME);
    specFiles.add(policy); // hashed as "missing" when absent: adding one later is a change too
    if (config.llm().lockFile() != null) {
      specFiles.add(config.llm().lockFile());
    }
    String lock = answers == null ? null : answers.lockFileContent().orElse(null);
    return new Generated(planned.plan(), files, diagnostics, specFiles, lock);
  }

  /**
   * The stages up to the plan, each in its own method: what a stage no longer needs (swagger-parser's model while
   * planning, the API model while rendering) becomes garbage at once, which keeps garbage collection short on
   * large specs.
   */
  private static Planned plan(GeneratorConfig config, ModelAnswers answers) {
    Read read = read(config);
    return new Planned(TestPlanner.plan(read.model(), config, answers), read.specWarnings(), read.specFiles());
  }

  private static Read read(GeneratorConfig config) {
    LoadedSpec spec = new SpecLoader(config.remoteRefAllowList(), config.refMappings()).load(config.specFile());
    try {
      return new Read(ApiModelReader.read(spec), spec.warnings(), spec.files());
    } catch (RuntimeException e) {
      throw new GenerationException(Diagnostic.error(spec.fileName(), "", "cannot read the spec's structure: " + e));
    }
  }

  private record Read(ApiModel model, List<Diagnostic> specWarnings, List<java.nio.file.Path> specFiles) {}

  private record Planned(TestPlan plan, List<Diagnostic> specWarnings, List<java.nio.file.Path> specFiles) {}

  /**
   * The rendered suite before it is written, and every file it was made from; {@code llmLockFile} is the LLM lock
   * file's content to write with it when this run asked the model (else null).
   */
  public record Generated(TestPlan plan, List<RenderedFile> files, List<Diagnostic> diagnostics,
      List<java.nio.file.Path> specFiles, String llmLockFile) {

    public Generated {
      files = List.copyOf(files);
      diagnostics = List.copyOf(diagnostics);
      specFiles = List.copyOf(specFiles);
    }
  }
}
