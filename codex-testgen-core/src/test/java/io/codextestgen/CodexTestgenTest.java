package io.codextestgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.codextestgen.config.GeneratorConfig;
import io.codextestgen.diag.GenerationException;
import io.codextestgen.render.RenderedFile;
import io.codextestgen.testing.Specs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade end to end on small inline specs: inputs, policies, and what happens on bad input. */
class CodexTestgenTest {

  @TempDir Path dir;

  private static final String SPEC = """
      openapi: 3.0.3
      info: { title: t, version: '1' }
      servers: [ { url: 'https://api.example.invalid/v1' } ]
      paths:
        /things:
          get:
            operationId: listThings
            responses: { '200': { description: ok } }
        /things/{id}:
          delete:
            operationId: deleteThing
            parameters: [ { name: id, in: path, required: true, schema: { type: integer } } ]
            responses: { '204': { description: gone } }
        /digest:
          get:
            operationId: digestOnly
            security: [ { digest: [] } ]
            responses: { '200': { description: ok } }
        /xml:
          post:
            operationId: xmlOnly
            requestBody:
              required: true
              content: { application/xml: { schema: { type: object } } }
            responses: { '200': { description: ok } }
      components:
        securitySchemes:
          digest: { type: http, scheme: digest }
      """;

  private CodexTestgen.Generated render(String yaml, java.util.function.UnaryOperator<GeneratorConfig.Builder> tune) {
    Path spec = Specs.write(dir, yaml);
    return CodexTestgen.render(tune.apply(GeneratorConfig.builder(spec, dir.resolve("out"))).build());
  }

  private static String allSources(CodexTestgen.Generated generated) {
    return generated.files().stream().map(RenderedFile::content).collect(Collectors.joining("\n"));
  }

  @Test
  void jsonSpecsAreReadLikeYaml() throws IOException {
    Path spec = dir.resolve("openapi.json");
    Files.writeString(spec, """
        {"openapi": "3.0.3", "info": {"title": "t", "version": "1"},
         "paths": {"/ping": {"get": {"operationId": "ping", "responses": {"204": {"description": "ok"}}}}}}
        """, StandardCharsets.UTF_8);

    CodexTestgen.Generated generated = CodexTestgen.render(GeneratorConfig.builder(spec, dir).build());

    assertThat(allSources(generated)).contains("void ping_valid()").contains(".statusCode(204)");
  }

  /**
   * A valid test for a body no value satisfies could never pass against a correct server: the operation gets no
   * tests, and the report says why. An optional member that contradicts itself is only left out.
   */
  @Test
  void bodiesNoValueSatisfiesGetNoTestsAndTheReportSaysWhy() throws IOException {
    Path spec = dir.resolve("openapi.yaml");
    Files.writeString(spec, """
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /trees:
            post:
              operationId: plantTree
              requestBody:
                required: true
                content: { application/json: { schema: { $ref: '#/components/schemas/Tree' } } }
              responses: { '201': { description: planted } }
          /numbers:
            post:
              operationId: addNumber
              requestBody:
                required: true
                content: { application/json: { schema: { allOf: [ { type: string }, { type: integer } ] } } }
              responses: { '201': { description: added } }
          /things:
            post:
              operationId: addThing
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [name]
                      properties:
                        name: { type: string }
                        odd: { allOf: [ { type: string }, { type: integer } ] }
              responses: { '201': { description: added } }
        components:
          schemas:
            Tree:
              type: object
              required: [id, parent]
              properties:
                id: { type: string }
                parent: { $ref: '#/components/schemas/Tree' }
        """, StandardCharsets.UTF_8);

    CodexTestgen.Generated generated = CodexTestgen.render(GeneratorConfig.builder(spec, dir).build());

    assertThat(generated.plan().skipped()).extracting(s -> s.operationId() + ": " + s.reason())
        .containsExactlyInAnyOrder(
            "plantTree: no request body satisfies its schema (#/components/schemas/Tree/required: 'parent' requires"
                + " the schema it is in, again and again: no finite value satisfies it): a valid test could never"
                + " pass, so the operation gets none; fix the spec",
            "addNumber: no request body satisfies its schema (#/paths/~1numbers/post/requestBody/content/"
                + "application~1json/schema: its allOf asks for a value of type string and of type integer at once):"
                + " a valid test could never pass, so the operation gets none; fix the spec");
    assertThat(allSources(generated)).contains("addThing_valid").doesNotContain("\"odd\"");
  }

