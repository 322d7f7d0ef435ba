package io.codextestgen.plan;

/**
 * A bounded burst: the limit and window to assume when the API announces none ({@code configuredLimit} may be null,
 * {@code configuredWindowSeconds} 0 when unknown), the headers a 429 must carry, and the caps every burst of the
 * suite shares (most requests, most in flight, longest burst and wait).
 */
public record RateLimitPlan(
    Integer configuredLimit,
    int configuredWindowSeconds,
    boolean expectRetryAfter,
    boolean expectReset,
    int maxRequests,
    int concurrency,
    int maxWaitSeconds) {}
