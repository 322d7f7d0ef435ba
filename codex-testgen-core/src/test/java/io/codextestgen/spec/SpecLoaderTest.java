package io.codextestgen.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import io.codextestgen.diag.Diagnostic;
import io.codextestgen.diag.GenerationException;
import io.codextestgen.testing.Specs;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Broken specs fail with diagnostics naming file, location and what to do; remote refs need permission. */
class SpecLoaderTest {

  @TempDir Path dir;

  private static final String HEADER = """
      openapi: 3.0.3
      info: { title: t, version: '1' }
      """;

  private List<Diagnostic> errorsOf(String yaml, List<String> allowList) {
    Path spec = Specs.write(dir, yaml);
    GenerationException e = catchThrowableOfType(GenerationException.class,
        () -> new SpecLoader(allowList).load(spec));
    assertThat(e).as("loading must fail").isNotNull();
    assertThat(e.diagnostics()).allMatch(Diagnostic::isError);
    return e.diagnostics();
  }

  @Test
  void aMissingFileIsNamed() {
    GenerationException e = catchThrowableOfType(GenerationException.class,
        () -> new SpecLoader(List.of()).load(dir.resolve("nope.yaml")));

    assertThat(e.getMessage()).contains("nope.yaml").contains("spec file not found");
  }

  @Test
  void badYamlGivesLineAndColumn() {
    List<Diagnostic> errors = errorsOf(HEADER + "paths:\n  /a:\n    get: [unclosed\n", List.of());

    assertThat(errors).singleElement().satisfies(d -> {
      assertThat(d.file()).isEqualTo("openapi.yaml");
      assertThat(d.location()).startsWith("line ");
      assertThat(d.message()).startsWith("syntax error").doesNotContain("\n").doesNotContain("\\u000a");
    });
  }

  @Test
  void aDanglingRefIsLocated() {
    List<Diagnostic> errors = errorsOf(HEADER + """
        paths:
          /pets/{id}:
            get:
              parameters:
                - $ref: '#/components/parameters/PetId'
              responses: { '200': { description: ok } }
        """, List.of());

    assertThat(errors).singleElement().satisfies(d -> {
      assertThat(d.location()).isEqualTo("paths./pets/{id}.get.parameters[0]");
      assertThat(d.message()).contains("#/components/parameters/PetId").contains("points to nothing");
      assertThat(d.toString()).isEqualTo("error: openapi.yaml: paths./pets/{id}.get.parameters[0]: " + d.message());
    });
  }

