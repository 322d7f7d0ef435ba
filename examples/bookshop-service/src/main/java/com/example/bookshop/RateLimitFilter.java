package com.example.bookshop;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A sliding-window limit per client (the token's subject) and method on the /books collection: at most
 * {@code bookshop.rate-limit.requests} in any {@code bookshop.rate-limit.window-seconds}. Answers carry
 * RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset (seconds until the oldest counted request leaves the window)
 * and RateLimit-Policy ({@code 100;w=5}); a refused request gets 429 with Retry-After, as openapi.yaml documents.
 */
@Component
@Order(2)
public class RateLimitFilter extends OncePerRequestFilter {

  private final int limit;
  private final long windowMillis;
  private final Map<String, Deque<Long>> windows = new ConcurrentHashMap<>();

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
    // after Spring Security's filters: the caller is known, and a new token does not reset its count
    String client = request.getUserPrincipal() == null ? "" : request.getUserPrincipal().getName();
    Deque<Long> window = windows.computeIfAbsent(client + " " + request.getMethod(),
        key -> new ArrayDeque<>());
    long now = System.currentTimeMillis();
    long retryAfterMillis;
    long resetMillis;
    int remaining;
    synchronized (window) {
      while (!window.isEmpty() && now - window.peekFirst() >= windowMillis) {
        window.removeFirst();
      }
      boolean accepted = window.size() < limit;
      if (accepted) {
        window.addLast(now);
      }
      remaining = limit - window.size();
      resetMillis = window.isEmpty() ? 0 : window.peekFirst() + windowMillis - now;
      retryAfterMillis = accepted ? -1 : resetMillis;
    }
    response.setHeader("RateLimit-Limit", String.valueOf(limit));
    response.setHeader("RateLimit-Remaining", String.valueOf(remaining));
    response.setHeader("RateLimit-Reset", String.valueOf((resetMillis + 999) / 1000));
    response.setHeader("RateLimit-Policy", limit + ";w=" + windowMillis / 1000);
    if (retryAfterMillis >= 0) {
      response.setHeader("Retry-After", String.valueOf(Math.max(1, (retryAfterMillis + 999) / 1000)));
      Problems.write(response, 429, "Too Many Requests", "rate limit of " + limit + " requests exceeded");
      return;
    }
    chain.doFilter(request, response);
  }
}
