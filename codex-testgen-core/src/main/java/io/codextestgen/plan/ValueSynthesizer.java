package io.codextestgen.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.codextestgen.api.ApiModel;
import io.codextestgen.api.SchemaNode;
import io.codextestgen.diag.Diagnostic;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Produces a value that satisfies a schema: the schema's example first, then its default, then its first enum
 * value, else a value synthesized from type, format and every constraint. All choices come from the given seeded
 * {@link Random}, so the same schema and seed give the same value on every JVM.
 */
final class ValueSynthesizer {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final int MAX_DEPTH = 12;
  /** Optional properties deeper than this are left out: the body stays readable, required ones still go in. */
  private static final int OPTIONAL_DEPTH = 6;
  /**
   * Past this many nodes in one value, optional properties and array items beyond minItems are left out: types
   * with hundreds of properties, each another such type (Microsoft Graph), would otherwise give bodies of millions
   * of nodes. Required ones still go in, so the value stays valid.
   */
  private static final int NODE_BUDGET = 200;

  private final ApiModel model;
  private final Random random;
  private final PatternStrings patterns;
  /** How often each ref is among the schemas being generated (a multiset: looked up for every property). */
  private final Map<String, Integer> refsInProgress = new HashMap<>();
  private final SchemaMerger merger;
  private final io.codextestgen.api.SchemaCheck check;

  private final java.util.function.Consumer<String> warn;
  private final boolean forResponse;
  private int nodes;
  /**
   * By object of the last value: its optional members that neither an example, a default nor an enum chose, which
   * {@link #leastSurprising} leaves out.
   */
  private final Map<ObjectNode, Set<String>> surprising = new java.util.IdentityHashMap<>();
  /** Why no value satisfies the schema of the last value, or null: the value made is then not valid. */
  private String unsatisfiable;

  /** {@code warn} receives findings about the spec met on the way (each a full sentence). */
  ValueSynthesizer(ApiModel model, Random random, PatternStrings patterns, SchemaMerger merger,
      java.util.function.Consumer<String> warn) {
    this(model, random, patterns, merger, warn, false);
  }

  /** For a response, readOnly properties are included and writeOnly ones left out, instead of the reverse. */
  ValueSynthesizer(ApiModel model, Random random, PatternStrings patterns, SchemaMerger merger,
      java.util.function.Consumer<String> warn, boolean forResponse) {
    this.forResponse = forResponse;
    this.model = model;
    this.random = random;
    this.patterns = patterns;
    this.warn = warn;
    this.merger = merger;
    this.check = new io.codextestgen.api.SchemaCheck(model);
  }

  /** A value for a request: readOnly properties are left out. {@code hint} names the value (e.g. "title"). */
  JsonNode valueFor(SchemaNode schema, String hint) {
    nodes = 0;
    surprising.clear();
    unsatisfiable = null;
    String contradiction = merger.contradiction(model.resolve(schema));
    if (contradiction != null) {
      unsatisfiable = where(schema) + ": " + contradiction;
    }
    return generate(schema, hint, 0);
  }

  /**
   * Why no value satisfies the schema {@link #valueFor} was last asked for (a required member whose allOf
   * contradicts itself, a member that requires the schema it is in), or null.
   */
  String unsatisfiable() {
    return unsatisfiable;
  }

  private static String pointerOf(SchemaNode schema) {
    return schema.pointer() != null ? schema.pointer() : "an object schema";
  }

  private String where(SchemaNode schema) {
    SchemaNode resolved = model.resolve(schema);
    return resolved.pointer() != null ? resolved.pointer() : schema.isReference() ? schema.ref() : "the schema";
  }

  /**
   * The least surprising request {@code complete} (the last value {@link #valueFor} made) holds: its required
   * members, and the optional ones an example, a default or an enum chose (what the spec's authors had in mind);
   * the rest are left out, since a made-up value for them more likely breaks a rule stated only in prose. An
   * object of optional members only, none of them chosen so, is kept whole: an empty one would say nothing. The
   * values are those of {@code complete}.
   */
  JsonNode leastSurprising(JsonNode complete) {
    if (complete instanceof ObjectNode object) {
      ObjectNode copy = JSON.objectNode();
      Set<String> left = surprising.getOrDefault(object, Set.of());
      object.fields().forEachRemaining(member -> {
        if (!left.contains(member.getKey())) {
          copy.set(member.getKey(), leastSurprising(member.getValue()));
        }
      });
      return copy;
    }
    if (complete instanceof ArrayNode array) {
      ArrayNode copy = JSON.arrayNode();
      array.forEach(item -> copy.add(leastSurprising(item)));
      return copy;
    }
    return complete;
  }

