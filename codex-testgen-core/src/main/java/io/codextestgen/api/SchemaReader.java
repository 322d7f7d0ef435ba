package io.codextestgen.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Converts one swagger schema (3.0 or 3.1 flavour) into a {@link SchemaNode}, keeping references as references. */
final class SchemaReader {

  /** References to schemas outside components/schemas met so far (read from several threads). */
  private final Set<String> pointerRefs = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** The references met that point elsewhere than components/schemas: the model reads their targets too. */
  Set<String> pointerRefs() {
    return pointerRefs;
  }

  SchemaNode read(Schema<?> schema, String pointer) {
    if (schema == null) {
      return SchemaNode.ANY;
    }
    if (schema.get$ref() != null) {
      String name = ApiModelReader.schemaName(schema);
      if (name.startsWith("#/")) {
        pointerRefs.add(name);
      }
      return SchemaNode.reference(name);
    }
    Set<String> types = new TreeSet<>();
    if (schema.getTypes() != null) {
      types.addAll(schema.getTypes());
    } else if (schema.getType() != null) {
      types.add(schema.getType());
    }
    boolean nullable = Boolean.TRUE.equals(schema.getNullable()) || types.contains("null");
    SchemaNode.Builder node = SchemaNode.builder()
        .types(types)
        .format(schema.getFormat())
        .pattern(schema.getPattern())
        .minLength(schema.getMinLength())
        .maxLength(schema.getMaxLength())
        .multipleOf(schema.getMultipleOf())
        .minItems(schema.getMinItems())
        .maxItems(schema.getMaxItems())
        .uniqueItems(Boolean.TRUE.equals(schema.getUniqueItems()))
        .required(schema.getRequired() == null ? List.of() : schema.getRequired())
        .enumValues(enumValues(schema))
        .defaultValue(schema.getDefaultSetFlag() || schema.getDefault() != null ? JsonValues.of(schema.getDefault()) : null)
        .example(example(schema))
        .nullable(nullable)
        .readOnly(Boolean.TRUE.equals(schema.getReadOnly()))
        .writeOnly(Boolean.TRUE.equals(schema.getWriteOnly()))
        .pointer(pointer);
    readBounds(schema, node);
    if (schema.getItems() != null) {
      node.items(read(schema.getItems(), pointer + "/items"));
    }
    if (schema.getProperties() != null) {
      Map<String, SchemaNode> properties = new LinkedHashMap<>();
      schema.getProperties().forEach((name, property) ->
          properties.put(name, read(property, pointer + "/properties/" + Pointers.escape(name))));
      node.properties(properties);
    }
    Object additional = schema.getAdditionalProperties();
    if (Boolean.FALSE.equals(additional)) {
      node.additionalProperties(SchemaNode.FORBIDDEN);
    } else if (additional instanceof Schema<?> additionalSchema) {
      node.additionalProperties(read(additionalSchema, pointer + "/additionalProperties"));
    }
    node.allOf(readAll(schema.getAllOf(), pointer + "/allOf"));
    node.oneOf(readAll(schema.getOneOf(), pointer + "/oneOf"));
    node.anyOf(readAll(schema.getAnyOf(), pointer + "/anyOf"));
    if (schema.getDiscriminator() != null) {
      node.discriminatorProperty(schema.getDiscriminator().getPropertyName());
      if (schema.getDiscriminator().getMapping() != null) {
        node.discriminatorMapping(schema.getDiscriminator().getMapping());
      }
    }
    return node.build();
  }

  private static void readBounds(Schema<?> schema, SchemaNode.Builder node) {
    node.minimum(schema.getMinimum()).maximum(schema.getMaximum());
    node.exclusiveMinimum(Boolean.TRUE.equals(schema.getExclusiveMinimum()));
    node.exclusiveMaximum(Boolean.TRUE.equals(schema.getExclusiveMaximum()));
    // OpenAPI 3.1 / JSON Schema 2020-12: exclusive bounds are numbers of their own.
    if (schema.getExclusiveMinimumValue() != null
        && (schema.getMinimum() == null || schema.getExclusiveMinimumValue().compareTo(schema.getMinimum()) >= 0)) {
      node.minimum(schema.getExclusiveMinimumValue()).exclusiveMinimum(true);
    }
    if (schema.getExclusiveMaximumValue() != null
        && (schema.getMaximum() == null || schema.getExclusiveMaximumValue().compareTo(schema.getMaximum()) <= 0)) {
      node.maximum(schema.getExclusiveMaximumValue()).exclusiveMaximum(true);
    }
  }

  private static List<JsonNode> enumValues(Schema<?> schema) {
    List<JsonNode> values = new ArrayList<>();
    if (schema.getEnum() != null) {
      for (Object value : schema.getEnum()) {
        JsonNode node = JsonValues.of(value);
        values.add(node == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : node);
      }
    } else if (schema.getConst() != null) {
      values.add(JsonValues.of(schema.getConst()));
    }
    return values;
  }

  private static JsonNode example(Schema<?> schema) {
    if (schema.getExample() != null) {
      return JsonValues.of(schema.getExample());
    }
    if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
      return JsonValues.of(schema.getExamples().get(0));
    }
    return null;
  }

  private List<SchemaNode> readAll(List<Schema> schemas, String pointer) {
    List<SchemaNode> result = new ArrayList<>();
    if (schemas != null) {
      for (int i = 0; i < schemas.size(); i++) {
        result.add(read(schemas.get(i), pointer + "/" + i));
      }
    }
    return result;
  }
}
