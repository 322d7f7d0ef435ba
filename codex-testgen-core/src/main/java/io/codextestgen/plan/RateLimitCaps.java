package io.codextestgen.plan;

/**
 * What every rate-limit burst of a suite may do at most: requests in all, requests in flight, and seconds of burst
 * or of waiting for the API to accept requests again.
 */
public record RateLimitCaps(int maxRequests, int concurrency, int maxWaitSeconds) {}
