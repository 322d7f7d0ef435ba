package io.codextestgen.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.codextestgen.api.Parameter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Puts a parameter value on the wire as its style and explode settings say (OpenAPI "Style Values"). */
final class ParameterSerializer {

  private ParameterSerializer() {}

  static List<NameValue> serialize(Parameter parameter, JsonNode value) {
    String name = parameter.name();
    List<NameValue> result = new ArrayList<>();
    if (value.isArray()) {
      List<String> items = new ArrayList<>();
      value.forEach(item -> items.add(text(item)));
      if (parameter.explode() && "form".equals(parameter.style())) {
        items.forEach(item -> result.add(new NameValue(name, item)));
      } else {
        result.add(new NameValue(name, String.join(delimiter(parameter.style()), items)));
      }
    } else if (value.isObject()) {
      if ("deepObject".equals(parameter.style())) {
        forEachField(value, (key, item) -> result.add(new NameValue(name + "[" + key + "]", text(item))));
      } else if (parameter.explode() && "form".equals(parameter.style())) {
        forEachField(value, (key, item) -> result.add(new NameValue(key, text(item))));
      } else {
        List<String> parts = new ArrayList<>();
        String separator = parameter.explode() ? "=" : ",";
        forEachField(value, (key, item) -> parts.add(key + separator + text(item)));
        result.add(new NameValue(name, String.join(",", parts)));
      }
    } else {
      result.add(new NameValue(name, text(value)));
    }
    return result;
  }

  private static String delimiter(String style) {
    return switch (style) {
      case "spaceDelimited" -> " ";
      case "pipeDelimited" -> "|";
      default -> ",";
    };
  }

  /** Scalars as their plain text; nested structures as compact JSON (the only portable choice). */
  static String text(JsonNode node) {
    return node.isValueNode() ? node.asText() : node.toString();
  }

  private static void forEachField(JsonNode object, java.util.function.BiConsumer<String, JsonNode> action) {
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      action.accept(field.getKey(), field.getValue());
    }
  }
}
