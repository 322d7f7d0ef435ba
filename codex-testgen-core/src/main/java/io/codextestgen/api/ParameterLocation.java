package io.codextestgen.api;

/** Where a parameter travels. */
public enum ParameterLocation {
  PATH, QUERY, HEADER, COOKIE
}
