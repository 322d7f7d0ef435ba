package io.codextestgen.plan;

/**
 * A bounded burst: the limit to assume when the API announces none ({@code configuredLimit}, may be null), the most
 * requests ever sent, the headers a 429 must carry, and the longest wait for the API to accept requests again.
 */
public record RateLimitPlan(
    Integer configuredLimit,
    int maxRequests,
    boolean expectRetryAfter,
    boolean expectReset,
    int maxWaitSeconds) {}