  private JsonNode generate(SchemaNode raw, String hint, int depth) {
    nodes++;
    // The refs this value is made of, directly or as allOf parts ({allOf: [{$ref}, {description}]} is common),
    // so a property leading back to one of them is seen as a cycle.
    List<String> refs = new ArrayList<>();
    if (raw.isReference()) {
      refs.add(raw.ref());
    }
    for (SchemaNode part : raw.allOf()) {
      if (part.isReference()) {
        refs.add(part.ref());
      }
    }
    for (String ref : refs) {
      refsInProgress.merge(ref, 1, Integer::sum);
    }
    try {
      SchemaNode schema = merger.flatten(model.resolve(raw));
      if (usable(schema, schema.example(), where(raw) + "/example")) {
        return withoutReadOnly(schema, schema.example().deepCopy());
      }
      if (usable(schema, schema.defaultValue(), where(raw) + "/default")) {
        return schema.defaultValue().deepCopy();
      }
      for (JsonNode value : schema.enumValues()) {
        if (!value.isNull()) {
          return value.deepCopy();
        }
      }
      SchemaNode alternative = merger.firstAlternative(schema);
      if (alternative != null) {
        return generateAlternative(schema, alternative, hint, depth);
      }
      return switch (typeOf(schema)) {
        case "object" -> object(schema, depth);
        case "array" -> array(schema, hint, depth);
        case "integer" -> JSON.numberNode(Numbers.integerWithin(schema, random));
        case "number" -> JSON.numberNode(Numbers.numberWithin(schema, random));
        case "boolean" -> JSON.booleanNode(true);
        case "null" -> JSON.nullNode();
        default -> JSON.textNode(string(schema, hint));
      };
    } finally {
      for (String ref : refs) {
        refsInProgress.computeIfPresent(ref, (r, count) -> count == 1 ? null : count - 1);
      }
    }
  }

  /**
   * Whether a spec's example or default can stand for the schema: present, not null, and satisfying the schema
   * (type, format, pattern, bounds, required members). Real specs hold examples that contradict their own schema
   * ("123" for an integer, "TBD" for a duration, a date-time for a date, a stringified object); sending one would
   * fail a correct server, so such a value is synthesized instead, and the spec's slip is reported at
   * {@code pointer}.
   */
  boolean usable(SchemaNode raw, JsonNode value, String pointer) {
    if (value == null || value.isNull()) {
      return false;
    }
    List<String> broken = check.violations(raw, value);
    if (broken.isEmpty()) {
      return true;
    }
    warn.accept(pointer + " breaks its own schema (" + String.join(", ", new java.util.TreeSet<>(broken))
        + "): the tests send a value that satisfies it instead; correct the example");
    return false;
  }

  /** Whether {@code value} (an example or a default) is present and satisfies {@code raw}. */
  boolean fits(SchemaNode raw, JsonNode value) {
    return value != null && !value.isNull() && check.violations(raw, value).isEmpty();
  }

  /** oneOf/anyOf: the first alternative, merged with the properties the parent declares itself. */
  private JsonNode generateAlternative(SchemaNode parent, SchemaNode alternative, String hint, int depth) {
    JsonNode value = generate(merger.withAlternative(parent, alternative), hint, depth);
    // The discriminator is the parent's, or one the alternative inherits through allOf (Cat: allOf [Pet, ...],
    // Pet's discriminator pet_type): either way the alternative's value is its mapping key or its schema name.
    SchemaNode owner = parent.discriminatorProperty() != null ? parent : merger.flatten(model.resolve(alternative));
    if (owner.discriminatorProperty() != null && value instanceof ObjectNode object) {
      String discriminatorValue = discriminatorValue(owner, alternative, object);
      if (discriminatorValue != null) {
        object.put(owner.discriminatorProperty(), discriminatorValue);
      }
    }
    return value;
  }

