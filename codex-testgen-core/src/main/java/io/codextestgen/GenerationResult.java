package io.codextestgen;

import io.codextestgen.diag.Diagnostic;
import io.codextestgen.plan.SkippedOperation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The outcome of {@link CodexTestgen#generate}: files written, unchanged, deleted (operations that left the spec)
 * and left alone because a person owns them (paths relative to the output directory), tests generated, operations
 * skipped with the reason, every warning met, and the report files written (if any). {@code testCases} counts
 * test invocations, a parameterized test once per row. {@code upToDate} means nothing that decides the output
 * changed since the last generation, so no work was done (see {@code GeneratorConfig.Builder#stateFile}).
 */
public record GenerationResult(
    List<String> writtenFiles,
    List<String> unchangedFiles,
    List<String> deletedFiles,
    List<String> humanOwnedFiles,
    int testClasses,
    int testCases,
    int operationsTested,
    int operationsTotal,
    Map<String, Integer> testsByFamily,
    List<SkippedOperation> skipped,
    List<Diagnostic> diagnostics,
    List<Path> reportFiles,
    boolean upToDate) {

  public GenerationResult {
    writtenFiles = List.copyOf(writtenFiles);
    unchangedFiles = List.copyOf(unchangedFiles);
    deletedFiles = List.copyOf(deletedFiles);
    humanOwnedFiles = List.copyOf(humanOwnedFiles);
    skipped = List.copyOf(skipped);
    diagnostics = List.copyOf(diagnostics);
    testsByFamily = Map.copyOf(testsByFamily);
    reportFiles = List.copyOf(reportFiles);
  }

  /**
   * What a build tool prints after a generation, one line each: the totals, tests by family, then deleted files
   * and skipped operations with the reason. {@code output} is the output directory as the user should read it.
   */
  public List<String> summary(String specName, String output) {
    List<String> lines = new java.util.ArrayList<>();
    if (upToDate) {
      lines.add("codex-testgen: " + testCases + " tests in " + output
          + " are up to date (spec, configuration and generator unchanged): nothing to do");
      return lines;
    }
    lines.add(String.format(java.util.Locale.ROOT,
        "codex-testgen: %d tests for %d of %d operations, in %d classes from %s -> %s (%d written, %d unchanged,"
            + " %d deleted)", testCases, operationsTested, operationsTotal, testClasses, specName, output,
        writtenFiles.size(), unchangedFiles.size(), deletedFiles.size()));
    lines.add("  by family: " + new java.util.TreeMap<>(testsByFamily).toString().replaceAll("[{}]", "")
        .replace("=", " "));
    deletedFiles.forEach(path -> lines.add("  deleted " + path + " (its operations left the spec)"));
    for (SkippedOperation operation : skipped) {
      lines.add("  skipped " + Diagnostic.oneLine(operation.method() + " " + operation.path()
          + (operation.operationId() == null ? "" : " (" + operation.operationId() + ")") + ": " + operation.reason()));
    }
    return lines;
  }
}
