package io.codextestgen.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.swagger.v3.parser.util.OpenAPIDeserializer.ParseResult;
import io.swagger.v3.parser.extensions.JsonSchemaParserExtension;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Our shortcut builds the very model, and the very messages, that swagger-parser's own deserialization does. */
class OpenApi30DeserializerTest {

  private static final Path CORPUS = Path.of("src/test/resources/corpus");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TempDir Path dir;

  static Stream<Path> openApi30Specs() throws IOException {
    try (Stream<Path> files = Files.walk(CORPUS)) {
      return files.filter(Files::isRegularFile)
          .filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".yaml"))
          .filter(f -> version(f).startsWith("3.0"))
          .sorted()
          .toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("openApi30Specs")
  void sameModelAndMessagesAsSwaggerParser(Path spec) throws IOException {
    JsonNode root = tree(spec);
    ParseOptions options = options();

    SwaggerParseResult ours = OpenApi30Deserializer.deserialize("spec", root, options);
    SwaggerParseResult theirs = new OpenAPIV3Parser().parseJsonNode("spec", root, options);

    assertThat(ours.getOpenAPI()).isNotNull();
    assertThat(Json.pretty(ours.getOpenAPI())).isEqualTo(Json.pretty(theirs.getOpenAPI()));
    assertThat(ours.getMessages()).isEqualTo(theirs.getMessages());
  }

  @Test
  void aBrokenSpecGetsSwaggerParsersMessages() throws IOException {
    JsonNode root = YAML.readTree("""
        openapi: 3.0.3
        info: { version: '1' }
        paths:
          /a:
            get:
              operationId: same
              parameters: [{ name: q, in: nowhere }]
              responses: { '200': { description: ok } }
          /b:
            get:
              operationId: same
              responses: { 'twohundred': { description: ok } }
        components:
          schemas:
            A: { type: object, properties: { b: { $ref: '#/components/schemas/Missing' } } }
        x-extra: 1
        unknownTopLevel: 2
        """);
    ParseOptions options = options();

    SwaggerParseResult ours = OpenApi30Deserializer.deserialize("spec", root, options);
    SwaggerParseResult theirs = new OpenAPIV3Parser().parseJsonNode("spec", root, options);

    assertThat(ours.getMessages()).isNotEmpty().isEqualTo(theirs.getMessages());
    assertThat(Json.pretty(ours.getOpenAPI())).isEqualTo(Json.pretty(theirs.getOpenAPI()));
  }

  @Test
  void aSchemaParserExtensionOnTheClassPathStillGetsTheDocumentAsMaps() throws IOException {
    Path services = dir.resolve("META-INF/services/" + JsonSchemaParserExtension.class.getName());
    Files.createDirectories(services.getParent());
    Files.writeString(services, RecordingExtension.class.getName() + "\n", StandardCharsets.UTF_8);
    JsonNode root = YAML.readTree("""
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths: {}
        components: { schemas: { A: { type: string } } }
        """);
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (URLClassLoader withExtension = new URLClassLoader(new URL[] {dir.toUri().toURL()}, previous)) {
      thread.setContextClassLoader(withExtension);
      RecordingExtension.calls.set(0);
      RecordingExtension.sawRootMap.set(0);

      SwaggerParseResult result = OpenApi30Deserializer.deserialize("spec", root, options());

      assertThat(result.getOpenAPI().getComponents().getSchemas()).containsKey("A");
      assertThat(RecordingExtension.calls.get()).isPositive();
      assertThat(RecordingExtension.sawRootMap.get()).isEqualTo(RecordingExtension.calls.get());
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /** Declines every schema, noting whether swagger-parser handed it the document as maps. */
  public static final class RecordingExtension implements JsonSchemaParserExtension {
    static final AtomicInteger calls = new AtomicInteger();
    static final AtomicInteger sawRootMap = new AtomicInteger();

    @Override
    public Schema getSchema(JsonNode node, String location, ParseResult result, Map<String, Object> rootMap,
        String basePath) {
      calls.incrementAndGet();
      if (rootMap != null && rootMap.containsKey("openapi")) {
        sawRootMap.incrementAndGet();
      }
      return null;
    }

    @Override
    public boolean resolveSchema(Schema schema, io.swagger.v3.parser.ResolverCache cache,
        io.swagger.v3.oas.models.OpenAPI openApi, boolean openapi31) {
      return false;
    }
  }

  private static ParseOptions options() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(false);
    return options;
  }

  private static JsonNode tree(Path spec) throws IOException {
    return (spec.toString().endsWith(".json") ? JSON : YAML).readTree(spec.toFile());
  }

  private static String version(Path spec) {
    try {
      JsonNode version = tree(spec).get("openapi");
      return version == null ? "" : version.asText();
    } catch (IOException e) {
      return "";
    }
  }
}