  private String discriminatorValue(SchemaNode parent, SchemaNode alternative, ObjectNode generated) {
    JsonNode current = generated.get(parent.discriminatorProperty());
    SchemaNode resolved = model.resolve(alternative);
    SchemaNode property = resolved.properties().get(parent.discriminatorProperty());
    List<JsonNode> pinned = property == null ? List.of() : model.resolve(property).enumValues();
    if (current != null && !pinned.isEmpty()) {
      if (alternative.isReference() && parent.discriminatorMapping().isEmpty()
          && pinned.stream().noneMatch(v -> v.asText().equals(alternative.ref()))) {
        warn.accept("discriminator " + Diagnostic.quote(parent.discriminatorProperty()) + " at " + parent.pointer()
            + " has no mapping, so its values must be schema names such as " + Diagnostic.quote(alternative.ref())
            + ", but "
            + alternative.ref() + "." + parent.discriminatorProperty() + " only allows " + pinned
            + ". Tests send " + current + "; add a discriminator mapping to make the spec consistent");
      }
      return null; // the alternative pins the value itself
    }
    if (alternative.isReference()) {
      for (Map.Entry<String, String> entry : parent.discriminatorMapping().entrySet()) {
        if (entry.getValue().equals(alternative.ref()) || entry.getValue().endsWith("/" + alternative.ref())) {
          return entry.getKey();
        }
      }
      return alternative.ref();
    }
    return null;
  }

  static String typeOf(SchemaNode schema) {
    for (String type : List.of("object", "array", "string", "integer", "number", "boolean")) {
      if (schema.hasType(type)) {
        return type;
      }
    }
    if (schema.hasType("null")) {
      return "null";
    }
    if (!schema.properties().isEmpty() || schema.additionalProperties() != null) {
      return "object";
    }
    if (schema.items() != null) {
      return "array";
    }
    if (schema.minimum() != null || schema.maximum() != null || schema.multipleOf() != null) {
      return "number";
    }
    return "string";
  }

  private ObjectNode object(SchemaNode schema, int depth) {
    ObjectNode object = JSON.objectNode();
    Map<String, String> dates = new java.util.TreeMap<>();
    for (Map.Entry<String, SchemaNode> entry : schema.properties().entrySet()) {
      String name = entry.getKey();
      SchemaNode property = entry.getValue();
      SchemaNode resolved = model.resolve(property);
      boolean required = schema.required().contains(name);
      if (forResponse ? resolved.writeOnly() : resolved.readOnly()) {
        continue; // readOnly is server-set (even when required): requests leave it out; writeOnly never comes back
      }
      if (!required && (depth >= OPTIONAL_DEPTH || nodes >= NODE_BUDGET || leadsBack(property))) {
        continue;
      }
      // Deep down only required members remain (optional ones stopped at depth 6): one that leads back to a schema
      // being made is a cycle no finite value satisfies; anything else this deep is cut too, a little later.
      boolean cycle = depth >= MAX_DEPTH * 2 && leadsBack(property);
      if (cycle || depth >= MAX_DEPTH * 2 + 4) {
        if (cycle && required && unsatisfiable == null) {
          unsatisfiable = schema.pointer() + "/required: " + Diagnostic.quote(name)
              + " requires the schema it is in, again and again: no finite value satisfies it";
        }
        continue;
      }
      String contradiction = merger.contradiction(resolved);
      if (contradiction != null) {
        if (required && unsatisfiable == null) {
          unsatisfiable = where(property) + ": " + contradiction;
        }
        continue; // an optional one is left out: without it the value is still valid
      }
      object.set(name, generate(property, name, depth + 1));
      String format = synthesizedDateFormat(property);
      if (format != null) {
        dates.put(name, format);
      }
    }
    for (String name : schema.required()) {
      if (schema.properties().containsKey(name) || object.has(name)) {
        continue;
      }
      // Required, yet not among the properties (a typo, a member documented elsewhere): JSON Schema still wants it
      // present, with any value additionalProperties allows.
      SchemaNode additional = schema.additionalProperties();
      if (additional == SchemaNode.FORBIDDEN) {
        if (unsatisfiable == null) {
          unsatisfiable = pointerOf(schema) + "/required: " + Diagnostic.quote(name)
              + " is required, but additionalProperties is false and properties do not declare it";
        }
        continue;
      }
      object.set(name, generate(additional == null ? SchemaNode.ANY : additional, name, depth + 1));
      warn.accept(pointerOf(schema) + "/required names " + Diagnostic.quote(name)
          + ", which its properties do not declare: the tests send it ("
          + (additional == null ? "as a string" : "as additionalProperties says")
          + "); declare it, or take it out of required");
    }
    DateRanges.ends(dates.keySet()).forEach((name, start) ->
        object.put(name, DateRanges.value(dates.get(name), start)));
    if (!forResponse) {
      Set<String> chosen = new java.util.TreeSet<>();
      object.fieldNames().forEachRemaining(name -> {
        if (schema.required().contains(name) || hasOwnValue(schema.properties().get(name))) {
          chosen.add(name);
        }
      });
      if (!chosen.isEmpty() || !schema.required().isEmpty()) {
        Set<String> left = new java.util.TreeSet<>();
        object.fieldNames().forEachRemaining(left::add);
        left.removeAll(chosen);
        if (!left.isEmpty()) {
          surprising.put(object, left);
        }
      }
    }
    SchemaNode additional = schema.additionalProperties();
    if (schema.properties().isEmpty() && additional != null && additional != SchemaNode.FORBIDDEN
        && depth < MAX_DEPTH) {
      object.set("key1", generate(additional, "value", depth + 1));
    }
    return object;
  }

