package io.codextestgen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.codextestgen.config.GeneratorConfig;
import io.codextestgen.plan.CaseRow;
import io.codextestgen.plan.TestCasePlan;
import io.codextestgen.render.RenderedFile;
import io.codextestgen.testing.GeneratedSuite;
import io.codextestgen.testing.Specs;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A maxItems violation of large items is written as {@code lengthened(body, at, size)} instead of hundreds of
 * copies in a literal, and that call makes exactly the array the plan decided; a short one stays a literal.
 */
class LengthenedRowsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void aLongMaxItemsRowIsTheCallThatMakesThePlannedArray() throws Exception {
    Path spec = Specs.write(dir, """
        openapi: 3.0.3
        info: { title: orders, version: '1' }
        paths:
          /orders:
            post:
              operationId: createOrder
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [lines, tags]
                      properties:
                        lines:
                          type: array
                          maxItems: 40
                          items:
                            type: object
                            required: [sku, quantity, note]
                            properties:
                              sku: { type: string, example: SKU-12345 }
                              quantity: { type: integer, minimum: 1, example: 2 }
                              note: { type: string, example: leave at the door }
                        tags: { type: array, maxItems: 2, items: { type: string, example: gift } }
                        extras:
                          type: array
                          maxItems: 30
                          items: { type: object, required: [sku], properties: { sku: { type: string, example: X-1 } } }
              responses:
                '201': { description: created }
                '400': { description: rejected }
        """);
    CodexTestgen.Generated generated = CodexTestgen.render(GeneratorConfig.builder(spec, dir.resolve("out"))
        .basePackage("orders").build());
    TestCasePlan invalidBody = generated.plan().classes().get(0).cases().stream()
        .filter(c -> c.methodName().equals("createOrder_invalidBody_rejected")).findFirst().orElseThrow();
    CaseRow lines = row(invalidBody, "more than 40 items in 'lines'");
    CaseRow tags = row(invalidBody, "more than 2 items in 'tags'");
    String source = generated.files().stream().filter(f -> f.relativePath().endsWith("OrdersApiIT.java"))
        .map(RenderedFile::content).findFirst().orElseThrow();

    assertThat(lines.lengthenedTo()).isEqualTo(41);
    assertThat(source).contains("lengthened(CREATE_ORDER_BODY, \"/lines\", 41)")
        .doesNotContain("leave at the door\\\"},{");
    assertThat(source).contains("\n                        \"/tags\", \"[\\\"gift\\\",\\\"gift\\\",\\\"gift\\\"]\")");
    // an optional array the valid body leaves out cannot be lengthened from it: the row is the literal
    CaseRow extras = row(invalidBody, "more than 30 items in 'extras'");
    assertThat(JSON.readTree(invalidBody.request().body().text()).has("extras")).isFalse();
    assertThat(extras.lengthenedTo()).isNull();
    assertThat(JSON.readTree(extras.value()).size()).isEqualTo(31);
    assertThat(source).doesNotContain("\"/extras\", 31)");

    try (GeneratedSuite suite = GeneratedSuite.compile(generated.files(), dir.resolve("build"))) {
      Method lengthened = suite.loadClass("orders.SuiteSupport")
          .getMethod("lengthened", String.class, String.class, int.class);
      String made = (String) lengthened.invoke(null, invalidBody.request().body().text(), lines.target(),
          lines.lengthenedTo());

      assertThat(JSON.readTree(made)).isEqualTo(JSON.readTree(lines.value()));
      assertThat(JSON.readTree(made).size()).isEqualTo(41);
    }
  }

  @Test
  void aSuiteWithoutSuchRowsHasNoSuchHelper() {
    Path spec = Specs.write(dir, """
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /tags:
            post:
              requestBody:
                content:
                  application/json:
                    schema: { type: array, maxItems: 2, items: { type: string } }
              responses: { '201': { description: created } }
        """);
    List<RenderedFile> files = CodexTestgen.render(GeneratorConfig.builder(spec, dir.resolve("out")).build()).files();

    assertThat(files).filteredOn(f -> f.relativePath().endsWith("ApiIT.java"))
        .noneMatch(f -> f.content().contains("lengthened("));
  }

  private static CaseRow row(TestCasePlan testCase, String violation) {
    return testCase.rows().stream().filter(r -> r.violation().equals(violation)).findFirst()
        .orElseThrow(() -> new AssertionError("no row '" + violation + "' among " + testCase.rows()));
  }
}
