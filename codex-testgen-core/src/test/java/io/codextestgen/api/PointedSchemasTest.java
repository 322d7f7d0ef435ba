package io.codextestgen.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.codextestgen.CodexTestgen;
import io.codextestgen.config.GeneratorConfig;
import io.codextestgen.render.RenderedFile;
import io.codextestgen.spec.SpecLoader;
import io.codextestgen.testing.Specs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real specs (21 of the public corpus) reference schemas by where they are written, not only by component name:
 * inline in an operation, or inside a component. Such a reference must lead to that schema, not to any value (nor to
 * an unrelated component that happens to share the last name of the pointer).
 */
class PointedSchemasTest {

  private static final String SPEC = """
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths:
        /register:
          post:
            responses:
              '201':
                description: registered
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        data:
                          type: object
                          properties:
                            agent:
                              type: object
                              required: [symbol]
                              properties:
                                symbol: { type: string, enum: [ZEPHYR] }
                                ship: { $ref: '#/paths/~1register/post/responses/201/content/application~1json/schema/properties/data/properties/agent' }
        /agents:
          post:
            requestBody:
              required: true
              content:
                application/json:
                  schema:
                    $ref: '#/paths/~1register/post/responses/201/content/application~1json/schema/properties/data/properties/agent'
            responses: { '204': { description: ok } }
        /pets/{id}:
          get:
            parameters:
              - { name: id, in: path, required: true, schema: { $ref: '#/components/schemas/Pet/properties/id' } }
            responses: { '204': { description: ok } }
      components:
        schemas:
          Pet:
            type: object
            properties:
              id: { type: integer, minimum: 1000, maximum: 1000 }
          agent: { type: string, enum: [WRONG-COMPONENT] }
      """;

  @TempDir Path dir;

  @Test
  void referencesIntoOperationsAndComponentsLeadToTheirSchema() {
    ApiModel model = ApiModelReader.read(new SpecLoader(List.of()).load(Specs.write(dir, SPEC)));
    Operation agents = operation(model, "/agents");
    SchemaNode body = model.resolve(agents.requestBody().orElseThrow().contents().get(0).schema());
    assertThat(body.required()).containsExactly("symbol");
    assertThat(body.pointer()).isEqualTo(
        "#/paths/~1register/post/responses/201/content/application~1json/schema/properties/data/properties/agent");
    assertThat(model.resolve(body.properties().get("symbol")).enumValues()).hasToString("[\"ZEPHYR\"]");
    assertThat(model.resolve(body.properties().get("ship"))).isSameAs(body); // a cycle stays a reference

    SchemaNode id = model.resolve(operation(model, "/pets/{id}").parameters().get(0).schema());
    assertThat(id.types()).containsExactly("integer");
    assertThat(id.minimum()).isEqualByComparingTo("1000");
  }

  @Test
  void theGeneratedTestsSendWhatThePointedSchemaSays() {
    List<RenderedFile> files = CodexTestgen.render(GeneratorConfig.builder(Specs.write(dir, SPEC),
        dir.resolve("out")).build()).files();
    String all = String.join("\n", files.stream().map(RenderedFile::content).toList());
    assertThat(all).contains("\"symbol\": \"ZEPHYR\"").doesNotContain("WRONG-COMPONENT");
    assertThat(all).containsAnyOf(".pathParam(\"id\", \"1000\")", "Request(), \"1000\")");
  }

  private static Operation operation(ApiModel model, String path) {
    return model.operations().stream().filter(op -> op.path().equals(path)).findFirst().orElseThrow();
  }
}
