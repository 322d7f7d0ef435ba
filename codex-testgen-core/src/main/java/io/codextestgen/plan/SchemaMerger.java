package io.codextestgen.plan;

import io.codextestgen.api.ApiModel;
import io.codextestgen.api.SchemaNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Folds {@code allOf} into one schema and picks {@code oneOf}/{@code anyOf} alternatives, for value synthesis. */
final class SchemaMerger {

  /** allOf parts deeper than this stay as they are: a cycle of allOf references ends here. */
  private static final int MAX_ALL_OF_DEPTH = 16;

  private final ApiModel model;
  /**
   * Flattened schemas by node identity (nodes are immutable) and by the depth they were flattened at (the depth
   * cap keeps allOf cycles finite, so a result belongs to its depth): specs like Microsoft Graph's derive every
   * type through long allOf chains of hundreds of properties, and values visit the same types and the same
   * ancestors over and over.
   */
  private final Map<SchemaNode, SchemaNode[]> flattened = new IdentityHashMap<>();
  /** A flattened part without its example and default, by the identity of the flattened part. */
  private final Map<SchemaNode, SchemaNode> examplesRemoved = new IdentityHashMap<>();
  private final Map<SchemaNode, Map<SchemaNode, SchemaNode>> withAlternative = new IdentityHashMap<>();

  /** {@link #refsWithin} by node identity: asked for every property of every synthesized object. */
  private final Map<SchemaNode, Set<String>> refsWithin = new IdentityHashMap<>();

  SchemaMerger(ApiModel model) {
    this.model = model;
  }

  /** The schema with every allOf part (recursively) merged in; its own example is kept, the parts' are not. */
  SchemaNode flatten(SchemaNode schema) {
    return flatten(schema, 0);
  }

  private SchemaNode flatten(SchemaNode schema, int depth) {
    if (schema.allOf().isEmpty() || depth > MAX_ALL_OF_DEPTH) {
      return schema;
    }
    SchemaNode[] byDepth = flattened.computeIfAbsent(schema, s -> new SchemaNode[MAX_ALL_OF_DEPTH + 1]);
    if (byDepth[depth] == null) {
      SchemaNode merged = withoutAllOf(schema);
      for (SchemaNode part : schema.allOf()) {
        SchemaNode flatPart = flatten(model.resolve(part), depth + 1);
        merged = merge(merged, examplesRemoved.computeIfAbsent(flatPart, this::withoutExamples));
      }
      byDepth[depth] = merged;
    }
    return byDepth[depth];
  }

  /**
   * The references a schema leads to through items and composition (not properties), at most eight steps deep:
   * what value synthesis checks to see a cycle. Memoized: Microsoft Graph's properties list up to a thousand
   * alternatives.
   */
  Set<String> refsWithin(SchemaNode schema) {
    Set<String> known = refsWithin.get(schema);
    if (known == null) {
      Set<String> refs = new java.util.HashSet<>();
      collectRefs(schema, 0, refs);
      known = refs.isEmpty() ? Set.of() : refs;
      refsWithin.put(schema, known);
    }
    return known;
  }

  private static void collectRefs(SchemaNode schema, int hops, Set<String> refs) {
    if (schema == null || hops > 8) {
      return;
    }
    if (schema.isReference()) {
      refs.add(schema.ref());
      return;
    }
    collectRefs(schema.items(), hops + 1, refs);
    for (List<SchemaNode> parts : List.of(schema.allOf(), schema.oneOf(), schema.anyOf())) {
      for (SchemaNode part : parts) {
        collectRefs(part, hops + 1, refs);
      }
    }
  }

  /**
   * Why no value satisfies {@code schema}'s allOf, its parts asking for types no value has at once ({@code string}
   * and {@code integer}); null when they agree (an integer is a number).
   */
  String contradiction(SchemaNode schema) {
    if (schema.allOf().isEmpty()) {
      return null;
    }
    Set<String> allowed = schema.types().isEmpty() ? null : widened(schema.types());
    for (SchemaNode part : schema.allOf()) {
      SchemaNode flat = flatten(model.resolve(part));
      if (flat.types().isEmpty()) {
        continue;
      }
      Set<String> types = widened(flat.types());
      if (allowed != null) {
        Set<String> both = new TreeSet<>(allowed);
        both.retainAll(types);
        if (both.isEmpty()) {
          return "its allOf asks for a value of type " + String.join(" or ", allowed) + " and of type "
              + String.join(" or ", flat.types()) + " at once";
        }
        types = both;
      }
      allowed = types;
    }
    return null;
  }

  private static Set<String> widened(java.util.Collection<String> types) {
    Set<String> widened = new TreeSet<>(types);
    if (widened.contains("number")) {
      widened.add("integer");
    }
    return widened;
  }

  /** The first oneOf alternative, else the first anyOf alternative, else null. */
  SchemaNode firstAlternative(SchemaNode schema) {
    if (!schema.oneOf().isEmpty()) {
      return schema.oneOf().get(0);
    }
    return schema.anyOf().isEmpty() ? null : schema.anyOf().get(0);
  }