  /**
   * {@code date} or {@code date-time} when a value of {@code raw} is a synthesized date (no example, default, enum
   * or pattern decides it), so that it may be one end of a range; else null.
   */
  String synthesizedDateFormat(SchemaNode raw) {
    if (raw == null) {
      return null;
    }
    SchemaNode schema = merger.flatten(model.resolve(raw));
    String format = schema.format();
    boolean date = "date".equals(format) || "date-time".equals(format);
    return date && !hasOwnValue(raw) && schema.pattern() == null && merger.firstAlternative(schema) == null
        ? format : null;
  }

  /** Whether the spec chose the value of {@code raw} itself: an example, a default or an enum. */
  boolean hasOwnValue(SchemaNode raw) {
    if (raw == null) {
      return false;
    }
    SchemaNode schema = merger.flatten(model.resolve(raw));
    return fits(schema, schema.example()) || fits(schema, schema.defaultValue())
        || schema.enumValues().stream().anyMatch(value -> !value.isNull());
  }

  /** True when the schema (through items or composition) refers to a schema being generated: a cycle. */
  private boolean leadsBack(SchemaNode schema) {
    Set<String> reachable = merger.refsWithin(schema);
    if (refsInProgress.size() < reachable.size()) {
      for (String ref : refsInProgress.keySet()) {
        if (reachable.contains(ref)) {
          return true;
        }
      }
      return false;
    }
    for (String ref : reachable) {
      if (refsInProgress.containsKey(ref)) {
        return true;
      }
    }
    return false;
  }

  private ArrayNode array(SchemaNode schema, String hint, int depth) {
    ArrayNode array = JSON.arrayNode();
    int size = Math.max(1, schema.minItems() == null ? 1 : schema.minItems());
    if (schema.maxItems() != null) {
      size = Math.min(size, schema.maxItems());
    }
    if (depth >= MAX_DEPTH || nodes >= NODE_BUDGET) {
      size = schema.minItems() == null ? 0 : Math.min(schema.minItems(), size);
    }
    SchemaNode items = schema.items() == null ? SchemaNode.ANY : schema.items();
    List<JsonNode> enumValues = model.resolve(items).enumValues();
    for (int i = 0; i < size; i++) {
      JsonNode value = schema.uniqueItems() && i < enumValues.size() ? enumValues.get(i).deepCopy() : null;
      for (int attempt = 0; value == null || schema.uniqueItems() && contains(array, value) && attempt < 20;
          attempt++) {
        value = i == 0 || attempt > 0 ? generateFresh(items, hint, depth + 1, i + attempt)
            : generate(items, hint, depth + 1);
      }
      array.add(value);
    }
    return array;
  }

  /**
   * {@code existing} followed by fresh items of {@code items} until it has {@code size} items, all different; null
   * when no such items are found (an enum of fewer values, booleans). For a maxItems violation of a uniqueItems
   * array: repeating an item would break uniqueItems as well, and a server checking only that would pass the test.
   */
  ArrayNode distinctItems(SchemaNode items, ArrayNode existing, int size, String hint) {
    nodes = 0;
    ArrayNode array = existing.deepCopy();
    for (int i = array.size(); i < size; i++) {
      JsonNode value = null;
      for (int attempt = 0; attempt < 20 && (value == null || contains(array, value)); attempt++) {
        value = generateFresh(items, hint, 1, i + attempt);
      }
      if (contains(array, value)) {
        return null;
      }
      array.add(value);
    }
    return array;
  }

