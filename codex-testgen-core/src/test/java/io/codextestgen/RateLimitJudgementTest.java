package io.codextestgen;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.codextestgen.config.GeneratorConfig;
import io.codextestgen.config.RateLimit;
import io.codextestgen.testing.GeneratedSuite;
import io.codextestgen.testing.GeneratedSuite.Outcome;
import io.codextestgen.testing.GeneratedSuite.Verdict;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rate-limit tests never cry wolf: the generated burst runs against limiters of every common kind (sliding log,
 * fixed window, token bucket refilled continuously; counters in RateLimit-*, the combined RateLimit header of the
 * IETF drafts, X-RateLimit-* with epoch resets, or none), against limiters that do not limit, and against ones the
 * client cannot judge. Correct limiters pass, faulty ones fail naming the evidence, and what cannot be judged aborts
 * saying why, never fails. One row per limiter, all behind one operation each of a small spec.
 */
class RateLimitJudgementTest {

  private static final Map<String, Supplier<Limiter>> LIMITERS = new LinkedHashMap<>();
  private static final long SECOND = 1_000_000_000L;

  static {
    // Correct limiters: 10 requests per 3 s, each announcing its state its own way.
    LIMITERS.put("sliding", () -> new SlidingLog(10, 3, Headers.RATELIMIT, false));
    LIMITERS.put("fixedEpoch", () -> new FixedWindow(10, 3, Headers.X_RATELIMIT_EPOCH, true, -1));
    LIMITERS.put("bucketFull", () -> new TokenBucket(10, 3, Headers.RATELIMIT));
    LIMITERS.put("draft8", () -> new SlidingLog(10, 3, Headers.DRAFT8, false));
    LIMITERS.put("draft7", () -> new FixedWindow(10, 3, Headers.DRAFT7, true, -1));
    LIMITERS.put("silent", () -> new FixedWindow(10, 3, Headers.NONE, true, -1));
    // A fixed window that rolls over at the burst's 4th request: 13 accepted quickly, and that is right.
    LIMITERS.put("rollover", () -> new FixedWindow(10, 3, Headers.RATELIMIT, true, 4));
    // 9 of 10 used just under 3 s before the burst, expiring one every 50 ms while a slow server (60 ms a request)
    // accepts the burst's requests at "0 remaining"; the reset announced is the whole window's: right, too.
    LIMITERS.put("priorUse", () -> new SlidingLog(10, 3, Headers.RATELIMIT, true).slow(60));
    // Faulty: limiters that do not limit, or do not say when to come back.
    LIMITERS.put("dryRun", () -> new FixedWindow(10, 10, Headers.RATELIMIT, false, -1));
    LIMITERS.put("negative", () -> new Counting(10));
    LIMITERS.put("none", () -> new FixedWindow(1_000_000, 3, Headers.NONE, true, -1));
    LIMITERS.put("noRetryAfter", () -> new SlidingLog(10, 3, Headers.RATELIMIT, false).withoutRetryAfter());
    LIMITERS.put("stuck", Stuck::new);
    // Cannot be judged: a server slower than its own window, nothing announced or configured, a limit beyond the cap.
    LIMITERS.put("slow", () -> new SlidingLog(10, 1, Headers.RATELIMIT, false).slow(150));
    LIMITERS.put("nothing", () -> new FixedWindow(1_000_000, 3, Headers.NONE, true, -1));
    LIMITERS.put("huge", () -> new FixedWindow(100_000, 3600, Headers.RATELIMIT, true, -1));
    // A 429 met, but the recovery cannot be checked: an hour's window, or a 429 that says nothing about when.
    LIMITERS.put("hourly", () -> new FixedWindow(10, 3600, Headers.RATELIMIT, true, -1));
    LIMITERS.put("untold", () -> new FixedWindow(10, 3600, Headers.NONE, true, -1).withoutRetryAfter());
  }

  static HttpServer server;
  static final Map<String, Limiter> active = new TreeMap<>();
  static Map<String, Outcome> outcomes;