  @Test
  void operationsWithoutATestAreListedWithTheReason() {
    CodexTestgen.Generated generated = render(SPEC, b -> b);

    assertThat(generated.plan().skipped()).extracting(s -> s.operationId() + ": " + s.reason())
        .containsExactly(
            "digestOnly: no security alternative uses only supported schemes (apiKey, http basic/bearer, oauth2,"
                + " openIdConnect)",
            "deleteThing: DELETE is destructive: set includeDestructive to generate its tests",
            "xmlOnly: its request body is required but no media type can be sent (supported: JSON, form,"
                + " simple multipart, text)");
    assertThat(allSources(generated)).contains("listThings_valid").doesNotContain("deleteThing");
  }

  @Test
  void destructiveTestsAreOptIn() {
    assertThat(allSources(render(SPEC, b -> b.includeDestructive(true)))).contains("void deleteThing_valid()")
        .contains(".delete(\"/things/{id}\")");
  }

  @Test
  void theSpecServerIsNeverInTheOutputUnlessAllowed() {
    assertThat(allSources(render(SPEC, b -> b))).doesNotContain("api.example.invalid");
    assertThat(allSources(render(SPEC, b -> b.useSpecServers(true))))
        .contains("return value != null ? value : \"https://api.example.invalid/v1\";");
  }

  @Test
  void serverVariablesTakeTheirDefaults() {
    String servers = "servers: [ { url: 'https://{env}.example.invalid:{port}/{base}', variables: {"
        + " env: { default: api, enum: [api, staging] }, port: { default: '8443' }, base: { default: v2 } } } ]";
    CodexTestgen.Generated generated = render(SPEC.replace("servers: [ { url: 'https://api.example.invalid/v1' } ]",
        servers), b -> b.useSpecServers(true));

    assertThat(allSources(generated)).contains(": \"https://api.example.invalid:8443/v2\";");
    assertThat(generated.diagnostics()).noneSatisfy(d -> assertThat(d.message()).contains("useSpecServers"));
  }

  @Test
  void aServerUrlThatIsNoUrlIsNotUsedAndItsWarningStaysOnOneLine() {
    CodexTestgen.Generated generated = render(SPEC.replace("'https://api.example.invalid/v1'",
        "\"https://api.example.invalid/a b\\nforged\""), b -> b.useSpecServers(true));

    assertThat(allSources(generated)).doesNotContain("example.invalid");
    assertThat(generated.diagnostics()).anySatisfy(d -> assertThat(d.toString())
        .contains("#/servers/0/url", "'https://api.example.invalid/a b\\u000aforged' is not an absolute http(s) URL")
        .doesNotContain("\n"));
  }

  @Test
  void aServerUrlWithVariablesIsNotUsedAndSaysWhy() {
    CodexTestgen.Generated generated = render(SPEC.replace("https://api.example.invalid/v1", "https://{env}.example.invalid"),
        b -> b.useSpecServers(true));

    assertThat(allSources(generated)).doesNotContain("example.invalid");
    assertThat(generated.diagnostics()).anySatisfy(d -> assertThat(d.message()).contains("useSpecServers"));
  }

  @Test
  void aBrokenSpecLeavesPreviousOutputUntouched() throws IOException {
    Path out = dir.resolve("out");
    GeneratorConfig good = GeneratorConfig.builder(Specs.write(dir, SPEC), out).build();
    CodexTestgen.generate(good);
    String before = Files.readString(out.resolve("apitests/ThingsApiIT.java"));
    Specs.write(dir, SPEC.replace("operationId: listThings", "operationId: [broken"));

    GenerationException e = catchThrowableOfType(GenerationException.class, () -> CodexTestgen.generate(good));

    assertThat(e.getMessage()).contains("syntax error");
    assertThat(Files.readString(out.resolve("apitests/ThingsApiIT.java"))).isEqualTo(before);
  }

  @Test
  void aDiscriminatorThatContradictsItsAlternativesIsReported() throws IOException {
    CodexTestgen.Generated generated = CodexTestgen.render(GoldenFilesTest.configFor("bookshop-oas30", dir));

    assertThat(generated.diagnostics()).anySatisfy(d -> assertThat(d.message())
        .startsWith("discriminator 'kind' at #/components/schemas/Order/properties/payment has no mapping")
        .contains("Card.kind only allows [\"card\"]").contains("add a discriminator mapping"));
  }

