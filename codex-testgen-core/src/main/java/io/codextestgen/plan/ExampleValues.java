package io.codextestgen.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.codextestgen.api.ApiModel;
import io.codextestgen.api.SchemaNode;
import java.util.Random;

/**
 * Values that satisfy a schema, as a server would answer them (readOnly properties in, writeOnly ones out). For
 * fakes and stubs that answer a spec: the same synthesis the generated requests use, seeded the same way.
 */
public final class ExampleValues {

  private ExampleValues() {}

  public static JsonNode response(ApiModel model, SchemaNode schema, long seed) {
    return new ValueSynthesizer(model, new Random(seed), new PatternStrings(), new SchemaMerger(model),
        message -> { }, true)
        .valueFor(schema, "value");
  }
}