  @BeforeAll
  static void runEveryBurst(@TempDir Path work) throws IOException {
    Path spec = work.resolve("limiters.yaml");
    Files.writeString(spec, spec());
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    LIMITERS.forEach((name, limiter) -> active.put(name, limiter.get()));
    server.createContext("/", RateLimitJudgementTest::answer);
    server.start();
    GeneratorConfig config = GeneratorConfig.builder(spec, work.resolve("unused"))
        .basePackage("limiters")
        .specPathInTests(spec.toString())
        .families(java.util.Set.of(io.codextestgen.config.Family.RATE_LIMIT))
        .rateLimits(Map.of("none", RateLimit.parse("10/30s")))
        .rateLimitMaxRequests(100)
        .rateLimitMaxWaitSeconds(5)
        .build();
    try (GeneratedSuite suite = GeneratedSuite.compile(CodexTestgen.render(config).files(), work.resolve("suite"))) {
      outcomes = suite.run(Map.of("codex.baseUri", "http://127.0.0.1:" + server.getAddress().getPort(),
          "codex.rateLimit", "true"), "rate-limit");
    }
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  static Stream<Arguments> limiters() {
    return Stream.of(
        row("sliding", Verdict.PASSED, ""),
        row("fixedEpoch", Verdict.PASSED, ""),
        row("bucketFull", Verdict.PASSED, ""),
        row("draft8", Verdict.PASSED, ""),
        row("draft7", Verdict.PASSED, ""),
        row("silent", Verdict.PASSED, ""),
        row("rollover", Verdict.PASSED, ""),
        row("priorUse", Verdict.PASSED, ""),
        row("dryRun", Verdict.FAILED, "the API announced 0 requests remaining"),
        row("negative", Verdict.FAILED, "requests remaining and still answered 200"),
        row("none", Verdict.FAILED, "more than twice the limit of 10 per 30 s"),
        row("noRetryAfter", Verdict.FAILED, "Retry-After"),
        row("stuck", Verdict.FAILED, "status 429 after waiting as told"),
        row("slow", Verdict.ABORTED, "RateLimit-Remaining never reached 0"),
        row("nothing", Verdict.ABORTED, "configure the operation's limit and window"),
        row("huge", Verdict.ABORTED, "more than the 100 left under the cap"),
        row("hourly", Verdict.ABORTED, "more than the 5 s allowed (rateLimitMaxWaitSeconds): recovery not checked"),
        row("untold", Verdict.ABORTED, "the API says neither Retry-After nor when it resets"));
  }

  private static Arguments row(String operation, Verdict verdict, String message) {
    return Arguments.of(operation, verdict, message);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("limiters")
  void theBurstJudgesOnlyWhatItCanObserve(String operation, Verdict verdict, String message) {
    Outcome outcome = Outcome.assertVerdict(outcomes, operation + "_burst_rateLimited", verdict, message);
    if (verdict != Verdict.PASSED) {
      assertThat(outcome.failure()).as("the achieved rate is reported")
          .containsPattern("\\d+ requests in \\d+\\.\\d\\d s, \\d+/s, \\d+ in parallel");
    }
  }

  private static String spec() {
    StringBuilder paths = new StringBuilder();
    for (String name : LIMITERS.keySet()) {
      paths.append("  /").append(name).append(":\n    get:\n      operationId: ").append(name).append("\n")
          .append("      responses:\n")
          .append("        '200': { description: ok, content: { application/json: { schema: { type: object } } } }\n")
          .append("        '429': { $ref: '#/components/responses/")
          .append(name.equals("untold") ? "LimitedQuietly" : "Limited").append("' }\n");
    }
    return """
        openapi: 3.0.3
        info: { title: limiters, version: '1' }
        paths:
        """ + paths + """
        components:
          responses:
            Limited:
              description: too many requests
              headers:
                Retry-After: { required: true, schema: { type: integer, minimum: 0 } }
            LimitedQuietly:
              description: too many requests, and no word on when to come back
        """;
  }

  private static void answer(HttpExchange exchange) throws IOException {
    Limiter limiter = active.get(exchange.getRequestURI().getPath().substring(1));
    Decision decision = limiter == null ? new Decision(404, Map.of()) : limiter.decide(System.nanoTime());
    decision.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    byte[] body = decision.status() == 200 ? "{}".getBytes(StandardCharsets.UTF_8) : new byte[0];
    if (body.length > 0) {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
    }
    exchange.sendResponseHeaders(decision.status(), body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  record Decision(int status, Map<String, String> headers) {}

  /** How a limiter announces its counters. */
  enum Headers { RATELIMIT, X_RATELIMIT_EPOCH, DRAFT7, DRAFT8, NONE }

  /** A rate limiter: decides each request at {@code now} (nanoseconds) and says what it announces. */
  abstract static class Limiter {
    final int limit;
    final int windowSeconds;
    final Headers style;
    boolean retryAfter = true;
    long slowMillis;

    Limiter(int limit, int windowSeconds, Headers style) {
      this.limit = limit;
      this.windowSeconds = windowSeconds;
      this.style = style;
    }

    Limiter withoutRetryAfter() {
      retryAfter = false;
      return this;
    }

    Limiter slow(long millis) {
      slowMillis = millis;
      return this;
    }

    /** Accepts or refuses; {@code remaining} and {@code resetNanos} as the limiter counts them. */
    abstract boolean accept(long now);

    abstract long remaining(long now);

    abstract long resetNanos(long now);

    synchronized Decision decide(long now) {
      if (slowMillis > 0) {
        try {
          Thread.sleep(slowMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        now = System.nanoTime();
      }
      boolean accepted = accept(now);
      Map<String, String> headers = new LinkedHashMap<>();
      long remaining = remaining(now);
      long reset = (resetNanos(now) + SECOND - 1) / SECOND;
      switch (style) {
        case RATELIMIT -> {
          headers.put("RateLimit-Limit", String.valueOf(limit));
          headers.put("RateLimit-Remaining", String.valueOf(remaining));
          headers.put("RateLimit-Reset", String.valueOf(reset));
          headers.put("RateLimit-Policy", limit + ";w=" + windowSeconds);
        }
        case X_RATELIMIT_EPOCH -> {
          headers.put("X-RateLimit-Limit", String.valueOf(limit));
          headers.put("X-RateLimit-Remaining", String.valueOf(remaining));
          headers.put("X-RateLimit-Reset", String.valueOf(System.currentTimeMillis() / 1000 + reset));
        }
        case DRAFT7 -> headers.put("RateLimit", "limit=" + limit + ", remaining=" + remaining + ", reset=" + reset);
        case DRAFT8 -> {
          headers.put("RateLimit", "\"default\";r=" + remaining + ";t=" + reset);
          headers.put("RateLimit-Policy", "\"default\";q=" + limit + ";w=" + windowSeconds);
        }
        case NONE -> { }
      }
      if (accepted) {
        return new Decision(200, headers);
      }
      if (retryAfter) {
        headers.put("Retry-After", String.valueOf(Math.max(1, reset)));
      }
      return new Decision(429, headers);
    }
  }

  /** At most {@code limit} accepted in any window; reset: until the oldest leaves, or the whole window clears. */
  static final class SlidingLog extends Limiter {
    private final List<Long> accepted = new ArrayList<>();
    private final boolean priorUse;
    private boolean started;

    SlidingLog(int limit, int windowSeconds, Headers style, boolean priorUse) {
      super(limit, windowSeconds, style);
      this.priorUse = priorUse;
    }

    private void expire(long now) {
      if (!started && priorUse) {
        for (int i = 1; i <= 9; i++) {
          accepted.add(now - windowSeconds * SECOND + i * SECOND / 20);
        }
      }
      started = true;
      accepted.removeIf(at -> now - at >= windowSeconds * SECOND);
    }

    @Override
    boolean accept(long now) {
      expire(now);
      if (accepted.size() < limit) {
        accepted.add(now);
        return true;
      }
      return false;
    }

    @Override
    long remaining(long now) {
      return limit - accepted.size();
    }

    @Override
    long resetNanos(long now) {
      if (accepted.isEmpty()) {
        return 0;
      }
      long from = priorUse ? accepted.get(accepted.size() - 1) : accepted.get(0);
      return Math.max(0, from + windowSeconds * SECOND - now);
    }
  }

  /**
   * {@code limit} per window starting at the first request; enforcing or only counting ("dry run", remaining at
   * least 0); optionally rolling over early at the {@code rollAt}-th request.
   */
  static final class FixedWindow extends Limiter {
    private final boolean enforcing;
    private final int rollAt;
    private long start = -1;
    private int count;
    private int requests;

    FixedWindow(int limit, int windowSeconds, Headers style, boolean enforcing, int rollAt) {
      super(limit, windowSeconds, style);
      this.enforcing = enforcing;
      this.rollAt = rollAt;
    }

    @Override
    boolean accept(long now) {
      if (start < 0 || now - start >= windowSeconds * SECOND || ++requests == rollAt) {
        start = now;
        count = 0;
      }
      if (count < limit || !enforcing) {
        count++;
        return true;
      }
      return false;
    }

    @Override
    long remaining(long now) {
      return Math.max(0, limit - count);
    }

    @Override
    long resetNanos(long now) {
      return Math.max(0, start + windowSeconds * SECOND - now);
    }
  }

  /** Refilled continuously ({@code limit} per window); reset: until it is full again. */
  static final class TokenBucket extends Limiter {
    private double tokens;
    private long refilled = -1;

    TokenBucket(int limit, int windowSeconds, Headers style) {
      super(limit, windowSeconds, style);
      this.tokens = limit;
    }

    private void refill(long now) {
      if (refilled >= 0) {
        tokens = Math.min(limit, tokens + (now - refilled) / (double) SECOND * limit / windowSeconds);
      }
      refilled = now;
    }

    @Override
    boolean accept(long now) {
      refill(now);
      if (tokens >= 1) {
        tokens--;
        return true;
      }
      return false;
    }

    @Override
    long remaining(long now) {
      return (long) tokens;
    }

    @Override
    long resetNanos(long now) {
      return (long) ((limit - tokens) * windowSeconds * SECOND / limit);
    }
  }

  /** Counts past its limit and says so (remaining below zero), but never refuses. */
  static final class Counting extends Limiter {
    private int count;

    Counting(int limit) {
      super(limit, 60, Headers.RATELIMIT);
    }

    @Override
    boolean accept(long now) {
      count++;
      return true;
    }

    @Override
    long remaining(long now) {
      return limit - count;
    }

    @Override
    long resetNanos(long now) {
      return 60 * SECOND;
    }
  }

  /** Refuses from the 10th request on, for good, while saying to retry after a second. */
  static final class Stuck extends Limiter {
    private int count;

    Stuck() {
      super(10, 1, Headers.RATELIMIT);
    }

    @Override
    boolean accept(long now) {
      return ++count < 10;
    }

    @Override
    long remaining(long now) {
      return Math.max(0, 9 - count);
    }

    @Override
    long resetNanos(long now) {
      return SECOND;
    }
  }
}
