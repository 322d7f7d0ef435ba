package io.codextestgen.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which schema keywords a value breaks ("maximum", "pattern", "required"...); empty when it satisfies the schema.
 * Model proposals are judged with it, and so are a spec's own examples and defaults before a request sends one.
 */
public final class SchemaCheck {

  private final ApiModel model;

  public SchemaCheck(ApiModel model) {
    this.model = model;
  }

  /** The keywords {@code value}, as a request sends it, breaks; empty when it satisfies {@code raw}. */
  public List<String> violations(SchemaNode raw, JsonNode value) {
    List<String> out = new ArrayList<>();
    check(raw, value, out, 0);
    return out;
  }

  private void check(SchemaNode raw, JsonNode value, List<String> out, int depth) {
    SchemaNode schema = model.resolve(raw);
    if (depth > 16) {
      return;
    }
    if (value == null || value.isNull()) {
      if (!schema.nullable() && !schema.types().isEmpty() && !schema.hasType("null")) {
        out.add("type");
      }
      return;
    }
    for (SchemaNode part : schema.allOf()) {
      check(part, value, out, depth + 1);
    }
    List<SchemaNode> alternatives = !schema.oneOf().isEmpty() ? schema.oneOf() : schema.anyOf();
    if (!alternatives.isEmpty() && alternatives.stream().noneMatch(a -> violations(a, value).isEmpty())) {
      out.add(!schema.oneOf().isEmpty() ? "oneOf" : "anyOf");
    }
    if (!schema.types().isEmpty() && !typeMatches(schema, value)) {
      out.add("type");
      return;
    }
    if (!schema.enumValues().isEmpty() && schema.enumValues().stream().noneMatch(e -> same(e, value))) {
      out.add("enum");
    }
    if (value.isNumber()) {
      numbers(schema, value.decimalValue(), out);
    } else if (value.isTextual()) {
      strings(schema, value.asText(), out);
    } else if (value.isArray()) {
      if (schema.minItems() != null && value.size() < schema.minItems()) {
        out.add("minItems");
      }
      if (schema.maxItems() != null && value.size() > schema.maxItems()) {
        out.add("maxItems");
      }
      if (schema.uniqueItems() && new HashSet<JsonNode>(iterable(value)).size() < value.size()) {
        out.add("uniqueItems");
      }
      if (schema.items() != null) {
        value.forEach(item -> check(schema.items(), item, out, depth + 1));
      }
    } else if (value.isObject()) {
      // A request value: a required readOnly member is required in responses only (OpenAPI 3.0).
      schema.required().stream().filter(name -> !value.has(name) && !readOnly(schema.properties().get(name)))
          .forEach(name -> out.add("required"));
      value.fieldNames().forEachRemaining(name -> {
        SchemaNode property = schema.properties().get(name);
        if (property != null) {
          check(property, value.get(name), out, depth + 1);
        } else if (schema.additionalProperties() == SchemaNode.FORBIDDEN) {
          out.add("additionalProperties");
        } else if (schema.additionalProperties() != null) {
          check(schema.additionalProperties(), value.get(name), out, depth + 1);
        }
      });
    }
  }

  private boolean readOnly(SchemaNode property) {
    return property != null && model.resolve(property).readOnly();
  }

  private static boolean typeMatches(SchemaNode schema, JsonNode value) {
    return schema.hasType("string") && value.isTextual()
        || schema.hasType("integer") && (value.isIntegralNumber()
            || value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0)
        || schema.hasType("number") && value.isNumber()
        || schema.hasType("boolean") && value.isBoolean()
        || schema.hasType("array") && value.isArray()
        || schema.hasType("object") && value.isObject();
  }

  private static void numbers(SchemaNode schema, BigDecimal value, List<String> out) {
    if (schema.minimum() != null) {
      int c = value.compareTo(schema.minimum());
      if (c < 0 || c == 0 && schema.exclusiveMinimum()) {
        out.add(schema.exclusiveMinimum() ? "exclusiveMinimum" : "minimum");
      }
    }
    if (schema.maximum() != null) {
      int c = value.compareTo(schema.maximum());
      if (c > 0 || c == 0 && schema.exclusiveMaximum()) {
        out.add(schema.exclusiveMaximum() ? "exclusiveMaximum" : "maximum");
      }
    }
    if (schema.multipleOf() != null && schema.multipleOf().signum() > 0
        && value.remainder(schema.multipleOf()).signum() != 0) {
      out.add("multipleOf");
    }
  }

  private static void strings(SchemaNode schema, String text, List<String> out) {
    int length = text.codePointCount(0, text.length());
    if (schema.minLength() != null && length < schema.minLength()) {
      out.add("minLength");
    }
    if (schema.maxLength() != null && length > schema.maxLength()) {
      out.add("maxLength");
    }
    if (schema.pattern() != null) {
      try {
        if (!Pattern.compile(schema.pattern()).matcher(text).find()) {
          out.add("pattern");
        }
      } catch (RuntimeException e) {
        // a pattern Java cannot read: not judged
      } catch (StackOverflowError e) {
        // java.util.regex recurses once per repetition: image-charts' ^(?:[^|]*\|?)+$ on a long value overflows.
        // What cannot be checked is not taken as valid.
        out.add("pattern");
      }
    }
    if (schema.format() != null && !formatMatches(schema.format(), text)) {
      out.add("format");
    }
  }

  /** Formats a value's text can be checked against here; any other format is not judged. */
  private static final Map<String, Pattern> FORMATS = Map.of(
      "time", Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d:([0-5]\\d|60)(\\.\\d+)?"
          + "([Zz]|[+-]([01]\\d|2[0-3]):[0-5]\\d)"),
      "json-pointer", Pattern.compile("(/([^/~]|~[01])*)*"),
      "relative-json-pointer", Pattern.compile("(0|[1-9]\\d*)(#|(/([^/~]|~[01])*)*)"),
      "hostname", Pattern.compile("(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
          + "(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?"),
      "duration", Pattern.compile("P(?=\\d|T\\d)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?"
          + "(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+([.,]\\d+)?S)?)?"),
      "uuid", Pattern.compile("\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}"),
      "email", Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"),
      "ipv4", Pattern.compile("((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)"),
      "uri", Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:[^\\s]*"));

  private static boolean formatMatches(String format, String text) {
    try {
      switch (format) {
        case "date" -> LocalDate.parse(text);
        case "date-time" -> OffsetDateTime.parse(text);
        case "regex" -> Pattern.compile(text);
        case "ipv6" -> {
          // a literal only (hex digits, colons, dots): InetAddress then parses it and looks nothing up
          if (!text.contains(":") || !text.matches("[0-9A-Fa-f:.]+")) {
            return false;
          }
          java.net.InetAddress.getByName(text);
        }
        default -> {
          Pattern pattern = FORMATS.get(format);
          return pattern == null || pattern.matcher(text).matches();
        }
      }
      return true;
    } catch (RuntimeException | java.net.UnknownHostException e) {
      return false;
    }
  }

  private static boolean same(JsonNode a, JsonNode b) {
    return a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) == 0 : a.equals(b);
  }

  private static List<JsonNode> iterable(JsonNode array) {
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    return items;
  }
}
