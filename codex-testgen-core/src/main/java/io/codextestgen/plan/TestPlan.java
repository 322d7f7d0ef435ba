package io.codextestgen.plan;

import io.codextestgen.diag.Diagnostic;
import java.util.List;

/**
 * The fully decided test suite: rendering it needs no spec, only this (plain, JSON-serializable records). It also
 * carries what the report needs: the spec's title, every operation's summary and the security schemes defined.
 */
public record TestPlan(
    String basePackage,
    SupportPlan support,
    List<TestClassPlan> classes,
    List<SkippedOperation> skipped,
    List<Diagnostic> warnings,
    String title,
    List<OperationSummary> operations,
    List<String> securitySchemes) {

  public TestPlan {
    classes = List.copyOf(classes);
    skipped = List.copyOf(skipped);
    warnings = List.copyOf(warnings);
    operations = List.copyOf(operations);
    securitySchemes = List.copyOf(securitySchemes);
  }

  /** Test invocations as JUnit counts them: a parameterized test counts once per row. */
  public static int invocations(TestCasePlan testCase) {
    return testCase.rows().isEmpty() ? 1 : testCase.rows().size();
  }
}
