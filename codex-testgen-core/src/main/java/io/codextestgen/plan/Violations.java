package io.codextestgen.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.codextestgen.api.ApiModel;
import io.codextestgen.api.SchemaNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Breaks one constraint at a time in a valid value: each {@link Violation} replaces (or removes) one spot and names
 * the schema keyword it violates. Spots are found by walking the schema alongside the value, into nested objects
 * and the first item of arrays.
 */
final class Violations {

  /**
   * One broken constraint: {@code at} is a JSON pointer into the value; a null {@code value} removes the spot.
   * {@code lengthenedTo}: see {@link CaseRow#lengthenedTo()}.
   */
  record Violation(String description, String pointer, String at, JsonNode value, Integer lengthenedTo) {

    Violation(String description, String pointer, String at, JsonNode value) {
      this(description, pointer, at, value, null);
    }
  }

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final int MAX_DEPTH = 6;
  static final String UNKNOWN_PROPERTY = "codexUnexpectedProperty";

  private final ApiModel model;
  private final SchemaMerger merger;
  private final PatternStrings patterns;

  /** Makes the distinct extra items of a uniqueItems array's maxItems violation; set for each document. */
  private ValueSynthesizer freshItems;

  Violations(ApiModel model, PatternStrings patterns) {
    this.model = model;
    this.merger = new SchemaMerger(model);
    this.patterns = patterns;
  }

  /**
   * Violations anywhere in a body; {@code seed} draws the values a violation needs beyond the body's own. A null
   * is a violation only where it cannot be read as "absent": a required body, a required property, an array item.
   */
  List<Violation> ofDocument(SchemaNode schema, JsonNode value, long seed, boolean bodyRequired) {
    freshItems = new ValueSynthesizer(model, new Random(seed), patterns, merger, message -> { });
    List<Violation> result = new ArrayList<>();
    walk(schema, value, "", "body", 0, bodyRequired, result);
    return result;
  }

  /** Violations of a parameter value itself (no structure): type, enum, bounds, lengths, pattern, format. */
  List<Violation> ofScalar(SchemaNode raw, JsonNode value, String label) {
    List<Violation> result = new ArrayList<>();
    SchemaNode schema = merger.flatten(model.resolve(raw));
    if (schema.pointer() != null && value != null && value.isValueNode()) {
      scalar(schema, value, "", label, result, false, false);
    }
    return result;
  }

  private void walk(SchemaNode raw, JsonNode value, String at, String label, int depth, boolean nullIsWrong,
      List<Violation> out) {
    SchemaNode schema = merger.flatten(model.resolve(raw));
    if (schema.pointer() == null || value == null || depth > MAX_DEPTH) {
      return;
    }
    String pointer = schema.pointer();
    if (!schema.oneOf().isEmpty() || !schema.anyOf().isEmpty()) {
      // Breaking one alternative may satisfy another: only null, which no alternative here allows, is certain.
      if (nullIsWrong && !schema.nullable() && !schema.hasType("null")) {
        out.add(new Violation("null " + quote(label), pointer, at, JSON.nullNode()));
      }
      return;
    }
    if (value.isObject()) {
      object(schema, (ObjectNode) value, at, label, depth, nullIsWrong, out);
    } else if (value.isArray()) {
      array(schema, (ArrayNode) value, at, label, depth, nullIsWrong, out);
    } else {
      scalar(schema, value, at, label, out, true, nullIsWrong);
    }
  }

  private void object(SchemaNode schema, ObjectNode value, String at, String label, int depth, boolean nullIsWrong,
      List<Violation> out) {
    typeAndNull(schema, value, at, label, out, true, nullIsWrong);
    for (String name : schema.required()) {
      if (value.has(name)) {
        out.add(new Violation("missing required " + quote(childLabel(label, name)), schema.pointer() + "/required",
            at + "/" + io.codextestgen.api.Pointers.escape(name), null));
      }
    }
    if (schema.additionalProperties() == SchemaNode.FORBIDDEN) {
      out.add(new Violation("unknown property " + quote(childLabel(label, UNKNOWN_PROPERTY)),
          schema.pointer() + "/additionalProperties", at + "/" + UNKNOWN_PROPERTY, JSON.textNode("surprise")));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      SchemaNode property = schema.properties().get(field.getKey());
      if (property != null) {
        walk(property, field.getValue(), at + "/" + io.codextestgen.api.Pointers.escape(field.getKey()), childLabel(label, field.getKey()),
            depth + 1, schema.required().contains(field.getKey()), out);
      }
    }
  }