  /** Later items of an array: synthesized (not the example again), so uniqueItems can be met. */
  private JsonNode generateFresh(SchemaNode items, String hint, int depth, int index) {
    if (index == 0) {
      return generate(items, hint, depth);
    }
    SchemaNode resolved = merger.flatten(model.resolve(items));
    if (!resolved.enumValues().isEmpty()) {
      return resolved.enumValues().get(index % resolved.enumValues().size()).deepCopy();
    }
    SchemaNode withoutExample = merger.withoutExamples(resolved);
    return generate(withoutExample, hint + (index + 1), depth);
  }

  private static boolean contains(ArrayNode array, JsonNode value) {
    for (JsonNode element : array) {
      if (element.equals(value)) {
        return true;
      }
    }
    return false;
  }

  private JsonNode withoutReadOnly(SchemaNode schema, JsonNode example) {
    if (example instanceof ObjectNode object) {
      schema.properties().forEach((name, property) -> {
        SchemaNode resolved = model.resolve(property);
        if (forResponse ? resolved.writeOnly() : resolved.readOnly()) {
          object.remove(name);
        }
      });
    }
    return example;
  }

  private String string(SchemaNode schema, String hint) {
    String format = schema.format() == null ? "" : schema.format();
    if (schema.pattern() != null) {
      String value = patterns.matching(schema.pattern(), schema.minLength(), schema.maxLength(), random);
      if (value != null) {
        return value;
      }
    }
    int n = 1 + random.nextInt(99);
    String value = switch (format) {
      case "date" -> String.format(java.util.Locale.ROOT, "20%02d-%02d-%02d", 20 + random.nextInt(6), 1 + random.nextInt(12),
          1 + random.nextInt(28));
      case "date-time" -> String.format(java.util.Locale.ROOT, "20%02d-%02d-%02dT%02d:%02d:00Z", 20 + random.nextInt(6),
          1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(24), random.nextInt(60));
      case "time" -> String.format(java.util.Locale.ROOT, "%02d:%02d:00Z", random.nextInt(24), random.nextInt(60));
      case "duration" -> "PT" + n + "M";
      case "uuid" -> uuid();
      case "email", "idn-email" -> "user" + n + "@example.com";
      case "uri", "url", "iri" -> "https://example.com/" + slug(hint) + "/" + n;
      case "uri-reference", "iri-reference" -> "/" + slug(hint) + "/" + n;
      case "hostname", "idn-hostname" -> "host" + n + ".example.com";
      case "ipv4" -> "192.0.2." + n;
      case "ipv6" -> "2001:db8::" + Integer.toHexString(n);
      case "byte" -> Base64.getEncoder().encodeToString((slug(hint) + "-" + n).getBytes(StandardCharsets.UTF_8));
      case "password" -> "Secret-" + n + "-pass";
      default -> null;
    };
    if (value == null) {
      return fitLength(slug(hint), "-" + n, schema.minLength(), schema.maxLength());
    }
    return fitLength(value, schema.minLength(), schema.maxLength());
  }

  private String uuid() {
    long most = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
    long least = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
    return new UUID(most, least).toString();
  }

  /** {@code base + suffix} ("title-7"), shortening the base first so that a short maxLength keeps the number. */
  static String fitLength(String base, String suffix, Integer minLength, Integer maxLength) {
    if (maxLength != null && base.length() + suffix.length() > maxLength && maxLength > suffix.length()) {
      return fitLength(base.substring(0, maxLength - suffix.length()) + suffix, minLength, maxLength);
    }
    return fitLength(base + suffix, minLength, maxLength);
  }

  static String fitLength(String value, Integer minLength, Integer maxLength) {
    StringBuilder text = new StringBuilder(value);
    int min = minLength == null ? 0 : minLength;
    while (text.length() < min) {
      text.append('x');
    }
    if (maxLength != null && text.length() > maxLength) {
      text.setLength(Math.max(maxLength, 0));
    }
    return text.toString();
  }

