package io.codextestgen.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * {@code $ref}s to JSON Schema's own meta-schemas ({@code http://json-schema.org/draft-04/schema#} and later drafts):
 * a value described by one is a JSON Schema, which to a test is any JSON object. Such references are read offline, as
 * that, instead of refusing the spec or fetching the meta-schema over the network.
 */
final class MetaSchemaRefs {

  static final Pattern META_SCHEMA = Pattern.compile(
      "https?://json-schema\\.org/(draft-0[3467]/schema|draft/20(19-09|20-12)/schema)#?");

  private static final byte[] HOST = "json-schema.org".getBytes(StandardCharsets.US_ASCII);

  private MetaSchemaRefs() {}

  static boolean isMetaSchema(String ref) {
    return META_SCHEMA.matcher(ref).matches();
  }

  /** Replaces each meta-schema {@code $ref} in {@code root} by an object schema; returns how many it replaced. */
  static int inline(JsonNode root, byte[] source) {
    if (root == null || source == null || !mentionsHost(source)) {
      return 0; // the common case, decided without walking the tree
    }
    return RefHolders.visit(root, (object, url, pointer) -> {
      if (!isMetaSchema(url)) {
        return false;
      }
      object.remove("$ref");
      object.put("type", "object");
      if (!object.has("description")) {
        object.put("description", "a JSON Schema (" + url + ")");
      }
      return true;
    });
  }

  private static boolean mentionsHost(byte[] bytes) {
    outer:
    for (int i = 0; i + HOST.length <= bytes.length; i++) {
      for (int j = 0; j < HOST.length; j++) {
        if (bytes[i + j] != HOST[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
