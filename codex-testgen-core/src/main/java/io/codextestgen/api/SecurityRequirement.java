package io.codextestgen.api;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One alternative of an operation's security: all of these schemes together (AND). Empty means public.
 * {@code scopes} holds, per scheme, the scopes the requirement names (OAuth2 and OpenID Connect; none for others).
 */
public record SecurityRequirement(List<String> schemeNames, Map<String, List<String>> scopes) {

  public SecurityRequirement {
    schemeNames = List.copyOf(schemeNames);
    Map<String, List<String>> copy = new TreeMap<>();
    scopes.forEach((scheme, names) -> copy.put(scheme, List.copyOf(names)));
    scopes = java.util.Collections.unmodifiableMap(copy);
  }

  /** A requirement naming no scopes. */
  public SecurityRequirement(List<String> schemeNames) {
    this(schemeNames, Map.of());
  }

  /** The scopes this requirement names for {@code scheme}, in spec order; empty when none. */
  public List<String> scopesOf(String scheme) {
    return scopes.getOrDefault(scheme, List.of());
  }
}
