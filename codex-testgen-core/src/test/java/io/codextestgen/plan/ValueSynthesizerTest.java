package io.codextestgen.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.codextestgen.api.ApiModel;
import io.codextestgen.api.SchemaNode;
import io.codextestgen.testing.RandomTexts;
import io.codextestgen.testing.Specs;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Synthesized values satisfy each constraint, over many seeds (bounds are where generators go wrong). */
class ValueSynthesizerTest {

  private static final int SEEDS = 300;

  static ApiModel model;
  static List<String> warnings = new ArrayList<>();

  @BeforeAll
  static void readSchemas(@TempDir java.nio.file.Path dir) {
    model = Specs.modelWithSchemas(dir, """
        ExclusiveInt: { type: integer, minimum: 5, exclusiveMinimum: true, maximum: 7, exclusiveMaximum: true }
        SteppedInt: { type: integer, multipleOf: 7, minimum: 10, maximum: 30 }
        NegativeInt: { type: integer, maximum: -3 }
        Price: { type: number, minimum: 0, exclusiveMinimum: true, maximum: 10000, multipleOf: 0.01 }
        Quarter: { type: number, minimum: 0, exclusiveMinimum: true, maximum: 0.25, multipleOf: 0.25 }
        Fixed: { type: string, minLength: 8, maxLength: 8 }
        Short: { type: string, maxLength: 3 }
        OrderId: { type: string, pattern: '^ORD-[0-9]{6}$' }
        Phone: { type: string, pattern: '^\\+[1-9][0-9]{7,12}$', maxLength: 10 }
        Huge: { type: string, pattern: '^.{1,2097152}', maxLength: 2097152 }
        HugeMin: { type: string, pattern: '^[a-z]{30,5000}$' }
        Contradicted: { type: integer, minimum: 1, maximum: 9, example: 'abc', default: 'x' }
        Date: { type: string, format: date }
        DateTime: { type: string, format: date-time }
        Uuid: { type: string, format: uuid }
        Email: { type: string, format: email }
        Uri: { type: string, format: uri }
        Ipv4: { type: string, format: ipv4 }
        Ipv6: { type: string, format: ipv6 }
        Bytes: { type: string, format: byte }
        Tags: { type: array, minItems: 3, maxItems: 3, uniqueItems: true, items: { type: string, maxLength: 12 } }
        Colours: { type: array, minItems: 2, uniqueItems: true, items: { type: string, enum: [red, green, blue] } }
        WithEnum: { type: string, enum: [b, a] }
        WithDefault: { type: string, enum: [b, a], default: a }
        WithExample: { type: integer, default: 3, example: 42 }
        Nullable: { type: string, nullable: true }
        Account:
          type: object
          required: [id, owner]
          properties:
            id: { type: integer, readOnly: true }
            owner: { type: string }
            secret: { type: string, writeOnly: true }
            createdAt: { type: string, format: date-time, readOnly: true }
        Labels: { type: object, additionalProperties: { type: string, format: date } }
        Named: { type: object, required: [name], properties: { name: { type: string } } }
        Aged: { type: object, required: [age], properties: { age: { type: integer, minimum: 18, maximum: 18 } } }
        Person: { allOf: [ { $ref: '#/components/schemas/Named' }, { $ref: '#/components/schemas/Aged' } ] }
        Cat: { type: object, required: [petType, lives], properties: { petType: { type: string }, lives: { type: integer, minimum: 1, maximum: 9 } } }
        Dog: { type: object, required: [petType], properties: { petType: { type: string } } }
        Pet:
          oneOf: [ { $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' } ]
          discriminator: { propertyName: petType, mapping: { kitty: '#/components/schemas/Cat', doggo: '#/components/schemas/Dog' } }
        Contact: { anyOf: [ { $ref: '#/components/schemas/Named' }, { $ref: '#/components/schemas/Aged' } ] }
        Tree:
          type: object
          required: [label]
          properties:
            label: { type: string }
            parent: { $ref: '#/components/schemas/Tree' }
            children: { type: array, items: { $ref: '#/components/schemas/Tree' } }
        Loop:
          type: object
          required: [next]
          properties: { next: { $ref: '#/components/schemas/Loop' } }
        Animal: { type: object, required: [kind], properties: { kind: { type: string } }, discriminator: { propertyName: kind } }
        Lion: { allOf: [ { $ref: '#/components/schemas/Animal' }, { type: object, properties: { roars: { type: boolean } } } ] }
        Tiger: { allOf: [ { $ref: '#/components/schemas/Animal' }, { type: object, properties: { stripes: { type: integer } } } ] }
        Cage: { oneOf: [ { $ref: '#/components/schemas/Lion' }, { $ref: '#/components/schemas/Tiger' } ] }
        OffFormat: { type: string, format: duration, example: TBD, default: PT5M }
        OffDate: { type: string, format: date, example: '2025-10-15T13:52:01.596Z' }
        OffUuid: { type: string, format: uuid, example: 4f4e4e1-c824-4d63-b37a-d8d698862f1d }
        Stringified: { type: array, items: { type: object }, example: '[{"name": "Fluffy"}]' }
        Typo:
          type: object
          required: [name, orginator_email]
          properties: { name: { type: string } }
        TypoClosed:
          type: object
          required: [name, orginator_email]
          additionalProperties: false
          properties: { name: { type: string } }
        StringWithItems: { type: string, items: { type: integer } }
        AnyWithItems: { items: { type: integer } }
        Silence:
          type: object
          properties:
            startsAt: { type: string, format: date-time }
            endsAt: { type: string, format: date-time }
            validFrom: { type: string, format: date }
            validUntil: { type: string, format: date }
            notBefore: { type: string, format: date-time, example: '2030-01-01T00:00:00Z' }
            notAfter: { type: string, format: date-time }
            updatedAt: { type: string, format: date-time }
        """);
  }

