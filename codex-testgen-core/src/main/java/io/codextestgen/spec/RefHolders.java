package io.codextestgen.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The objects of a spec tree that hold a textual {@code $ref}, each with its JSON pointer, for the passes that
 * rewrite references before anything follows them. An {@code example} is data: a "$ref" inside one is skipped
 * (a property named "example" is a schema, and is not).
 */
final class RefHolders {

  /** Sees one holder; returns whether it changed it. */
  interface Visitor {
    boolean visit(ObjectNode holder, String ref, String pointer);
  }

  private RefHolders() {}

  /** Visits every holder under {@code root}; returns how many the visitor changed. */
  static int visit(JsonNode root, Visitor visitor) {
    return root == null ? 0 : walk(root, "", false, visitor);
  }

  private static int walk(JsonNode node, String pointer, boolean underProperties, Visitor visitor) {
    int changed = 0;
    if (node instanceof ObjectNode object) {
      JsonNode ref = object.get("$ref");
      if (ref != null && ref.isTextual() && visitor.visit(object, ref.asText(), pointer)) {
        changed++;
      }
      for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        String key = field.getKey();
        if ((underProperties || !key.equals("example")) && field.getValue().isContainerNode()) {
          changed += walk(field.getValue(), pointer + "/" + key.replace("~", "~0").replace("/", "~1"),
              key.equals("properties") && !underProperties, visitor);
        }
      }
    } else if (node != null && node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        changed += walk(node.get(i), pointer + "/" + i, false, visitor);
      }
    }
    return changed;
  }
}
