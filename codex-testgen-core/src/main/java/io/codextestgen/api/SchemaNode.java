package io.codextestgen.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSON schema as far as test generation needs it. A node is either a reference ({@code ref} names a schema of
 * {@link ApiModel#schemas()}, everything else empty) or content. References keep recursive schemas finite.
 *
 * <p>{@code types} holds JSON types ("string", "integer", "number", "boolean", "object", "array", "null"); empty
 * means any. {@code additionalProperties} is null when any extra property is allowed, {@link #FORBIDDEN} when
 * none is.
 */
public record SchemaNode(
    String ref,
    Set<String> types,
    String format,
    String pattern,
    Integer minLength,
    Integer maxLength,
    BigDecimal minimum,
    boolean exclusiveMinimum,
    BigDecimal maximum,
    boolean exclusiveMaximum,
    BigDecimal multipleOf,
    SchemaNode items,
    Integer minItems,
    Integer maxItems,
    boolean uniqueItems,
    Map<String, SchemaNode> properties,
    List<String> required,
    SchemaNode additionalProperties,
    List<JsonNode> enumValues,
    JsonNode defaultValue,
    JsonNode example,
    boolean nullable,
    boolean readOnly,
    boolean writeOnly,
    List<SchemaNode> allOf,
    List<SchemaNode> oneOf,
    List<SchemaNode> anyOf,
    String discriminatorProperty,
    Map<String, String> discriminatorMapping,
    String pointer) {

  private static final Class<?> FROZEN_MAPPING =
      java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<String, String>()).getClass();

  /** No constraint at all. */
  public static final SchemaNode ANY = builder().build();

  /** The {@code additionalProperties} value of a schema that forbids extra properties. */
  public static final SchemaNode FORBIDDEN = builder().pointer("additionalProperties: false").build();

  public SchemaNode {
    // Large specs have hundreds of thousands of nodes, most with no properties and one type: no copy for those.
    types = types.isEmpty() ? java.util.Collections.emptySet()
        : types.size() == 1 ? java.util.Collections.singleton(types.iterator().next())
        : java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(types));
    properties = properties.isEmpty() ? java.util.Collections.emptyMap()
        : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
    required = List.copyOf(required);
    enumValues = List.copyOf(enumValues);
    allOf = List.copyOf(allOf);
    oneOf = List.copyOf(oneOf);
    anyOf = List.copyOf(anyOf);
    // Merged schemas pass their parts' mapping on, and Microsoft Graph's base type maps about a thousand subtypes:
    // a mapping this constructor already made (sorted, read-only) is kept rather than copied again.
    discriminatorMapping = discriminatorMapping.isEmpty() ? java.util.Collections.emptyMap()
        : discriminatorMapping.getClass() == FROZEN_MAPPING
            && ((java.util.SortedMap<String, String>) discriminatorMapping).comparator() == null ? discriminatorMapping
        : java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(discriminatorMapping));
  }

  public static SchemaNode reference(String name) {
    return builder().ref(name).pointer(name.startsWith("#/") ? name : "#/components/schemas/" + name).build();
  }

  public boolean hasType(String type) {
    return types.contains(type);
  }

  public boolean isReference() {
    return ref != null;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for the many optional parts of a schema. */
  public static final class Builder {
    private String ref;
    private Set<String> types = Set.of();
    private String format;
    private String pattern;
    private Integer minLength;
    private Integer maxLength;
    private BigDecimal minimum;
    private boolean exclusiveMinimum;
    private BigDecimal maximum;
    private boolean exclusiveMaximum;
    private BigDecimal multipleOf;
    private SchemaNode items;
    private Integer minItems;
    private Integer maxItems;
    private boolean uniqueItems;
    private Map<String, SchemaNode> properties = Map.of();
    private List<String> required = List.of();
    private SchemaNode additionalProperties;
    private List<JsonNode> enumValues = List.of();
    private JsonNode defaultValue;
    private JsonNode example;
    private boolean nullable;
    private boolean readOnly;
    private boolean writeOnly;
    private List<SchemaNode> allOf = List.of();
    private List<SchemaNode> oneOf = List.of();
    private List<SchemaNode> anyOf = List.of();
    private String discriminatorProperty;
    private Map<String, String> discriminatorMapping = Map.of();
    private String pointer;

    public Builder ref(String v) { ref = v; return this; }
    public Builder types(Set<String> v) { types = v; return this; }
    public Builder format(String v) { format = v; return this; }
    public Builder pattern(String v) { pattern = v; return this; }
    public Builder minLength(Integer v) { minLength = v; return this; }
    public Builder maxLength(Integer v) { maxLength = v; return this; }
    public Builder minimum(BigDecimal v) { minimum = v; return this; }
    public Builder exclusiveMinimum(boolean v) { exclusiveMinimum = v; return this; }
    public Builder maximum(BigDecimal v) { maximum = v; return this; }
    public Builder exclusiveMaximum(boolean v) { exclusiveMaximum = v; return this; }
    public Builder multipleOf(BigDecimal v) { multipleOf = v; return this; }
    public Builder items(SchemaNode v) { items = v; return this; }
    public Builder minItems(Integer v) { minItems = v; return this; }
    public Builder maxItems(Integer v) { maxItems = v; return this; }
    public Builder uniqueItems(boolean v) { uniqueItems = v; return this; }
    public Builder properties(Map<String, SchemaNode> v) { properties = v; return this; }
    public Builder required(List<String> v) { required = v; return this; }
    public Builder additionalProperties(SchemaNode v) { additionalProperties = v; return this; }
    public Builder enumValues(List<JsonNode> v) { enumValues = v; return this; }
    public Builder defaultValue(JsonNode v) { defaultValue = v; return this; }
    public Builder example(JsonNode v) { example = v; return this; }
    public Builder nullable(boolean v) { nullable = v; return this; }
    public Builder readOnly(boolean v) { readOnly = v; return this; }
    public Builder writeOnly(boolean v) { writeOnly = v; return this; }
    public Builder allOf(List<SchemaNode> v) { allOf = v; return this; }
    public Builder oneOf(List<SchemaNode> v) { oneOf = v; return this; }
    public Builder anyOf(List<SchemaNode> v) { anyOf = v; return this; }
    public Builder discriminatorProperty(String v) { discriminatorProperty = v; return this; }
    public Builder discriminatorMapping(Map<String, String> v) { discriminatorMapping = v; return this; }
    public Builder pointer(String v) { pointer = v; return this; }

    public SchemaNode build() {
      return new SchemaNode(ref, types, format, pattern, minLength, maxLength, minimum, exclusiveMinimum, maximum,
          exclusiveMaximum, multipleOf, items, minItems, maxItems, uniqueItems, properties, required,
          additionalProperties, enumValues, defaultValue, example, nullable, readOnly, writeOnly, allOf, oneOf,
          anyOf, discriminatorProperty, discriminatorMapping, pointer);
    }
  }
}