  /** A discriminator the alternative inherits through allOf takes the alternative's schema name, as OpenAPI says. */
  @Test
  void anInheritedDiscriminatorNamesTheAlternative() {
    forEverySeed("Cage", value -> assertThat(value.get("kind").asText()).isEqualTo("Lion"));
  }

  @Test
  void datesThatLookLikeARangeMakeOneOpenNowAndForYears() {
    forEverySeed("Silence", value -> {
      assertThat(value.get("startsAt").asText()).isEqualTo(DateRanges.START_DATE_TIME);
      assertThat(value.get("endsAt").asText()).isEqualTo(DateRanges.END_DATE_TIME);
      assertThat(value.get("validFrom").asText()).isEqualTo(DateRanges.START_DATE);
      assertThat(value.get("validUntil").asText()).isEqualTo(DateRanges.END_DATE);
      // an example decides its own member; a member of no pair keeps a synthesized date
      assertThat(value.get("notBefore").asText()).isEqualTo("2030-01-01T00:00:00Z");
      assertThat(value.get("notAfter").asText()).isNotEqualTo(DateRanges.END_DATE_TIME);
      assertThat(OffsetDateTime.parse(value.get("updatedAt").asText())).isNotNull();
    });
  }

  @Test
  void rangeEndsArePairedByTheirWords() {
    assertThat(DateRanges.ends(List.of("from", "to", "total", "token"))).containsExactly(
        java.util.Map.entry("from", true), java.util.Map.entry("to", false));
    assertThat(DateRanges.ends(List.of("start_date", "end_date", "checkIn", "checkOut", "createdAt")))
        .containsOnlyKeys("start_date", "end_date", "checkIn", "checkOut");
    assertThat(DateRanges.ends(List.of("dateFrom", "timeTo", "startsAt"))).isEmpty();
  }

  private static JsonNode value(String schema, long seed) {
    Random random = new Random(seed);
    return new ValueSynthesizer(model, random, new PatternStrings(), new SchemaMerger(model), warnings::add)
        .valueFor(SchemaNode.reference(schema), schema.toLowerCase());
  }

  private static void forEverySeed(String schema, Consumer<JsonNode> check) {
    for (long seed = 0; seed < SEEDS; seed++) {
      JsonNode value = value(schema, seed);
      try {
        check.accept(value);
      } catch (AssertionError e) {
        throw new AssertionError(schema + " with seed " + seed + " gave " + value + ": " + e.getMessage(), e);
      }
    }
  }

