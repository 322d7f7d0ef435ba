package io.codextestgen.plan;

import io.codextestgen.api.ApiResponse;
import io.codextestgen.config.Family;
import io.codextestgen.config.GeneratorConfig;
import io.codextestgen.config.RateLimit;
import java.util.List;
import java.util.Locale;

/**
 * The rate-limit family: for operations that document 429, announce limits in RateLimit-* or X-RateLimit-*
 * headers, or have a limit in the configuration, a bounded burst that must meet a 429, then recovery.
 */
final class RateLimitCases {

  private final GeneratorConfig config;

  RateLimitCases(GeneratorConfig config) {
    this.config = config;
  }

  List<TestCasePlan> plan(OperationContext context) {
    RateLimit configured = context.operation().operationId() == null ? null
        : config.rateLimits().get(context.operation().operationId());
    ApiResponse tooMany = context.operation().responses().stream().filter(r -> r.status().equals("429"))
        .findFirst().orElse(null);
    boolean announces = context.operation().responses().stream().flatMap(r -> r.headers().stream())
        .map(h -> h.toLowerCase(Locale.ROOT))
        .anyMatch(h -> h.startsWith("ratelimit-") || h.startsWith("x-ratelimit-"));
    if (tooMany == null && !announces && configured == null) {
      return List.of();
    }
    boolean retryAfter = tooMany != null && tooMany.headers().stream().anyMatch(h -> h.equalsIgnoreCase("Retry-After"));
    boolean reset = tooMany != null && tooMany.headers().stream()
        .anyMatch(h -> h.equalsIgnoreCase("RateLimit-Reset") || h.equalsIgnoreCase("X-RateLimit-Reset"));
    RateLimitPlan plan = new RateLimitPlan(configured == null ? null : configured.requests(),
        configured == null ? 0 : configured.windowSeconds(), retryAfter, reset);
    String display = context.label() + ": a burst meets 429" + (retryAfter ? " with Retry-After" : "")
        + ", then requests are accepted again";
    String pointer = context.operation().pointer() + "/responses" + (tooMany == null ? "" : "/429");
    return List.of(new TestCasePlan(context.method("burst_rateLimited"), display, Family.RATE_LIMIT.tag(),
        context.operationId(), pointer, TestCasePlan.Shape.RATE_LIMIT, context.primary().request(),
        Expectations.exactly(List.of(429)), false, List.of(), plan, null));
  }
}