  private void array(SchemaNode schema, ArrayNode value, String at, String label, int depth, boolean nullIsWrong,
      List<Violation> out) {
    typeAndNull(schema, value, at, label, out, true, nullIsWrong);
    String pointer = schema.pointer();
    if (schema.minItems() != null && schema.minItems() > 0 && value.size() >= schema.minItems()) {
      ArrayNode shorter = JSON.arrayNode();
      for (int i = 0; i < schema.minItems() - 1; i++) {
        shorter.add(value.get(i).deepCopy());
      }
      out.add(new Violation("fewer than " + schema.minItems() + " items in " + quote(label), pointer + "/minItems",
          at, shorter));
    }
    if (schema.maxItems() != null && value.size() > 0 && schema.maxItems() < 1000) {
      String description = "more than " + schema.maxItems() + " items in " + quote(label);
      if (schema.uniqueItems()) {
        // Distinct items, so that the row breaks maxItems alone; none when the items cannot all differ.
        SchemaNode items = schema.items() == null ? SchemaNode.ANY : schema.items();
        ArrayNode longer = freshItems.distinctItems(items, value, schema.maxItems() + 1, label);
        if (longer != null) {
          out.add(new Violation(description, pointer + "/maxItems", at, longer));
        }
      } else {
        ArrayNode longer = value.deepCopy();
        while (longer.size() <= schema.maxItems()) {
          longer.add(value.get(longer.size() % value.size()).deepCopy());
        }
        out.add(new Violation(description, pointer + "/maxItems", at, longer, longer.size()));
      }
    }
    if (schema.uniqueItems() && value.size() > 0) {
      ArrayNode duplicated = value.deepCopy();
      if (schema.maxItems() == null || value.size() < schema.maxItems()) {
        duplicated.add(value.get(0).deepCopy());
      } else if (value.size() >= 2) {
        duplicated.set(1, value.get(0).deepCopy());
      } else {
        duplicated = null;
      }
      if (duplicated != null) {
        out.add(new Violation("duplicate items in " + quote(label), pointer + "/uniqueItems", at, duplicated));
      }
    }
    if (value.size() > 0 && schema.items() != null) {
      walk(schema.items(), value.get(0), at + "/0", label + "[0]", depth + 1, true, out);
    }
  }

  private void scalar(SchemaNode schema, JsonNode value, String at, String label, List<Violation> out,
      boolean typed, boolean nullIsWrong) {
    typeAndNull(schema, value, at, label, out, typed, nullIsWrong);
    String pointer = schema.pointer();
    if (!schema.enumValues().isEmpty()) {
      JsonNode outside = value.isNumber() ? JSON.numberNode(987654321) : JSON.textNode("codex-not-in-enum");
      if (!schema.enumValues().contains(outside)) {
        out.add(new Violation(quote(label) + " not in enum", pointer + "/enum", at, outside));
      }
      return; // other constraints of an enum are rarely meaningful
    }
    if (value.isTextual()) {
      strings(schema, value.asText(), at, label, out);
    } else if (value.isNumber()) {
      numbers(schema, value.decimalValue(), value.isIntegralNumber() || schema.hasType("integer"), at, label, out);
    }
  }

  private void typeAndNull(SchemaNode schema, JsonNode value, String at, String label, List<Violation> out,
      boolean typed, boolean nullIsWrong) {
    String pointer = schema.pointer();
    JsonNode wrong = wrongType(schema, typed);
    if (wrong != null) {
      out.add(new Violation(quote(label) + " of the wrong type (" + jsonType(wrong) + " instead of "
          + String.join("/", schema.types()) + ")", pointer + "/type", at, wrong));
    }
    if (typed && nullIsWrong && !schema.types().isEmpty() && !schema.nullable() && !schema.hasType("null")) {
      out.add(new Violation("null " + quote(label), pointer + "/type", at, JSON.nullNode()));
    }
  }

  /** A value of a JSON type the schema does not allow; in parameters everything is text, so only non-strings. */
  private static JsonNode wrongType(SchemaNode schema, boolean typed) {
    if (schema.types().isEmpty()) {
      return null;
    }
    if (!schema.hasType("string")) {
      return JSON.textNode(schema.hasType("boolean") ? "not-a-boolean"
          : schema.hasType("integer") || schema.hasType("number") ? "not-a-number" : "not-a-value");
    }
    if (!typed) {
      return null; // every parameter value is text: a string parameter cannot be of the wrong type
    }
    return schema.hasType("integer") || schema.hasType("number") ? JSON.booleanNode(true) : JSON.numberNode(12345);
  }

