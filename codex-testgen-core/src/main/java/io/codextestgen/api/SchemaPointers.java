package io.codextestgen.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the schema a {@code $ref} points to anywhere in the document, not only under components/schemas: real
 * specs reuse a schema written inline in an operation ({@code #/paths/~1register/post/responses/201/content/
 * application~1json/schema/properties/agent}). Walks swagger-parser's model along the pointer; null when the
 * pointer does not end at a schema.
 */
final class SchemaPointers {

  private SchemaPointers() {}

  static Schema<?> find(OpenAPI openApi, String ref) {
    if (!ref.startsWith("#/")) {
      return null;
    }
    String pointer = ref.substring(2);
    try {
      pointer = URLDecoder.decode(pointer.replace("+", "%2B"), StandardCharsets.UTF_8); // a fragment is URI-encoded
    } catch (IllegalArgumentException e) {
      // not valid percent-encoding: the pointer as written
    }
    Deque<String> tokens = new ArrayDeque<>();
    for (String token : pointer.split("/", -1)) {
      tokens.add(Pointers.unescape(token));
    }
    Object at = openApi;
    while (at != null && !tokens.isEmpty()) {
      at = step(at, tokens.poll());
    }
    return at instanceof Schema<?> schema ? schema : null;
  }

  private static Object step(Object at, String token) {
    if (at instanceof OpenAPI openApi) {
      return switch (token) {
        case "paths" -> openApi.getPaths();
        case "components" -> openApi.getComponents();
        default -> null;
      };
    }
    if (at instanceof Components components) {
      return switch (token) {
        case "schemas" -> components.getSchemas();
        case "parameters" -> components.getParameters();
        case "requestBodies" -> components.getRequestBodies();
        case "responses" -> components.getResponses();
        case "headers" -> components.getHeaders();
        default -> null;
      };
    }
    if (at instanceof PathItem item) {
      return token.equals("parameters") ? item.getParameters()
          : item.readOperationsMap().entrySet().stream()
              .filter(entry -> entry.getKey().name().toLowerCase(Locale.ROOT).equals(token))
              .map(Map.Entry::getValue).findFirst().orElse(null);
    }
    if (at instanceof Operation operation) {
      return switch (token) {
        case "parameters" -> operation.getParameters();
        case "requestBody" -> operation.getRequestBody();
        case "responses" -> operation.getResponses();
        default -> null;
      };
    }
    if (at instanceof RequestBody body) {
      return token.equals("content") ? body.getContent() : null;
    }
    if (at instanceof ApiResponse response) {
      return switch (token) {
        case "content" -> response.getContent();
        case "headers" -> response.getHeaders();
        default -> null;
      };
    }
    if (at instanceof Parameter parameter) {
      return switch (token) {
        case "schema" -> parameter.getSchema();
        case "content" -> parameter.getContent();
        default -> null;
      };
    }
    if (at instanceof Header header) {
      return switch (token) {
        case "schema" -> header.getSchema();
        case "content" -> header.getContent();
        default -> null;
      };
    }
    if (at instanceof MediaType media) {
      return token.equals("schema") ? media.getSchema() : null;
    }
    if (at instanceof Schema<?> schema) {
      return switch (token) {
        case "properties" -> schema.getProperties();
        case "items" -> schema.getItems();
        case "additionalProperties" -> schema.getAdditionalProperties() instanceof Schema<?> extra ? extra : null;
        case "allOf" -> schema.getAllOf();
        case "oneOf" -> schema.getOneOf();
        case "anyOf" -> schema.getAnyOf();
        case "not" -> schema.getNot();
        default -> null;
      };
    }
    if (at instanceof Map<?, ?> map) {
      return map.get(token);
    }
    if (at instanceof List<?> list) {
      try {
        int index = Integer.parseInt(token);
        return index >= 0 && index < list.size() ? list.get(index) : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
