package io.codextestgen.plan;

/** An operation without a test of some family, and why (shown in logs and reports). */
public record SkippedOperation(String operationId, String method, String path, String family, String reason) {}
