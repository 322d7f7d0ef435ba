package io.codextestgen.report;

import io.codextestgen.plan.OperationSummary;
import java.util.List;
import java.util.Map;

/**
 * What a reviewer needs to judge a generation, as written to report.json: totals, coverage, operations and file
 * changes. report.md says the same for a pull-request description.
 */
public record SuiteReport(
    String title,
    String specFile,
    int tests,
    Map<String, Integer> testsByFamily,
    int operationsTested,
    int operationsTotal,
    int responsesExercised,
    int responsesDocumented,
    List<String> securitySchemesExercised,
    List<String> securitySchemesDefined,
    List<OperationSummary> operations,
    Map<String, List<String>> files,
    List<String> llmProposalsRejected,
    List<String> security) {}
