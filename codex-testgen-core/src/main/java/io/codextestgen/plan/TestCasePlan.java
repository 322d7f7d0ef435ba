package io.codextestgen.plan;

/**
 * One generated test method: its names, the family it belongs to (the JUnit tag), the spec element it guards
 * (a JSON pointer), what it sends and what it expects.
 */
public record TestCasePlan(
    String methodName,
    String displayName,
    String family,
    String operationId,
    String pointer,
    RequestPlan request,
    ExpectationPlan expect) {}
