package io.codextestgen;

import io.codextestgen.diag.Diagnostic;
import io.codextestgen.plan.SkippedOperation;
import java.util.List;

/**
 * The outcome of {@link CodexTestgen#generate}: files written, unchanged, deleted (operations that left the spec)
 * and left alone because a person owns them (paths relative to the output directory), tests generated, operations
 * skipped with the reason, and every warning met.
 */
public record GenerationResult(
    List<String> writtenFiles,
    List<String> unchangedFiles,
    List<String> deletedFiles,
    List<String> humanOwnedFiles,
    int testClasses,
    int testCases,
    List<SkippedOperation> skipped,
    List<Diagnostic> diagnostics) {

  public GenerationResult {
    writtenFiles = List.copyOf(writtenFiles);
    unchangedFiles = List.copyOf(unchangedFiles);
    deletedFiles = List.copyOf(deletedFiles);
    humanOwnedFiles = List.copyOf(humanOwnedFiles);
    skipped = List.copyOf(skipped);
    diagnostics = List.copyOf(diagnostics);
  }
}
