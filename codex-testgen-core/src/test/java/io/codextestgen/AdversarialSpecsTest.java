package io.codextestgen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.codextestgen.config.GeneratorConfig;
import io.codextestgen.render.RenderedFile;
import io.codextestgen.testing.GeneratedSuite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec built to break generators: Java keywords, unicode and colliding names, duplicate and missing operation
 * ids, tags with ../ and slashes, comment ends and unicode escapes in examples, an enormous enum and example,
 * deep and circular schemas, and 10,000 operations. The output stays in its package, compiles without a warning, and no
 * class nears javac's limits.
 */
class AdversarialSpecsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** A backslash-u that javac would decode: not preceded by another backslash. */
  private static final Pattern RAW_UNICODE_ESCAPE = Pattern.compile("(?<!\\\\)(\\\\\\\\)*\\\\u");

  @TempDir Path dir;

  private static ObjectNode operation(ObjectNode paths, String path, String method, String id, String tag) {
    // not paths.with(path): Jackson reads a property name starting with '/' as a JSON pointer there
    ObjectNode item = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
    ObjectNode op = item.putObject(method);
    if (id != null) {
      op.put("operationId", id);
    }
    op.putArray("tags").add(tag);
    op.putObject("responses").putObject("200").put("description", "ok");
    return op;
  }

  private Path spec() throws IOException {
    ObjectNode root = JSON.createObjectNode().put("openapi", "3.0.3");
    root.putObject("info").put("title", "Adversarial */ \\u000a").put("version", "1");
    ObjectNode paths = root.putObject("paths");
    operation(paths, "/class", "get", "class", "../../etc").put("summary", "ends a comment */ and \\u000a");
    operation(paths, "/enum", "get", "enum", "a/b\\c");
    operation(paths, "/dup1", "get", "sameId", "x");
    operation(paths, "/dup2", "get", "sameId", "x");
    operation(paths, "/same-name", "get", "same_name", "x");
    operation(paths, "/same_name", "get", "same-name", "x");
    operation(paths, "/noid/{id}", "get", null, "x").putArray("parameters").addObject().put("name", "id")
        .put("in", "path").put("required", true).putObject("schema").put("type", "integer");
    ObjectNode unicode = operation(paths, "/ünïcödé", "post", "ünïcödé", "Ünïcode Täg");
    unicode.putObject("requestBody").put("required", true).putObject("content").putObject("application/json")
        .putObject("schema").put("$ref", "#/components/schemas/Deep");
    // an id starting with a digit names the class's body constant too (REQUEST_2_SEND_PAYMENTS_BODY)
    operation(paths, "/digit", "post", "2. Send payments", "x").putObject("requestBody").put("required", true)
        .putObject("content").putObject("application/json").putObject("schema")
        .put("$ref", "#/components/schemas/Deep");
    ArrayNode values = operation(paths, "/enormous", "get", "enormousEnum", "x").putArray("parameters").addObject()
        .put("name", "v").put("in", "query").putObject("schema").put("type", "string").putArray("enum");
    for (int i = 0; i < 5000; i++) {
      values.add("v" + i);
    }
    ObjectNode example = operation(paths, "/example", "post", "hostileExample", "x").putObject("requestBody")
        .putObject("content").putObject("application/json");
    example.putObject("schema").put("type", "object").putObject("properties").putObject("s").put("type", "string");
    ObjectNode hostile = example.putObject("example").put("s", "*/ \\u000a \"\"\" ${x} $L \\\\ \u2028");
    // over javac's 65,535-byte limit for one constant, with thousands of lines (one '+' each would overflow javac)
    hostile.put("huge", "\u4e00 line\n".repeat(30_000));
    for (int i = 0; i < 10_000; i++) {
      ObjectNode bulk = operation(paths, "/bulk/r" + i + "/{id}", "get", "bulkOp" + i, "bulk");
      bulk.putArray("parameters").addObject().put("name", "id").put("in", "path").put("required", true)
          .putObject("schema").put("type", "integer").put("minimum", 1);
      ((ObjectNode) bulk.get("responses").get("200")).putObject("content").putObject("application/json").putObject("schema")
          .put("$ref", "#/components/schemas/Node");
    }
    // scheme names equal but for case: each needs its own credential getter, property and variable
    ObjectNode secured = operation(paths, "/secured", "get", "secured", "x");
    secured.putArray("security").add(JSON.createObjectNode().set("BearerAuth", JSON.createArrayNode()))
        .add(JSON.createObjectNode().set("bearerAuth", JSON.createArrayNode()));
    ObjectNode components = root.putObject("components");
    ObjectNode schemes = components.putObject("securitySchemes");
    schemes.putObject("BearerAuth").put("type", "http").put("scheme", "bearer");
    schemes.putObject("bearerAuth").put("type", "http").put("scheme", "bearer");
    ObjectNode schemas = components.putObject("schemas");
    ObjectNode deep = JSON.createObjectNode().put("type", "object");
    deep.putObject("properties").putObject("leaf").put("type", "string");
    for (int i = 0; i < 60; i++) {
      ObjectNode outer = JSON.createObjectNode().put("type", "object");
      outer.putArray("required").add("child");
      outer.putObject("properties").set("child", deep);
      ((ObjectNode) outer.get("properties")).putObject("n" + i).put("type", "integer");
      deep = outer;
    }
    schemas.set("Deep", deep);
    ObjectNode node = schemas.putObject("Node").put("type", "object");
    node.putArray("required").add("next");
    node.putObject("properties").putObject("next").put("$ref", "#/components/schemas/Node");
    schemas.putObject("A").put("$ref", "#/components/schemas/B");
    schemas.putObject("B").put("$ref", "#/components/schemas/A");
    Path file = dir.resolve("adversarial.json");
    JSON.writeValue(file.toFile(), root);
    return file;
  }

  @Test
  void hostileNamesTextAndSizesGiveSafeCompilableSources() throws IOException {
    List<RenderedFile> files = CodexTestgen.render(GeneratorConfig.builder(spec(), dir.resolve("out")).build())
        .files();

    assertThat(files).allSatisfy(file -> {
      assertThat(file.relativePath()).matches("apitests/[A-Za-z][A-Za-z0-9_]*\\.java");
      assertThat(file.content().length()).as(file.relativePath()).isLessThan(2_000_000); // the huge example, 5 times
      assertThat(RAW_UNICODE_ESCAPE.matcher(file.content()).find()).as("raw \\u in " + file.relativePath())
          .isFalse();
    });
    assertThat(files).extracting(RenderedFile::relativePath)
        .contains("apitests/EtcApiIT.java", "apitests/ABCApiIT.java", "apitests/UnicodeTagApiIT.java",
            "apitests/BulkApiIT.java", "apitests/Bulk100ApiIT.java");
    String x = files.stream().filter(f -> f.relativePath().endsWith("/XApiIT.java")).findFirst().get().content();
    assertThat(x).contains("void sameId_valid()").contains("void sameId_valid2()").contains("void same_name_valid()");
    String support = files.stream().filter(f -> f.relativePath().endsWith("/ApiTestSupport.java")).findFirst().get()
        .content();
    assertThat(support).contains("bearerAuthCredential()").contains("bearerAuth2Credential()")
        .contains("CODEX_AUTH_BEARER_AUTH2");

    GeneratedSuite.compile(files, dir.resolve("build")).close();
    try (var written = Files.walk(dir)) {
      assertThat(written.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()))
          .allMatch(p -> p.equals("adversarial.json") || p.startsWith("build/"));
    }
  }
}
