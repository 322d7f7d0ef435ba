package io.codextestgen.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;

/** Turns the example and default objects swagger-parser hands out (maps, dates, nodes) into JSON trees. */
final class JsonValues {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonValues() {}

  /** Null stays null (no example); everything else becomes a JSON node. */
  static JsonNode of(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof JsonNode node) {
      return node;
    }
    if (value instanceof Date date) {
      // swagger-parser reads "example: 2024-01-31" of a date schema as java.util.Date at midnight UTC.
      return JsonNodeFactory.instance.textNode(
          DateTimeFormatter.ISO_LOCAL_DATE.format(date.toInstant().atOffset(ZoneOffset.UTC)));
    }
    if (value instanceof OffsetDateTime dateTime) {
      return JsonNodeFactory.instance.textNode(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime));
    }
    try {
      return MAPPER.valueToTree(value);
    } catch (IllegalArgumentException e) {
      return JsonNodeFactory.instance.textNode(value.toString());
    }
  }
}