  @Test
  void integersRespectExclusiveBoundsAndMultiples() {
    forEverySeed("ExclusiveInt", v -> assertThat(v.asInt()).isEqualTo(6));
    forEverySeed("SteppedInt", v -> assertThat(v.asInt()).isIn(14, 21, 28));
    forEverySeed("NegativeInt", v -> assertThat(v.isIntegralNumber() && v.asInt() <= -3).isTrue());
  }

  @Test
  void numbersRespectExclusiveBoundsAndMultiples() {
    forEverySeed("Price", v -> {
      BigDecimal price = v.decimalValue();
      assertThat(price).isGreaterThan(BigDecimal.ZERO).isLessThanOrEqualTo(new BigDecimal("10000"));
      assertThat(price.remainder(new BigDecimal("0.01")).signum()).isZero();
    });
    forEverySeed("Quarter", v -> assertThat(v.decimalValue()).isEqualByComparingTo("0.25"));
  }

  @Test
  void stringsRespectLengthsAndPatterns() {
    forEverySeed("Fixed", v -> assertThat(v.asText()).hasSize(8));
    forEverySeed("Short", v -> assertThat(v.asText().length()).isLessThanOrEqualTo(3));
    forEverySeed("OrderId", v -> assertThat(v.asText()).matches("ORD-[0-9]{6}"));
    forEverySeed("Phone", v -> assertThat(v.asText()).matches("\\+[1-9][0-9]{7,12}").hasSizeLessThanOrEqualTo(10));
    // a pattern allowing megabytes gives a short value, still matching it
    forEverySeed("Huge", v -> assertThat(v.asText()).hasSizeBetween(1, 24));
    forEverySeed("HugeMin", v -> assertThat(v.asText()).matches("[a-z]{30}"));
    // an example or default that contradicts its own schema is not sent: a correct server would reject it
    forEverySeed("Contradicted", v -> assertThat(v.isIntegralNumber() && v.asInt() >= 1 && v.asInt() <= 9).isTrue());
  }

  @Test
  void formatsParse() {
    forEverySeed("Date", v -> LocalDate.parse(v.asText()));
    forEverySeed("DateTime", v -> OffsetDateTime.parse(v.asText()));
    forEverySeed("Uuid", v -> assertThat(UUID.fromString(v.asText()).toString()).isEqualTo(v.asText()));
    forEverySeed("Email", v -> assertThat(v.asText()).matches("[a-z0-9.]+@[a-z0-9.-]+\\.[a-z]+"));
    forEverySeed("Uri", v -> assertThat(URI.create(v.asText()).isAbsolute()).isTrue());
    forEverySeed("Ipv4", v -> assertThat(v.asText()).matches("(\\d{1,3}\\.){3}\\d{1,3}"));
    forEverySeed("Ipv6", v -> assertThat(v.asText()).contains(":"));
    forEverySeed("Bytes", v -> Base64.getDecoder().decode(v.asText()));
  }

  @Test
  void arraysRespectSizesAndUniqueness() {
    forEverySeed("Tags", v -> {
      assertThat(v).hasSize(3);
      HashSet<JsonNode> distinct = new HashSet<>();
      v.forEach(distinct::add);
      assertThat(distinct).hasSize(3);
      v.forEach(item -> assertThat(item.asText().length()).isLessThanOrEqualTo(12));
    });
    forEverySeed("Colours", v -> assertThat(v.toString()).isEqualTo("[\"red\",\"green\"]"));
  }

  @Test
  void examplesComeFirstThenDefaultsThenEnums() {
    assertThat(value("WithExample", 1).asInt()).isEqualTo(42);
    assertThat(value("WithDefault", 1).asText()).isEqualTo("a");
    assertThat(value("WithEnum", 1).asText()).isEqualTo("b");
    forEverySeed("Nullable", v -> assertThat(v.isTextual()).isTrue());
  }

  /**
   * A spec's example or default that breaks its own schema (format, type) is not sent: a correct server would
   * refuse it. The next choice is taken, and the slip is reported once, at the example.
   */
  @Test
  void examplesThatBreakTheirSchemaAreNotSent() {
    warnings.clear();
    assertThat(value("OffFormat", 1).asText()).isEqualTo("PT5M");
    assertThat(LocalDate.parse(value("OffDate", 1).asText())).isNotNull();
    assertThat(UUID.fromString(value("OffUuid", 1).asText()).toString()).isEqualTo(value("OffUuid", 1).asText());
    assertThat(value("Stringified", 1).isArray()).isTrue();
    assertThat(warnings).anySatisfy(w -> assertThat(w)
        .startsWith("#/components/schemas/OffFormat/example breaks its own schema (format)"));
    assertThat(warnings).anySatisfy(w -> assertThat(w)
        .startsWith("#/components/schemas/Stringified/example breaks its own schema (type)"));
  }