  /** {@code parent} without its alternatives, merged with {@code alternative}; memoized like {@link #flatten}. */
  SchemaNode withAlternative(SchemaNode parent, SchemaNode alternative) {
    return withAlternative.computeIfAbsent(parent, p -> new IdentityHashMap<>())
        .computeIfAbsent(alternative, a -> merge(withoutAlternatives(parent), a));
  }

  SchemaNode withoutAlternatives(SchemaNode schema) {
    return copy(schema).oneOf(List.of()).anyOf(List.of()).discriminatorProperty(null).build();
  }

  SchemaNode withoutExamples(SchemaNode schema) {
    return copy(schema).example(null).defaultValue(null).build();
  }

  private SchemaNode withoutAllOf(SchemaNode schema) {
    return copy(schema).allOf(List.of()).build();
  }

  /** Both schemas at once: the stricter bound of each constraint, the union of properties and required names. */
  SchemaNode merge(SchemaNode a, SchemaNode rawB) {
    SchemaNode b = flatten(model.resolve(rawB));
    Set<String> types = new TreeSet<>();
    if (a.types().isEmpty() || b.types().isEmpty()) {
      types.addAll(a.types());
      types.addAll(b.types());
    } else {
      types.addAll(a.types());
      types.retainAll(b.types());
      if (types.isEmpty()) {
        types.addAll(a.types());
      }
    }
    Map<String, SchemaNode> properties = new LinkedHashMap<>(a.properties());
    b.properties().forEach(properties::putIfAbsent);
    Set<String> required = new LinkedHashSet<>(a.required());
    required.addAll(b.required());
    List<SchemaNode> oneOf = new ArrayList<>(a.oneOf().isEmpty() ? b.oneOf() : a.oneOf());
    List<SchemaNode> anyOf = new ArrayList<>(a.anyOf().isEmpty() ? b.anyOf() : a.anyOf());
    return copy(a)
        .types(types)
        .format(first(a.format(), b.format()))
        .pattern(first(a.pattern(), b.pattern()))
        .minLength(maxOf(a.minLength(), b.minLength()))
        .maxLength(minOf(a.maxLength(), b.maxLength()))
        .minimum(maxOf(a.minimum(), b.minimum()))
        .exclusiveMinimum(a.exclusiveMinimum() || b.exclusiveMinimum())
        .maximum(minOf(a.maximum(), b.maximum()))
        .exclusiveMaximum(a.exclusiveMaximum() || b.exclusiveMaximum())
        .multipleOf(first(a.multipleOf(), b.multipleOf()))
        .items(first(a.items(), b.items()))
        .minItems(maxOf(a.minItems(), b.minItems()))
        .maxItems(minOf(a.maxItems(), b.maxItems()))
        .uniqueItems(a.uniqueItems() || b.uniqueItems())
        .properties(properties)
        .required(new ArrayList<>(required))
        .additionalProperties(first(a.additionalProperties(), b.additionalProperties()))
        .enumValues(a.enumValues().isEmpty() ? b.enumValues() : a.enumValues())
        .example(a.example())
        .defaultValue(first(a.defaultValue(), b.defaultValue()))
        .nullable(a.nullable() && b.nullable())
        .readOnly(a.readOnly() || b.readOnly())
        .writeOnly(a.writeOnly() || b.writeOnly())
        .oneOf(oneOf)
        .anyOf(anyOf)
        .discriminatorProperty(first(a.discriminatorProperty(), b.discriminatorProperty()))
        .discriminatorMapping(a.discriminatorMapping().isEmpty() ? b.discriminatorMapping() : a.discriminatorMapping())
        .build();
  }

  static SchemaNode.Builder copy(SchemaNode s) {
    return SchemaNode.builder().ref(s.ref()).types(s.types()).format(s.format()).pattern(s.pattern())
        .minLength(s.minLength()).maxLength(s.maxLength()).minimum(s.minimum())
        .exclusiveMinimum(s.exclusiveMinimum()).maximum(s.maximum()).exclusiveMaximum(s.exclusiveMaximum())
        .multipleOf(s.multipleOf()).items(s.items()).minItems(s.minItems()).maxItems(s.maxItems())
        .uniqueItems(s.uniqueItems()).properties(s.properties()).required(s.required())
        .additionalProperties(s.additionalProperties()).enumValues(s.enumValues()).defaultValue(s.defaultValue())
        .example(s.example()).nullable(s.nullable()).readOnly(s.readOnly()).writeOnly(s.writeOnly())
        .allOf(s.allOf()).oneOf(s.oneOf()).anyOf(s.anyOf()).discriminatorProperty(s.discriminatorProperty())
        .discriminatorMapping(s.discriminatorMapping()).pointer(s.pointer());
  }

  private static <T> T first(T a, T b) {
    return a != null ? a : b;
  }

  private static Integer maxOf(Integer a, Integer b) {
    return a == null ? b : b == null ? a : Integer.valueOf(Math.max(a, b));
  }

  private static Integer minOf(Integer a, Integer b) {
    return a == null ? b : b == null ? a : Integer.valueOf(Math.min(a, b));
  }

  private static BigDecimal maxOf(BigDecimal a, BigDecimal b) {
    return a == null ? b : b == null ? a : a.max(b);
  }

  private static BigDecimal minOf(BigDecimal a, BigDecimal b) {
    return a == null ? b : b == null ? a : a.min(b);
  }
}
