package io.codextestgen.plan;

import java.util.List;

/**
 * One generated test method: its names, the family it belongs to (the JUnit tag), the spec element it guards
 * (a JSON pointer), what it sends and what it expects.
 *
 * <p>{@code shape} says how the method is built: a single request, or a parameterized test over {@code rows}
 * (body patches, raw bodies, parameter changes), a rate-limit burst, a resource flow (see {@link FlowPlan}), or
 * one HTTP rule across requests (see {@link SemanticsPlan}). {@code strictStatus} is true when an
 * undocumented response status fails the test by itself (valid requests); negative tests judge the status with
 * their own expectation, since APIs rightly answer 401 or 400 without documenting it.
 */
public record TestCasePlan(
    String methodName,
    String displayName,
    String family,
    String operationId,
    String pointer,
    Shape shape,
    RequestPlan request,
    ExpectationPlan expect,
    boolean strictStatus,
    List<CaseRow> rows,
    RateLimitPlan rateLimit,
    FlowPlan flow,
    SemanticsPlan semantics) {

  /** How a test method is built. */
  public enum Shape {
    SINGLE, BODY_PATCH_ROWS, RAW_BODY_ROWS, PARAMETER_ROWS, RATE_LIMIT, FLOW, MASS_ASSIGNMENT, SEMANTICS
  }

  public TestCasePlan {
    rows = List.copyOf(rows);
  }

  /** A test of any shape but {@link Shape#SEMANTICS}. */
  public TestCasePlan(String methodName, String displayName, String family, String operationId, String pointer,
      Shape shape, RequestPlan request, ExpectationPlan expect, boolean strictStatus, List<CaseRow> rows,
      RateLimitPlan rateLimit, FlowPlan flow) {
    this(methodName, displayName, family, operationId, pointer, shape, request, expect, strictStatus, rows,
        rateLimit, flow, null);
  }

  public static TestCasePlan single(String methodName, String displayName, String family, String operationId,
      String pointer, RequestPlan request, ExpectationPlan expect, boolean strictStatus) {
    return new TestCasePlan(methodName, displayName, family, operationId, pointer, Shape.SINGLE, request, expect,
        strictStatus, List.of(), null, null);
  }
}