  /** A required member the properties do not declare is still sent (JSON Schema wants it), and reported. */
  @Test
  void aRequiredMemberThePropertiesForgetIsSent() {
    warnings.clear();
    forEverySeed("Typo", v -> assertThat(v.get("orginator_email").isTextual()).isTrue());
    assertThat(warnings).anySatisfy(w -> assertThat(w).contains("#/components/schemas/Typo/required names"
        + " 'orginator_email', which its properties do not declare"));
    ValueSynthesizer closed = new ValueSynthesizer(model, new Random(1), new PatternStrings(),
        new SchemaMerger(model), warnings::add);
    closed.valueFor(SchemaNode.reference("TypoClosed"), "body");
    assertThat(closed.unsatisfiable()).contains("'orginator_email' is required, but additionalProperties is false");
  }

  /** The type a schema declares decides: items alone do not make it an array, nor an array of a string. */
  @Test
  void theDeclaredTypeDecidesNotItems() {
    forEverySeed("StringWithItems", v -> assertThat(v.isTextual()).isTrue());
    assertThat(model.resolve(SchemaNode.reference("AnyWithItems")).types()).isEmpty();
  }

  @Test
  void readOnlyPropertiesStayOutOfRequestsAndWriteOnlyOnesGoIn() {
    forEverySeed("Account", v -> {
      assertThat(v.has("id")).isFalse();
      assertThat(v.has("createdAt")).isFalse();
      assertThat(v.has("owner")).isTrue();
      assertThat(v.has("secret")).isTrue();
    });
  }

  @Test
  void additionalPropertiesGetAConformingEntry() {
    forEverySeed("Labels", v -> LocalDate.parse(v.get("key1").asText()));
  }

  @Test
  void compositionsMergeOrPickAnAlternative() {
    forEverySeed("Person", v -> {
      assertThat(v.has("name")).isTrue();
      assertThat(v.get("age").asInt()).isEqualTo(18);
    });
    forEverySeed("Pet", v -> {
      assertThat(v.get("petType").asText()).isEqualTo("kitty");
      assertThat(v.get("lives").asInt()).isBetween(1, 9);
    });
    forEverySeed("Contact", v -> assertThat(v.has("name")).isTrue());
  }

  @Test
  void recursiveSchemasTerminate() {
    forEverySeed("Tree", v -> {
      assertThat(v.has("label")).isTrue();
      assertThat(v.has("parent")).isFalse();
    });
    JsonNode loop = value("Loop", 0);
    int depth = 0;
    for (JsonNode node = loop; node != null && node.has("next"); node = node.get("next")) {
      depth++;
    }
    assertThat(depth).as("a required cycle is cut at a bounded depth").isBetween(1, 64);
  }

  @Test
  void theSameSeedGivesTheSameValue() {
    assertThat(value("Tags", 7)).isEqualTo(value("Tags", 7));
    assertThat(value("DateTime", 7)).isEqualTo(value("DateTime", 7));
  }

  @Test
  void slugsAgreeWithTheRegularExpressionsTheyReplace() {
    assertThat(ValueSynthesizer.slug("Display Name")).isEqualTo("display-name");
    assertThat(ValueSynthesizer.slug("--a__B--")).isEqualTo("a-b");
    assertThat(ValueSynthesizer.slug("\u00e9\u00e9")).isEqualTo("value");
    assertThat(ValueSynthesizer.slug(null)).isEqualTo("value");
    for (String text : RandomTexts.of("aZz09-_ /{}.A\u00e9\u00c9\u00df\u0301\u4e00\ud83d\ude00", 11, 20_000)) {
      String byRegex = text.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-+|-+$", "")
          .toLowerCase(java.util.Locale.ROOT);
      assertThat(ValueSynthesizer.slug(text)).as("%s", text).isEqualTo(byRegex.isEmpty() ? "value" : byRegex);
    }
  }
}
