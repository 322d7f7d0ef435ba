package com.example.bookshop;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A fixed-window limit per API key on the /books collection: at most {@code bookshop.rate-limit.requests} per
 * {@code bookshop.rate-limit.window-seconds}. Answers carry RateLimit-Limit and RateLimit-Remaining; a refused
 * request gets 429 with Retry-After, as openapi.yaml documents.
 */
@Component
@Order(2)
public class RateLimitFilter extends OncePerRequestFilter {

  private final int limit;
  private final long windowMillis;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  public RateLimitFilter(@Value("${bookshop.rate-limit.requests:100}") int limit,
      @Value("${bookshop.rate-limit.window-seconds:60}") int windowSeconds) {
    this.limit = limit;
    this.windowMillis = windowSeconds * 1000L;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().equals("/books");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long now = System.currentTimeMillis();
    String key = String.valueOf(request.getHeader("X-API-Key"));
    Window window = windows.compute(key, (k, w) -> w == null || now - w.start >= windowMillis
        ? new Window(now, 1) : new Window(w.start, w.count + 1));
    int remaining = Math.max(0, limit - window.count);
    response.setHeader("RateLimit-Limit", String.valueOf(limit));
    response.setHeader("RateLimit-Remaining", String.valueOf(remaining));
    if (window.count > limit) {
      long retryAfter = Math.max(1, (window.start + windowMillis - now + 999) / 1000);
      response.setHeader("Retry-After", String.valueOf(retryAfter));
      Problems.write(response, 429, "Too Many Requests", "rate limit of " + limit + " requests exceeded");
      return;
    }
    chain.doFilter(request, response);
  }

  private record Window(long start, int count) {}
}
