package io.codextestgen.plan;

/** An operation that gets no tests, and why (shown in logs and reports). */
public record SkippedOperation(String operationId, String method, String path, String reason) {}
