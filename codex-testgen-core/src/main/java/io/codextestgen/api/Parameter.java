package io.codextestgen.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One operation parameter. {@code example} is the parameter's own example (or null); {@code pointer} is the JSON
 * pointer of its definition.
 */
public record Parameter(
    String name,
    ParameterLocation in,
    boolean required,
    SchemaNode schema,
    JsonNode example,
    String style,
    boolean explode,
    String pointer) {}
