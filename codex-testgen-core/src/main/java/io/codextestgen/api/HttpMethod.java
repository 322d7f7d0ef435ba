package io.codextestgen.api;

/** HTTP methods of OpenAPI, in the fixed order used to sort operations of one path. */
public enum HttpMethod {
  GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE, TRACE
}