  @Test
  void aPercentEncodedPointerIsFollowedNotRefused() {
    Path spec = Specs.write(dir, HEADER + """
        paths:
          /users/{id}:
            get:
              parameters:
                - { name: id, in: path, required: true, schema: { type: integer } }
              responses: { '200': { description: ok } }
          /admins/{id}:
            get:
              parameters:
                - $ref: '#/paths/~1users~1%7Bid%7D/get/parameters/0'
              responses: { '200': { description: ok } }
        """);

    assertThat(new SpecLoader(List.of()).load(spec).openApi().getPaths()).containsKeys("/users/{id}", "/admins/{id}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"swagger: '2.0'", "openapi: 3.0.3", "openapi: 3.1.0"})
  void yamlSpecsOverSwaggerParsersThreeMegabyteLimitLoad(String version) {
    Path spec = Specs.write(dir, version + "\ninfo: { title: big, version: '1', description: '"
        + "x".repeat(4 * 1024 * 1024) + "' }\npaths:\n  /a:\n    get:\n      responses: { '200': { description: ok } }\n");

    assertThat(new SpecLoader(List.of()).load(spec).openApi().getPaths()).containsKey("/a");
  }

  @Test
  void aRefToAMissingFileIsLocated() {
    List<Diagnostic> errors = errorsOf(HEADER + """
        paths:
          /a:
            get:
              responses:
                '200':
                  description: ok
                  content: { application/json: { schema: { $ref: 'schemas/missing.yaml#/A' } } }
        """, List.of());

    assertThat(errors).singleElement().satisfies(d -> {
      assertThat(d.location()).isEqualTo("paths./a.get.responses.200.content.application/json.schema");
      assertThat(d.message()).contains("does not exist").contains("schemas/missing.yaml");
    });
  }

  @Test
  void aSpecWithoutPathsIsRejected() {
    List<Diagnostic> errors = errorsOf(HEADER + "paths: {}\n", List.of());

    assertThat(errors).singleElement().satisfies(d -> {
      assertThat(d.location()).isEqualTo("paths");
      assertThat(d.message()).contains("no paths");
    });
  }

  @Test
  void aDocumentThatIsNotOpenApiIsRejected() {
    assertThat(errorsOf("name: just some yaml\n", List.of()))
        .singleElement().satisfies(d -> assertThat(d.message()).contains("not an OpenAPI or Swagger document"));
  }

  @Test
  void parserWarningsAreReportedNotSwallowed() {
    Path spec = Specs.write(dir, HEADER + """
        paths:
          /a:
            get:
              operationId: a
        """);

    LoadedSpec loaded = new SpecLoader(List.of()).load(spec);

    assertThat(loaded.warnings()).isNotEmpty()
        .anySatisfy(w -> assertThat(w.message()).contains("responses"));
  }

  @Test
  void remoteRefsAreRefusedWithoutAnyConnection() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      String url = "http://127.0.0.1:" + server.getLocalPort() + "/schemas.yaml#/Pet";
      List<Diagnostic> errors = errorsOf(HEADER + """
          paths:
            /a:
              get:
                responses:
                  '200':
                    description: ok
                    content: { application/json: { schema: { $ref: '%s' } } }
          """.formatted(url), List.of());

      assertThat(errors).singleElement().satisfies(d -> {
        assertThat(d.location()).isEqualTo("paths./a.get.responses.200.content.application/json.schema");
        assertThat(d.message()).contains("remote $ref").contains("refused").contains("remoteRefAllowList");
      });
      server.setSoTimeout(200);
      assertThat(catchThrowableOfType(SocketTimeoutException.class, server::accept))
          .as("no connection may be attempted").isNotNull();
    }
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"openapi: 3.0.3", "openapi: 3.1.0", "swagger: '2.0'"})
  void metaSchemaRefsAreReadOfflineAsObjects(String version) {
    {
      boolean swagger = version.startsWith("swagger");
      String rule = """
            Rule:
              type: object
              properties:
                schema: { $ref: 'http://json-schema.org/draft-04/schema#' }
          """;
      Path spec = Specs.write(dir, version + """

          info: { title: t, version: '1' }
          paths:
            /rules:
              get:
                responses:
                  '200':
                    description: ok
                    %s
          """.formatted(swagger ? "schema: { $ref: '#/definitions/Rule' }"
              : "content: { application/json: { schema: { $ref: '#/components/schemas/Rule' } } }")
          + (swagger ? "definitions:\n" + rule : "components:\n  schemas:\n" + rule.indent(2)));

      LoadedSpec loaded = new SpecLoader(List.of()).load(spec);

      io.swagger.v3.oas.models.media.Schema<?> property = (io.swagger.v3.oas.models.media.Schema<?>) loaded.openApi()
          .getComponents().getSchemas().get("Rule")
          .getProperties().get("schema");
      assertThat(property.get$ref()).isNull();
      assertThat(property.getDescription()).contains("json-schema.org/draft-04");
    }
  }

  @Test
  void allowedRemoteRefsAreLoaded() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/schemas.yaml", exchange -> {
      byte[] body = "Pet: { type: object, properties: { name: { type: string } } }\n".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      String prefix = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
      Path spec = Specs.write(dir, HEADER + """
          paths:
            /a:
              get:
                responses:
                  '200':
                    description: ok
                    content: { application/json: { schema: { $ref: '%sschemas.yaml#/Pet' } } }
          """.formatted(prefix));

      LoadedSpec loaded = new SpecLoader(List.of(prefix)).load(spec);

      assertThat(loaded.openApi().getComponents().getSchemas()).containsKey("Pet");
    } finally {
      server.stop(0);
    }
  }

  /** A server standing for the URL prefix: it counts the requests that reach it (there must be none). */
  private static HttpServer countingServer(java.util.concurrent.atomic.AtomicInteger requests) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      requests.incrementAndGet();
      exchange.sendResponseHeaders(500, -1);
      exchange.close();
    });
    server.start();
    return server;
  }

  @ParameterizedTest
  @ValueSource(strings = {"3.0.3", "3.1.0"})
  void mappedRefsAreReadFromLocalFilesWithNoNetworkCall(String version) throws IOException {
    java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
    HttpServer server = countingServer(requests);
    try {
      String prefix = "http://127.0.0.1:" + server.getAddress().getPort() + "/schemas/";
      Path local = dir.resolve("vendored");
      Files.createDirectories(local.resolve("common"));
      // the mapped file references its neighbour relatively, as files served together do
      Files.writeString(local.resolve("common/pet.yaml"),
          "Pet: { type: object, properties: { tag: { $ref: 'tag.yaml#/Tag' } } }\n");
      Files.writeString(local.resolve("common/tag.yaml"), "Tag: { type: string, maxLength: 20 }\n");
      Path spec = Specs.write(dir, HEADER.replace("3.0.3", version) + """
          paths:
            /a:
              get:
                responses:
                  '200':
                    description: ok
                    content: { application/json: { schema: { $ref: '%scommon/pet.yaml#/Pet' } } }
          """.formatted(prefix));

      LoadedSpec loaded = new SpecLoader(List.of(), java.util.Map.of(prefix, local)).load(spec);

      assertThat(requests).as("requests to the mapped URL prefix").hasValue(0);
      assertThat(loaded.files()).as("the files read, hashed for the no-op check").anyMatch(file -> file.endsWith("common/tag.yaml"));
      io.swagger.v3.oas.models.media.Schema<?> schema = loaded.openApi().getPaths().get("/a").getGet().getResponses()
          .get("200").getContent().get("application/json").getSchema();
      // 3.0 keeps a reference into components, 3.1 is dereferenced in place: either way the model has the schema
      io.swagger.v3.oas.models.media.Schema<?> pet = schema.get$ref() == null ? schema
          : loaded.openApi().getComponents().getSchemas().get("Pet");
      assertThat(pet.getProperties()).as("resolved into the model").containsKey("tag");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aMappedRefWithoutItsLocalFileNamesTheMapping() {
    String prefix = "https://schemas.example.com/";
    Path spec = Specs.write(dir, HEADER + """
        paths:
          /a:
            get:
              responses:
                '200':
                  description: ok
                  content: { application/json: { schema: { $ref: '%spet.yaml#/Pet' } } }
        """.formatted(prefix));

    GenerationException e = catchThrowableOfType(GenerationException.class,
        () -> new SpecLoader(List.of(), java.util.Map.of(prefix, dir.resolve("vendored"))).load(spec));

    assertThat(e.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.file()).isEqualTo("openapi.yaml");
      assertThat(d.location()).isEqualTo("#/paths/~1a/get/responses/200/content/application~1json/schema");
      assertThat(d.message()).contains("$ref 'https://schemas.example.com/pet.yaml#/Pet' maps to")
          .contains("refMappings: https://schemas.example.com/ -> ").contains("which is not a file");
    });
  }

  @Test
  void aMappedRefInAReferencedFileIsRefusedSayingWhy() throws IOException {
    String prefix = "https://schemas.example.com/";
    Files.writeString(dir.resolve("pets.yaml"), "Pet: { $ref: 'https://schemas.example.com/pet.yaml#/Pet' }\n");
    Path spec = Specs.write(dir, HEADER + """
        paths:
          /a:
            get:
              responses:
                '200':
                  description: ok
                  content: { application/json: { schema: { $ref: 'pets.yaml#/Pet' } } }
        """);

    GenerationException e = catchThrowableOfType(GenerationException.class,
        () -> new SpecLoader(List.of(), java.util.Map.of(prefix, dir)).load(spec));

    assertThat(e.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.file()).isEqualTo("pets.yaml");
      assertThat(d.message()).contains("refMappings apply to the spec file's own $refs")
          .contains("Reference the file relatively");
    });
  }

  @Test
  void mappedRefsInASwagger2SpecAreRefusedSayingWhatToDo() throws IOException {
    String prefix = "https://schemas.example.com/";
    Files.writeString(dir.resolve("pet.yaml"), "Pet: { type: object }\n");
    Path spec = Specs.write(dir, """
        swagger: '2.0'
        info: { title: t, version: '1' }
        paths:
          /a:
            get:
              responses:
                '200':
                  description: ok
                  schema: { $ref: 'https://schemas.example.com/pet.yaml#/Pet' }
        """);

    GenerationException e = catchThrowableOfType(GenerationException.class,
        () -> new SpecLoader(List.of(), java.util.Map.of(prefix, dir)).load(spec));

    assertThat(e.getMessage()).contains("refMappings in a Swagger 2.0 spec")
        .contains("Copy what the URL serves next to the spec and reference it relatively");
  }

  @Test
  void theFilesReadIncludeReferencedOnesSoTheNoOpFastPathSeesTheirChanges() throws IOException {
    Files.createDirectories(dir.resolve("schemas"));
    Files.writeString(dir.resolve("schemas/a.yaml"), "A: { type: string }\n");
    Path spec = Specs.write(dir, HEADER + """
        paths:
          /a:
            get:
              responses:
                '200': { description: ok, content: { application/json: { schema: { $ref: 'schemas/a.yaml#/A' } } } }
        """);
    assertThat(new SpecLoader(List.of()).load(spec).files()).extracting(p -> p.getFileName().toString())
        .containsExactlyInAnyOrder(spec.getFileName().toString(), "a.yaml");
  }
}
