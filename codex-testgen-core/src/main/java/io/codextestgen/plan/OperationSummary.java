package io.codextestgen.plan;

import java.util.List;
import java.util.Map;

/**
 * One operation in the report: tests per family (a parameterized test counts one per row), and for each family
 * without tests, why. {@code documentedStatuses} are the responses the spec documents; {@code exercisedStatuses}
 * those some test expects ("2XX" for a class); {@code semanticsRules} the HTTP rules its semantics tests check.
 */
public record OperationSummary(
    String operationId,
    String method,
    String path,
    Map<String, Integer> tests,
    Map<String, String> notGenerated,
    List<String> documentedStatuses,
    List<String> exercisedStatuses,
    List<String> semanticsRules) {

  public OperationSummary {
    tests = Map.copyOf(tests);
    notGenerated = Map.copyOf(notGenerated);
    documentedStatuses = List.copyOf(documentedStatuses);
    exercisedStatuses = List.copyOf(exercisedStatuses);
    semanticsRules = List.copyOf(semanticsRules);
  }
}
