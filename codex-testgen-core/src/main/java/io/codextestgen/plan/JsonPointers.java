package io.codextestgen.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Changes at a JSON pointer in a copy of a tree. */
final class JsonPointers {

  private JsonPointers() {}

  /**
   * A copy of {@code tree} with {@code value} at {@code pointer} (relative to {@code tree}; null removes what is
   * there); null when {@code pointer} is empty and {@code value} null (nothing left), or when its parent is not
   * in {@code tree}.
   */
  static JsonNode with(JsonNode tree, String pointer, JsonNode value) {
    if (pointer.isEmpty()) {
      return value == null ? null : value.deepCopy();
    }
    JsonNode copy = tree.deepCopy();
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = copy.at(pointer.substring(0, slash));
    String token = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
    if (parent instanceof ObjectNode object) {
      if (value == null) {
        object.remove(token);
      } else {
        object.set(token, value.deepCopy());
      }
      return copy;
    }
    if (parent instanceof ArrayNode array && token.matches("\\d+") && Integer.parseInt(token) < array.size()) {
      if (value == null) {
        array.remove(Integer.parseInt(token));
      } else {
        array.set(Integer.parseInt(token), value.deepCopy());
      }
      return copy;
    }
    return null;
  }
}