  @Test
  void familiesSelectionDeprecationAndOverridesShapeTheSuite() {
    String spec = SPEC.replace("      operationId: listThings\n      responses: { '200': { description: ok } }\n",
        "      operationId: listThings\n"
            + "      tags: [things]\n"
            + "      parameters: [ { name: q, in: query, schema: { type: string, maxLength: 3 } } ]\n"
            + "      responses: { '200': { description: ok }, '400': { description: bad } }\n"
            + "    post:\n"
            + "      operationId: oldCreate\n"
            + "      deprecated: true\n"
            + "      responses: { '201': { description: created } }\n");
    assertThat(spec).contains("oldCreate");

    CodexTestgen.Generated onlyMalformed = render(spec, b -> b.families(java.util.Set.of(io.codextestgen.config.Family.MALFORMED))
        .malformedStatuses(java.util.Map.of("listThings", java.util.List.of(422))));
    assertThat(allSources(onlyMalformed)).contains("listThings_invalidParameter_rejected")
        .doesNotContain("listThings_valid").contains(".statusCode(rejectedAs(\"listThings\", 422))");
    assertThat(onlyMalformed.plan().skipped()).extracting(s -> s.operationId() + ": " + s.reason())
        .contains("oldCreate: deprecated: set includeDeprecated to generate its tests");

    CodexTestgen.Generated excluded = render(spec, b -> b.includeDeprecated(true)
        .selection(new io.codextestgen.config.Selection(java.util.List.of(), java.util.List.of("things"),
            java.util.List.of(), java.util.List.of(), java.util.List.of(), java.util.List.of(), java.util.List.of(),
            java.util.List.of())));
    assertThat(allSources(excluded)).contains("oldCreate_valid").doesNotContain("listThings");
    assertThat(excluded.plan().skipped()).extracting(s -> s.operationId() + ": " + s.reason())
        .contains("listThings: not selected: tag in excludeTags [things]");
  }

  @Test
  void aReportForReviewersListsTestsCoverageSkipsAndChanges() throws IOException {
    Path out = dir.resolve("out");
    GeneratorConfig config = GeneratorConfig.builder(GoldenFilesTest.specOf("bookshop-oas30"), out)
        .reportDirectory(dir.resolve("report")).build();

    GenerationResult result = CodexTestgen.generate(config);

    String report = Files.readString(dir.resolve("report/report.md"));
    assertThat(result.reportFiles()).hasSize(2);
    assertThat(report).startsWith("## codex-testgen: Bookshop (openapi.yaml)")
        .contains("| tests | " + result.testCases() + " (valid 8, auth ")
        .contains("| operations with tests | 7 of 8 |")
        .contains("| security schemes exercised | 5 of 5 |")
        .contains("| `GET /books` listBooks | 1 | 4 | ")
        .contains("- `DELETE /books/{bookId}` valid: DELETE is destructive: set includeDestructive")
        .contains("- `GET /health` rate-limit: no 429 documented, no RateLimit headers, no limit configured")
        .contains("- written: `apitests/BooksApiIT.java`")
        .contains("### HTTP semantics: the rules each operation's tests check")
        .contains("- `POST /books`: created means readable")
        .contains("- `PUT /books/{bookId}`: PUT replaces; PUT is idempotent; a rejected write changes nothing")
        .contains("- `GET /books` semantics: a read: the rules of the writes on its path read through it");
    assertThat(Files.readString(dir.resolve("report/report.json"))).contains("\"operationsTested\" : 7")
        .contains("\"semanticsRules\" : [\n        \"created means readable\"\n      ]");
  }

