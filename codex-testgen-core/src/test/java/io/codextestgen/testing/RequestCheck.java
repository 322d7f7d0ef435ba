package io.codextestgen.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * An independent judge of requests, for telling a mock's leniency from a wrong test: networknt's JSON Schema
 * validator on the request body and parameter schemas the spec documents (OpenAPI 3.0 and 3.1 single-file specs),
 * reading the spec itself rather than through the generator.
 */
public final class RequestCheck {

  /**
   * Marks a violation that is only a {@code oneOf} whose alternatives overlap (the value is valid against more than
   * one): no value can satisfy it, a slip of the spec's (oneOf meant as anyOf).
   */
  public static final String OVERLAPPING_ONE_OF = "[oneOf alternatives overlap] ";

  private final JsonNode root;
  private final String iri;
  private final SchemaRegistry registry;

  private RequestCheck(JsonNode root, String iri, SchemaRegistry registry) {
    this.root = root;
    this.iri = iri;
    this.registry = registry;
  }

  /** A spec file's tree, JSON or YAML. */
  public static JsonNode read(Path spec) throws IOException {
    String text = Files.readString(spec, StandardCharsets.UTF_8);
    return (text.stripLeading().startsWith("{") ? new ObjectMapper() : new ObjectMapper(new YAMLFactory()))
        .readTree(text);
  }

