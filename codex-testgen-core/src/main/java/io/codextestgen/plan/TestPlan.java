package io.codextestgen.plan;

import io.codextestgen.diag.Diagnostic;
import java.util.List;

/** The fully decided test suite: rendering it needs no spec, only this (plain, JSON-serializable records). */
public record TestPlan(
    String basePackage,
    SupportPlan support,
    List<TestClassPlan> classes,
    List<SkippedOperation> skipped,
    List<Diagnostic> warnings) {

  public TestPlan {
    classes = List.copyOf(classes);
    skipped = List.copyOf(skipped);
    warnings = List.copyOf(warnings);
  }
}