  @Test
  void anUnchangedRerunDoesNoWorkAndAnyChangeEndsTheFastPath() throws IOException {
    Path spec = Specs.write(dir, SPEC);
    Path out = dir.resolve("out");
    GeneratorConfig config = GeneratorConfig.builder(spec, out).stateFile(dir.resolve("state.json")).build();

    GenerationResult first = CodexTestgen.generate(config);
    GenerationResult second = CodexTestgen.generate(config);

    assertThat(first.upToDate()).isFalse();
    assertThat(second.upToDate()).isTrue();
    assertThat(second.writtenFiles()).isEmpty();
    assertThat(second.testCases()).isEqualTo(first.testCases());

    Files.writeString(spec, SPEC.replace("description: ok", "description: fine"));
    assertThat(CodexTestgen.generate(config).upToDate()).as("spec changed").isFalse();
    assertThat(CodexTestgen.generate(config).upToDate()).isTrue();

    Files.delete(out.resolve("apitests/ThingsApiIT.java"));
    GenerationResult repaired = CodexTestgen.generate(config);
    assertThat(repaired.upToDate()).as("an output file went missing").isFalse();
    assertThat(repaired.writtenFiles()).containsExactly("apitests/ThingsApiIT.java");

    assertThat(CodexTestgen.generate(config.toBuilder().seed(7).build()).upToDate()).as("config changed").isFalse();

    Files.writeString(dir.resolve("codex-testgen.yaml"), "operations:\n  listThings:\n    rateLimit: 5\n");
    assertThat(CodexTestgen.generate(config).upToDate()).as("policy file added").isFalse();
  }

  @Test
  void hostileTagsAndOperationIdsCannotWriteOutsideTheOutputDirectory() throws IOException {
    Path spec = Specs.write(dir, """
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /a:
            get:
              tags: ['../../../../tmp/evil']
              operationId: '../../escape/../x'
              responses: { '200': { description: ok } }
          /b:
            get:
              tags: ['..\\..\\windows']
              operationId: 'class'
              responses: { '200': { description: ok } }
        """);
    Path out = dir.resolve("nested/out");

    GenerationResult result = CodexTestgen.generate(GeneratorConfig.builder(spec, out).build());

    assertThat(result.writtenFiles()).allMatch(path -> path.matches("apitests/[A-Za-z0-9_]+\\.java"));
    try (var all = Files.walk(dir)) {
      assertThat(all.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString()))
          .allMatch(f -> f.equals("openapi.yaml") || f.startsWith("nested/out/apitests/"));
    }
    assertThat(result.writtenFiles()).contains("apitests/TmpEvilApiIT.java", "apitests/WindowsApiIT.java");
  }

  @Test
  void aGivenBodyIsTheValidRequestAndTheRowsBreakIt() {
    String spec = """
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /silences:
            post:
              operationId: postSilence
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [comment, endsAt]
                      properties:
                        comment: { type: string, maxLength: 100 }
                        endsAt: { type: string, format: date-time }
              responses: { '200': { description: ok }, '400': { description: bad } }
        """;

    String sources = allSources(render(spec, b -> b.requestBodies(java.util.Map.of("postSilence",
        "{\"comment\":\"maintenance\",\"endsAt\":\"2099-01-01T00:00:00Z\"}"))));

    assertThat(sources).contains("\"comment\": \"maintenance\"").contains("\"endsAt\": \"2099-01-01T00:00:00Z\"")
        .contains("missing required 'endsAt'");
  }

  @Test
  void anOptionalBodyMemberNamingThePathsIdIsLeftOut() {
    String spec = """
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /todos/{id}:
            put:
              operationId: replaceTodo
              parameters: [ { name: id, in: path, required: true, schema: { type: number } } ]
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      required: [title]
                      properties: { id: { type: number }, title: { type: string } }
              responses: { '204': { description: replaced } }
        """;

    String sources = allSources(render(spec, b -> b));

    assertThat(sources).contains("\"title\": ").doesNotContain("\"id\": ");
  }

  @Test
  void withoutProducerOrFixtureAValidTestAcceptsAnyDocumentedAnswerAndSaysWhy() {
    String spec = """
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /gadgets/{gadgetId}:
            get:
              operationId: getGadget
              parameters: [ { name: gadgetId, in: path, required: true, schema: { type: integer } } ]
              responses: { '200': { description: ok }, '404': { description: none } }
        """;

    String unfixed = allSources(render(spec, b -> b));
    assertThat(unfixed).contains("valid request (no fixture given for 'gadgetId') -> 200/404")
        .contains(".statusCode(statusIn(\"200\", \"404\"))").contains("(unsureRequest()");

    String fixed = allSources(render(spec, b -> b.fixtures(java.util.Map.of("getGadget.gadgetId", "42"))));
    assertThat(fixed).containsAnyOf(".pathParam(\"gadgetId\", \"42\")", "(request(), \"42\")").contains("GET /gadgets/{gadgetId}: valid request -> 200")
        .doesNotContain("no fixture");
  }
}
