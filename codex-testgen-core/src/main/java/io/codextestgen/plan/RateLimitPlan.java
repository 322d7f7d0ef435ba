package io.codextestgen.plan;

/**
 * A burst: the limit and window to assume when the API announces none ({@code configuredLimit} may be null,
 * {@code configuredWindowSeconds} 0 when unknown) and the headers a 429 must carry; the caps every burst of the
 * suite shares are the support plan's ({@link RateLimitCaps}).
 */
public record RateLimitPlan(
    Integer configuredLimit,
    int configuredWindowSeconds,
    boolean expectRetryAfter,
    boolean expectReset) {}
