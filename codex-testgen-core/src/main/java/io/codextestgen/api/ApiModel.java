package io.codextestgen.api;

import java.util.List;
import java.util.Map;

/**
 * The spec as codex-testgen sees it: operations sorted by path then method, the named schemas they refer to,
 * and the security schemes. Later stages read only this.
 */
public record ApiModel(
    String title,
    String specFileName,
    List<String> serverUrls,
    List<Operation> operations,
    Map<String, SchemaNode> schemas,
    Map<String, SecurityScheme> securitySchemes) {

  public ApiModel {
    serverUrls = List.copyOf(serverUrls);
    operations = List.copyOf(operations);
    schemas = Map.copyOf(schemas);
    securitySchemes = Map.copyOf(securitySchemes);
  }

  /** Follows {@code $ref}s until a schema with content; a dangling reference yields an unconstrained schema. */
  public SchemaNode resolve(SchemaNode schema) {
    SchemaNode current = schema;
    for (int hops = 0; current != null && current.ref() != null && hops < 64; hops++) {
      current = schemas.get(current.ref());
    }
    return current == null || current.ref() != null ? SchemaNode.ANY : current;
  }
}