  /** A check of {@code spec}'s request bodies; null for a Swagger 2.0 spec (its bodies are parameters). */
  public static RequestCheck of(Path spec) throws IOException {
    JsonNode root = read(spec);
    String version = root.path("openapi").asText();
    if (!version.startsWith("3.")) {
      return null;
    }
    mappingNamesAsRefs(root);
    String text = new ObjectMapper().writeValueAsString(root);
    String iri = spec.toAbsolutePath().normalize().toUri().toString();
    // A 3.1 spec's jsonSchemaDialect decides how its schemas read (draft-04: exclusiveMinimum is a boolean).
    String dialect = root.path("jsonSchemaDialect").asText();
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
        dialect.contains("draft-04") ? Dialects.getDraft4()
            : dialect.contains("draft-07") ? Dialects.getDraft7()
            : version.startsWith("3.1") ? Dialects.getOpenApi31() : Dialects.getOpenApi30(),
        builder -> builder.schemas(location -> location.equals(iri) ? text : null));
    return new RequestCheck(root, iri, registry);
  }

  /**
   * A discriminator mapping may name a schema ({@code "Option One": "OptionOneNoDisc"}) as OpenAPI allows; networknt
   * follows only references, so names become {@code #/components/schemas/...} references here.
   */
  private static void mappingNamesAsRefs(JsonNode node) {
    if (node.isObject()) {
      JsonNode mapping = node.path("discriminator").path("mapping");
      if (mapping instanceof com.fasterxml.jackson.databind.node.ObjectNode names) {
        names.properties().forEach(entry -> {
          String target = entry.getValue().asText();
          if (!target.contains("/") && !target.contains("#")) {
            names.put(entry.getKey(), "#/components/schemas/" + target);
          }
        });
      }
    }
    node.forEach(RequestCheck::mappingNamesAsRefs);
  }

  /**
   * What in a form or multipart body breaks the request body schema, read as OpenAPI says a server reads it: a
   * field sent more than once, or for an array member, is an array; numbers and booleans by the member's type; a
   * file is a string. Empty when valid, null when this cannot judge.
   */
  public List<String> formViolations(String requestBodyPointer, String mediaType,
      List<io.codextestgen.plan.NameValue> fields, List<String> fileFields) {
    String pointer = followed(requestBodyPointer.startsWith("#") ? requestBodyPointer.substring(1)
        : requestBodyPointer);
    if (pointer == null) {
      return null;
    }
    JsonNode media = root.at(pointer).path("content").path(mediaType);
    if (!media.has("schema")) {
      return null;
    }
    JsonNode schema = resolved(media.get("schema"));
    ObjectMapper json = new ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode body = json.createObjectNode();
    for (io.codextestgen.plan.NameValue field : fields) {
      JsonNode property = resolved(schema.path("properties").path(field.name()));
      boolean array = "array".equals(property.path("type").asText());
      JsonNode itemSchema = array ? resolved(property.path("items")) : property;
      JsonNode value = fileFields.contains(field.name())
          ? com.fasterxml.jackson.databind.node.TextNode.valueOf(field.value())
          : typed(itemSchema.path("type").asText(), field.value());
      JsonNode already = body.get(field.name());
      if (array || already != null) {
        com.fasterxml.jackson.databind.node.ArrayNode items = already instanceof
            com.fasterxml.jackson.databind.node.ArrayNode existing ? existing : json.createArrayNode();
        if (already != null && !already.isArray()) {
          items.add(already);
        }
        items.add(value);
        body.set(field.name(), items);
      } else {
        body.set(field.name(), value);
      }
    }
    return validate(pointer + "/content/" + escape(mediaType) + "/schema", body);
  }

  private static JsonNode typed(String type, String value) {
    return switch (type) {
      case "integer", "number" -> number(value);
      case "boolean" -> value.equals("true") || value.equals("false")
          ? com.fasterxml.jackson.databind.node.BooleanNode.valueOf(value.equals("true"))
          : com.fasterxml.jackson.databind.node.TextNode.valueOf(value);
      default -> com.fasterxml.jackson.databind.node.TextNode.valueOf(value);
    };
  }

  /**
   * What in {@code body} breaks the schema of the request body at {@code requestBodyPointer} (a JSON pointer such as
   * {@code #/paths/~1books/post/requestBody}) for {@code mediaType}: empty when it is valid, null when this cannot
   * judge (no such schema, a body that is not JSON).
   */
  public List<String> violations(String requestBodyPointer, String mediaType, String body) {
    String pointer = followed(requestBodyPointer.startsWith("#") ? requestBodyPointer.substring(1)
        : requestBodyPointer);
    if (pointer == null) {
      return null;
    }
    JsonNode requestBody = root.at(pointer);
    JsonNode content = requestBody.path("content");
    String chosen = null;
    for (Iterator<String> types = content.fieldNames(); types.hasNext(); ) {
      String type = types.next();
      if (type.equalsIgnoreCase(mediaType) || chosen == null && type.toLowerCase().contains("json")) {
        chosen = type;
      }
    }
    if (chosen == null || !content.get(chosen).has("schema")) {
      return null;
    }
    String schemaPointer = pointer + "/content/" + escape(chosen) + "/schema";
    JsonNode instance;
    try {
      instance = new ObjectMapper().readTree(body);
    } catch (IOException e) {
      return null;
    }
    return validate(schemaPointer, instance);
  }

  /**
   * What in {@code value} (as sent: text; null when left out) breaks parameter {@code name} in {@code in} of the
   * operation at {@code operationPointer} ({@code #/paths/~1books/get}): empty when it is valid, null when this
   * cannot judge (no such parameter, a parameter without a scalar schema, a value that is serialized structure).
   */
  public List<String> parameterViolations(String operationPointer, String in, String name, String value) {
    String operation = operationPointer.startsWith("#") ? operationPointer.substring(1) : operationPointer;
    String pathItem = operation.substring(0, operation.lastIndexOf('/'));
    for (String owner : List.of(operation, pathItem)) {
      JsonNode parameters = root.at(owner + "/parameters");
      for (int i = 0; i < parameters.size(); i++) {
        String pointer = followed(owner + "/parameters/" + i);
        if (pointer == null) {
          return null;
        }
        JsonNode parameter = root.at(pointer);
        if (!name.equals(parameter.path("name").asText()) || !in.equals(parameter.path("in").asText())) {
          continue;
        }
        if (value == null) {
          return parameter.path("required").asBoolean() ? List.of("required parameter left out") : List.of();
        }
        JsonNode schema = parameter.get("schema");
        if (schema == null) {
          return null;
        }
        String type = resolved(schema).path("type").asText();
        JsonNode instance = switch (type) {
          case "integer", "number" -> number(value);
          case "boolean" -> value.equals("true") || value.equals("false")
              ? com.fasterxml.jackson.databind.node.BooleanNode.valueOf(value.equals("true"))
              : com.fasterxml.jackson.databind.node.TextNode.valueOf(value);
          case "string", "" -> com.fasterxml.jackson.databind.node.TextNode.valueOf(value);
          default -> null;
        };
        if (instance == null) {
          return null;
        }
        return validate(pointer + "/schema", instance);
      }
    }
    return null;
  }

  /** Where the node at {@code pointer} leads through its local {@code $ref}s; null when one leaves the file. */
  private String followed(String pointer) {
    String current = pointer;
    for (int hops = 0; root.at(current).has("$ref") && hops < 10; hops++) {
      String ref = root.at(current).get("$ref").asText();
      if (!ref.startsWith("#")) {
        return null;
      }
      current = ref.substring(1);
    }
    return current;
  }

  /** The violations of {@code instance} against the schema at {@code pointer}; null when it cannot be read. */
  private List<String> validate(String pointer, JsonNode instance) {
    try {
      Schema schema = registry.getSchema(SchemaLocation.of(iri + "#" + encode(pointer)));
      List<String> violations = new ArrayList<>();
      schema.validate(instance).forEach(error -> violations.add(
          ("oneOf.indexes".equals(error.getMessageKey()) ? OVERLAPPING_ONE_OF : "") + error));
      return violations;
    } catch (RuntimeException e) {
      return null; // a schema the validator cannot read (a spec's slip): no verdict
    }
  }

  private JsonNode resolved(JsonNode schema) {
    JsonNode current = schema;
    for (int hops = 0; current.has("$ref") && current.get("$ref").asText().startsWith("#") && hops < 10; hops++) {
      current = root.at(current.get("$ref").asText().substring(1));
    }
    return current;
  }

  private static JsonNode number(String value) {
    try {
      java.math.BigDecimal number = new java.math.BigDecimal(value);
      // "9" is an integer (a DecimalNode would not be one to the validator); "9.5" and "1e400" stay decimals.
      return value.matches("-?\\d+") ? com.fasterxml.jackson.databind.node.BigIntegerNode.valueOf(
          number.toBigIntegerExact()) : com.fasterxml.jackson.databind.node.DecimalNode.valueOf(number);
    } catch (NumberFormatException e) {
      return com.fasterxml.jackson.databind.node.TextNode.valueOf(value);
    }
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  /** A JSON pointer as a URI fragment: each segment percent-encoded where it must be. */
  private static String encode(String pointer) {
    StringBuilder fragment = new StringBuilder();
    for (String segment : pointer.split("/", -1)) {
      if (fragment.length() > 0 || !segment.isEmpty()) {
        fragment.append('/');
      }
      fragment.append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20")
          .replace("%7E", "~"));
    }
    return fragment.toString();
  }
}
