package com.example.bookshop;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** /settings needs the X-API-Key header; a missing or wrong key gets a problem+json 401 (/books takes tokens). */
@Component
@Order(1)
public class ApiKeyFilter extends OncePerRequestFilter {

  private final byte[] apiKey;

  public ApiKeyFilter(@Value("${bookshop.api-key}") String apiKey) {
    if (apiKey == null || apiKey.isBlank()) {
      throw new IllegalStateException("set bookshop.api-key (e.g. --bookshop.api-key=... or BOOKSHOP_API_KEY)");
    }
    this.apiKey = apiKey.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith("/settings");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String given = request.getHeader("X-API-Key");
    if (given == null || !MessageDigest.isEqual(apiKey, given.getBytes(StandardCharsets.UTF_8))) {
      Problems.write(response, 401, "Unauthorized", "a valid X-API-Key header is required");
      return;
    }
    chain.doFilter(request, response);
  }
}