  private static String jsonType(JsonNode node) {
    return node.isTextual() ? "string" : node.isNumber() ? "number" : node.isBoolean() ? "boolean" : "other";
  }

  private void strings(SchemaNode schema, String text, String at, String label, List<Violation> out) {
    String pointer = schema.pointer();
    if (schema.minLength() != null && schema.minLength() > 0) {
      String shorter = text.length() >= schema.minLength() ? text.substring(0, schema.minLength() - 1)
          : "x".repeat(schema.minLength() - 1);
      out.add(new Violation(quote(label) + " shorter than " + schema.minLength(), pointer + "/minLength", at,
          JSON.textNode(shorter)));
    }
    if (schema.maxLength() != null && schema.maxLength() < 100_000) {
      out.add(new Violation(quote(label) + " longer than " + schema.maxLength(), pointer + "/maxLength", at,
          JSON.textNode(ValueSynthesizer.fitLength(text, schema.maxLength() + 1, null))));
    }
    if (schema.pattern() != null) {
      String mismatch = patterns.notMatching(schema.pattern(), schema.minLength(), schema.maxLength());
      if (mismatch != null) {
        out.add(new Violation(quote(label) + " not matching " + schema.pattern(), pointer + "/pattern", at,
            JSON.textNode(mismatch)));
      }
    }
    String badFormat = badFormat(schema.format());
    if (badFormat != null && schema.pattern() == null) {
      out.add(new Violation(quote(label) + " not a valid " + schema.format(), pointer + "/format", at,
          JSON.textNode(badFormat)));
    }
  }

  private static String badFormat(String format) {
    if (format == null) {
      return null;
    }
    return switch (format) {
      case "date" -> "2024-13-45";
      case "date-time" -> "2024-13-45T25:61:00Z";
      case "time" -> "25:61:00";
      case "uuid" -> "not-a-uuid";
      case "email" -> "not-an-email";
      case "uri", "url" -> "not a uri";
      case "ipv4" -> "999.1.1.1";
      case "ipv6" -> "not:an:ipv6";
      case "hostname" -> "not_a_hostname!";
      default -> null;
    };
  }

  private void numbers(SchemaNode schema, BigDecimal value, boolean integer, String at, String label,
      List<Violation> out) {
    String pointer = schema.pointer();
    BigDecimal step = schema.multipleOf() != null && schema.multipleOf().signum() > 0 ? schema.multipleOf()
        : BigDecimal.ONE;
    if (schema.minimum() != null) {
      BigDecimal below = schema.exclusiveMinimum() ? schema.minimum() : schema.minimum().subtract(step);
      out.add(new Violation(quote(label) + " below " + (schema.exclusiveMinimum() ? "exclusive " : "") + "minimum "
          + plain(schema.minimum()), pointer + (schema.exclusiveMinimum() ? "/exclusiveMinimum" : "/minimum"), at,
          number(below)));
    }
    if (schema.maximum() != null) {
      BigDecimal above = schema.exclusiveMaximum() ? schema.maximum() : schema.maximum().add(step);
      out.add(new Violation(quote(label) + " above " + (schema.exclusiveMaximum() ? "exclusive " : "") + "maximum "
          + plain(schema.maximum()), pointer + (schema.exclusiveMaximum() ? "/exclusiveMaximum" : "/maximum"), at,
          number(above)));
    }
    if (schema.multipleOf() != null && !(integer && schema.multipleOf().compareTo(BigDecimal.ONE) == 0)) {
      BigDecimal half = schema.multipleOf().divide(BigDecimal.valueOf(2));
      if (integer && half.stripTrailingZeros().scale() > 0) {
        half = BigDecimal.ONE;
      }
      BigDecimal off = value.add(half);
      if (schema.maximum() != null && off.compareTo(schema.maximum()) > 0) {
        off = value.subtract(half);
      }
      out.add(new Violation(quote(label) + " not a multiple of " + plain(schema.multipleOf()),
          pointer + "/multipleOf", at, number(off)));
    }
  }

  private static JsonNode number(BigDecimal value) {
    BigDecimal plain = value.stripTrailingZeros();
    return plain.scale() <= 0 ? JSON.numberNode(plain.toBigIntegerExact()) : JSON.numberNode(plain);
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }

  private static String childLabel(String parent, String name) {
    return parent.equals("body") ? name : parent + "." + name;
  }

  private static String quote(String label) {
    return label.equals("body") ? "body" : "'" + label + "'";
  }
}
