package io.codextestgen.api;

import com.fasterxml.jackson.databind.JsonNode;

/** A media type of a request or response body with its schema and example (either may be null). */
public record MediaContent(String mediaType, SchemaNode schema, JsonNode example) {}