  /**
   * The hint in lower case, each run of characters other than ASCII letters and digits one dash, none at either
   * end ("Display Name" gives "display-name"); "value" when nothing is left. A plain loop, not two regular
   * expressions: it runs for most synthesized strings (Microsoft Graph: a sixth of its planning).
   */
  static String slug(String hint) {
    StringBuilder slug = new StringBuilder(hint == null ? 0 : hint.length());
    boolean dash = false;
    for (int i = 0; hint != null && i < hint.length(); i++) {
      char c = hint.charAt(i);
      boolean lower = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
      boolean upper = c >= 'A' && c <= 'Z';
      if (!lower && !upper) {
        dash = true;
        continue;
      }
      if (dash && slug.length() > 0) {
        slug.append('-');
      }
      dash = false;
      slug.append(upper ? (char) (c + ('a' - 'A')) : c);
    }
    return slug.length() == 0 ? "value" : slug.toString();
  }

  /** Numbers inside bounds, respecting exclusivity and multipleOf. */
  static final class Numbers {
    private static final BigDecimal DEFAULT_SPAN = BigDecimal.valueOf(100);

    private Numbers() {}

    static BigInteger integerWithin(SchemaNode schema, Random random) {
      BigDecimal low = schema.minimum() == null ? null
          : schema.exclusiveMinimum() ? schema.minimum().setScale(0, RoundingMode.FLOOR).add(BigDecimal.ONE)
          : schema.minimum().setScale(0, RoundingMode.CEILING);
      BigDecimal high = schema.maximum() == null ? null
          : schema.exclusiveMaximum() ? schema.maximum().setScale(0, RoundingMode.CEILING).subtract(BigDecimal.ONE)
          : schema.maximum().setScale(0, RoundingMode.FLOOR);
      BigDecimal step = schema.multipleOf() == null || schema.multipleOf().signum() <= 0
          ? BigDecimal.ONE : schema.multipleOf();
      return pick(low, high, step, random, 0).toBigInteger();
    }

    static BigDecimal numberWithin(SchemaNode schema, Random random) {
      BigDecimal step = schema.multipleOf() == null || schema.multipleOf().signum() <= 0
          ? new BigDecimal("0.5") : schema.multipleOf();
      BigDecimal low = schema.minimum();
      BigDecimal high = schema.maximum();
      if (low != null && schema.exclusiveMinimum()) {
        low = nextMultiple(low, step);
        if (low.compareTo(schema.minimum()) == 0) {
          low = low.add(step);
        }
      }
      if (high != null && schema.exclusiveMaximum()) {
        BigDecimal below = previousMultiple(high, step);
        high = below.compareTo(high) == 0 ? below.subtract(step) : below;
      }
      BigDecimal value = pick(low, high, step, random, 1);
      return value.stripTrailingZeros().scale() < 0 ? value.setScale(0, RoundingMode.UNNECESSARY) : value.stripTrailingZeros();
    }

    /** A multiple of {@code step} in [low, high], near the low end (ids and counts are small in real life). */
    private static BigDecimal pick(BigDecimal low, BigDecimal high, BigDecimal step, Random random, int minimumFloor) {
      BigDecimal from = low != null ? low : high != null ? high.subtract(DEFAULT_SPAN).max(BigDecimal.valueOf(minimumFloor)).min(high) : BigDecimal.valueOf(minimumFloor);
      if (low == null && from.compareTo(BigDecimal.ONE) < 0 && (high == null || high.compareTo(BigDecimal.ONE) >= 0)) {
        from = BigDecimal.ONE;
      }
      BigDecimal to = high != null ? high : from.add(DEFAULT_SPAN);
      BigDecimal span = to.subtract(from).min(DEFAULT_SPAN);
      BigDecimal candidate = from.add(span.multiply(BigDecimal.valueOf(random.nextInt(1000))).divide(BigDecimal.valueOf(1000), 6, RoundingMode.FLOOR));
      BigDecimal snapped = nextMultiple(candidate, step);
      if (high != null && snapped.compareTo(high) > 0) {
        snapped = previousMultiple(high, step);
      }
      if (low != null && snapped.compareTo(low) < 0) {
        snapped = nextMultiple(low, step);
      }
      return snapped;
    }

    static BigDecimal nextMultiple(BigDecimal value, BigDecimal step) {
      return value.divide(step, 0, RoundingMode.CEILING).multiply(step);
    }

    static BigDecimal previousMultiple(BigDecimal value, BigDecimal step) {
      return value.divide(step, 0, RoundingMode.FLOOR).multiply(step);
    }
  }
}
