package io.codextestgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.codextestgen.config.GeneratorConfig;
import io.codextestgen.diag.GenerationException;
import io.codextestgen.render.RenderedFile;
import io.codextestgen.testing.GeneratedSuite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Specs made from a grammar of hostile strings (quotes, backslashes, comment ends, unicode escapes, line breaks of
 * every kind, control characters, lone surrogates, placeholders, path traversal, reserved file names, very long
 * text), placed in every position the generator reads, in OpenAPI 3.0 and 3.1: the title, servers and their
 * variables, paths, tags, operation ids, summaries and descriptions, parameter names (query, header, cookie, path),
 * property names at two depths, enum values, patterns, examples (schema, parameter, request and response, named
 * ones too), defaults, {@code const}, form fields, a discriminator's property, mapping keys and schema names,
 * security scheme names of every kind, API key names, scopes, token and discovery URLs, response header names, the
 * headers of a 429, link names. For each: generation succeeds or is refused with a diagnostic about the spec; every
 * file stays in the output directory; the suite compiles with {@code -Xlint:all -Werror}; outside string literals
 * and comments, spec text shows only inside identifiers; {@code report.md} keeps its shape.
 *
 * <p>Seeded ({@code -Dcodex.hostile.seed}, default fixed), {@code -Dcodex.hostile.cases} specs (default 10, which
 * keeps CI fast); a failure prints the spec, and {@code -Dcodex.hostile.dump=DIR} keeps every spec and its suite.
 */
class HostileSpecsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long SEED = Long.getLong("codex.hostile.seed", 20261207L);
  private static final int CASES = Integer.getInteger("codex.hostile.cases", 10);
  /** Starts every hostile string, so that spec text can be found in the generated sources. */
  private static final String MARK = "zqj";

  /** How many specs got as far as compiling: most must, or the grammar tests only the parser's refusals. */
  private static final java.util.concurrent.atomic.AtomicInteger COMPILED =
      new java.util.concurrent.atomic.AtomicInteger();

  private static final List<String> FRAGMENTS = List.of("\"", "\\", "*/", "/*", "\\u000a", "\\u0022", "\\", "\r",
      "\n", "\r\n", "\u2028", "\u2029", "\u0000", "\u0007", "\u001b", "\u007f", "\u0085", "\ud800", "\udfff",
      "${user.home}", "$1", "../", "..\\", "CON", "nul.java", "'", "`", "<b>", "&amp;", "#", "%2F", "?", " ", "@Test",
      "//", "\t", "é", "\ud83d\ude00", "+", "-", ".", ",", ";", "=", "(", ")", "[", "]", "!");

  static Stream<Arguments> specs() {
    Random random = new Random(SEED);
    List<Arguments> cases = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      cases.add(Arguments.of(i, spec(random)));
    }
    return cases.stream();
  }

  /** A hostile string: the mark, then one to three fragments with letters between; now and then very long. */
  private static String hostile(Random random) {
    return hostile(random, FRAGMENTS);
  }

  /**
   * A hostile name, for the positions that are keys of the spec (paths, properties, schemes, headers): no lone
   * surrogate, which the JSON and YAML parsers refuse in a key with a syntax error, so that the spec reaches the
   * generator (lone surrogates go into the values).
   */
  private static String name(Random random) {
    return hostile(random, FRAGMENTS.stream().filter(f -> !(f.length() == 1 && Character.isSurrogate(f.charAt(0))))
        .toList());
  }

  private static String hostile(Random random, List<String> fragmentsToUse) {
    StringBuilder text = new StringBuilder(MARK);
    int fragments = 1 + random.nextInt(3);
    for (int i = 0; i < fragments; i++) {
      text.append(fragmentsToUse.get(random.nextInt(fragmentsToUse.size())));
      if (random.nextBoolean()) {
        text.append((char) ('a' + random.nextInt(26)));
      }
    }
    if (random.nextInt(8) == 0) {
      text.append("x".repeat(300 + random.nextInt(300)));
    }
    return text.toString();
  }

  private static String spec(Random random) {
    if (random.nextInt(4) == 0) {
      return text(swagger2(random));
    }
    boolean v31 = random.nextBoolean();
    ObjectNode spec = JSON.createObjectNode().put("openapi", v31 ? "3.1.0" : "3.0.3");
    spec.putObject("info").put("title", hostile(random)).put("version", "1").put("description", hostile(random));
    ObjectNode server = spec.putArray("servers").addObject()
        .put("url", "http://127.0.0.1:{port}/" + hostile(random) + "/{base}").put("description", hostile(random));
    ObjectNode variables = server.putObject("variables");
    variables.putObject("port").put("default", "8080");
    String base = hostile(random);
    variables.putObject("base").put("default", base).put("description", hostile(random)).putArray("enum").add(base)
        .add(hostile(random));
    String tag = hostile(random);
    spec.putArray("tags").addObject().put("name", tag).put("description", hostile(random));
    ObjectNode components = spec.putObject("components");
    String scheme = name(random);
    ObjectNode schemes = components.putObject("securitySchemes");
    schemes.putObject(scheme).put("type", "apiKey").put("in", "header").put("name", "X-" + hostile(random));
    String cookieScheme = name(random);
    schemes.putObject(cookieScheme).put("type", "apiKey").put("in", "cookie").put("name", name(random));
    String basic = name(random);
    schemes.putObject(basic).put("type", "http").put("scheme", "basic").put("description", hostile(random));
    String bearer = name(random);
    schemes.putObject(bearer).put("type", "http").put("scheme", "bearer").put("bearerFormat", hostile(random));
    String oauth = name(random);
    ObjectNode flows = schemes.putObject(oauth).put("type", "oauth2").putObject("flows");
    String scope = name(random);
    flows.putObject("clientCredentials").put("tokenUrl", "/" + hostile(random)).putObject("scopes")
        .put(scope, hostile(random)).put(name(random), hostile(random));
    String oidc = name(random);
    schemes.putObject(oidc).put("type", "openIdConnect").put("openIdConnectUrl", "/" + hostile(random));

    // a oneOf told apart by a discriminator whose property, mapping keys and schema names are hostile
    ObjectNode schemas = components.putObject("schemas");
    String kind = name(random);
    String cat = componentName(random);
    String dog = componentName(random);
    for (String variant : List.of(cat, dog)) {
      ObjectNode schema = schemas.putObject(variant).put("type", "object").put("description", hostile(random));
      schema.putArray("required").add(kind);
      ObjectNode variantProperties = schema.putObject("properties");
      variantProperties.putObject(kind).put("type", "string");
      variantProperties.putObject(name(random)).put("type", "string").put("maxLength", 8);
    }
    ObjectNode pet = JSON.createObjectNode();
    pet.putArray("oneOf").add(JSON.createObjectNode().put("$ref", "#/components/schemas/" + pointer(cat)))
        .add(JSON.createObjectNode().put("$ref", "#/components/schemas/" + pointer(dog)));
    pet.putObject("discriminator").put("propertyName", kind).putObject("mapping")
        .put(name(random), "#/components/schemas/" + pointer(cat))
        .put(name(random), "#/components/schemas/" + pointer(dog));

    String pathParameter = name(random).replace("{", "").replace("}", "").replace("/", "");
    String collection = "/" + name(random).replace("{", "(").replace("}", ")");
    String item = collection + "/{" + pathParameter + "}";
    String getId = hostile(random);
    ObjectNode paths = spec.putObject("paths");
    ObjectNode post = paths.putObject(collection).putObject("post");
    post.putArray("tags").add(tag);
    post.put("operationId", hostile(random)).put("summary", hostile(random)).put("description", hostile(random));
    ArrayNode postSecurity = post.putArray("security");
    postSecurity.addObject().putArray(scheme);
    postSecurity.addObject().putArray(cookieScheme);
    ArrayNode parameters = post.putArray("parameters");
    parameters.addObject().put("name", hostile(random)).put("in", "query").put("description", hostile(random))
        .putObject("schema").put("type", "string").put("maxLength", 20).put("default", hostile(random));
    parameters.addObject().put("name", "X-" + hostile(random)).put("in", "header").put("required", true)
        .putObject("schema").put("type", "string").put("example", hostile(random));
    parameters.addObject().put("name", name(random)).put("in", "cookie").put("deprecated", true)
        .putObject("schema").put("type", "string").put("minLength", 2);
    ObjectNode listParameter = parameters.addObject().put("name", name(random)).put("in", "query")
        .put("required", true).put("style", "form").put("explode", false);
    listParameter.putObject("schema").put("type", "array").put("maxItems", 3).putObject("items")
        .put("type", "string").putArray("enum").add(hostile(random)).add(hostile(random));
    ObjectNode media = post.putObject("requestBody").put("required", true).putObject("content")
        .putObject("application/json");
    ObjectNode body = media.putObject("schema").put("type", "object");
    String first = name(random);
    String nested = name(random);
    body.putArray("required").add(first).add(nested);
    ObjectNode properties = body.putObject("properties");
    properties.putObject(first).put("type", "string").put("description", hostile(random))
        .put("pattern", "^" + MARK + ".*$").put("example", MARK + "-example").put("maxLength", 2000);
    ObjectNode inner = properties.putObject(nested).put("type", "object");
    String deep = name(random);
    inner.putArray("required").add(deep);
    ArrayNode values = inner.putObject("properties").putObject(deep).put("type", "string").putArray("enum");
    values.add(hostile(random)).add(hostile(random));
    properties.putObject(name(random)).put("type", "string").put("pattern", hostile(random));
    properties.putObject(name(random)).put("type", "integer").put("minimum", 1).put("default", 3);
    properties.set(name(random), pet);
    if (v31) {
      properties.putObject(name(random)).put("const", hostile(random));
      properties.putObject(name(random)).put("type", "string").putArray("examples").add(hostile(random));
    }
    ObjectNode requestExample = media.putObject("examples").putObject(name(random)).put("summary", hostile(random))
        .putObject("value");
    requestExample.put(first, MARK + hostile(random)).putObject(nested).put(deep, hostile(random));
    requestExample.put(name(random), hostile(random));
    ObjectNode responses = post.putObject("responses");
    ObjectNode created = responses.putObject("201").put("description", hostile(random));
    created.putObject("headers").putObject(name(random)).put("description", hostile(random))
        .putObject("schema").put("type", "string");
    ObjectNode createdMedia = created.putObject("content").putObject("application/json");
    ObjectNode createdProperties = createdMedia.putObject("schema").put("type", "object").putObject("properties");
    createdProperties.putObject("id").put("type", "integer");
    createdProperties.putObject(name(random)).put("type", "string");
    ObjectNode responseExample = random.nextBoolean() ? createdMedia.putObject("example")
        : createdMedia.putObject("examples").putObject(name(random)).put("description", hostile(random))
            .putObject("value");
    responseExample.put("id", 7).put(name(random), hostile(random));
    created.putObject("links").putObject(name(random)).put("operationId", getId).put("description", hostile(random))
        .putObject("parameters").put(pathParameter, "$response.body#/id");
    responses.putObject("400").put("description", hostile(random));
    ObjectNode tooMany = responses.putObject("429").put("description", hostile(random)).putObject("headers");
    for (String header : List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "Retry-After")) {
      tooMany.putObject(header).put("description", hostile(random)).putObject("schema").put("type", "integer");
    }

    ObjectNode itemPath = paths.putObject(item);
    itemPath.putArray("parameters").addObject().put("name", pathParameter).put("in", "path").put("required", true)
        .put("description", hostile(random)).putObject("schema").put("type", "integer").put("minimum", 1);
    ObjectNode get = itemPath.putObject("get");
    get.put("operationId", getId);
    get.putArray("security").addObject().putArray(oauth).add(scope);
    ObjectNode found = get.putObject("responses").putObject("200").put("description", hostile(random));
    found.putObject("content").putObject("application/json").putObject("schema").put("type", "object")
        .putObject("properties").putObject(name(random)).put("type", "string").put("example", hostile(random));
    ObjectNode put = itemPath.putObject("put");
    put.put("operationId", hostile(random));
    ArrayNode putSecurity = put.putArray("security");
    putSecurity.addObject().putArray(bearer);
    putSecurity.addObject().putArray(oidc);
    ObjectNode form = put.putObject("requestBody").put("required", true).putObject("content")
        .putObject("application/x-www-form-urlencoded").putObject("schema").put("type", "object");
    String field = name(random);
    form.putArray("required").add(field);
    form.putObject("properties").putObject(field).put("type", "string").put("maxLength", 10)
        .put("default", hostile(random));
    put.putObject("responses").putObject("204").put("description", hostile(random));
    ObjectNode delete = itemPath.putObject("delete");
    delete.put("operationId", hostile(random)).putArray("security").addObject().putArray(basic);
    delete.putObject("responses").putObject("204").put("description", hostile(random));
    return text(spec);
  }

  /**
   * A Swagger 2.0 spec, which swagger-parser converts: its own positions are the host and base path, form data
   * parameters, a body parameter, {@code examples} by media type, definitions with a discriminator, and security
   * definitions of its three kinds.
   */
  private static ObjectNode swagger2(Random random) {
    ObjectNode spec = JSON.createObjectNode().put("swagger", "2.0");
    spec.putObject("info").put("title", hostile(random)).put("version", "1").put("description", hostile(random));
    spec.put("host", "127.0.0.1:8080").put("basePath", "/" + name(random)).putArray("schemes").add("http");
    String tag = hostile(random);
    spec.putArray("tags").addObject().put("name", tag).put("description", hostile(random));
    ObjectNode definitions = spec.putObject("securityDefinitions");
    String key = name(random);
    definitions.putObject(key).put("type", "apiKey").put("in", "header").put("name", "X-" + name(random));
    String basic = name(random);
    definitions.putObject(basic).put("type", "basic").put("description", hostile(random));
    String oauth = name(random);
    String scope = name(random);
    definitions.putObject(oauth).put("type", "oauth2").put("flow", "application")
        .put("tokenUrl", "http://127.0.0.1:8080/" + hostile(random)).putObject("scopes").put(scope, hostile(random));

    String kind = name(random);
    String animal = componentName(random);
    ObjectNode schemas = spec.putObject("definitions");
    ObjectNode animalSchema = schemas.putObject(animal).put("type", "object").put("discriminator", kind);
    animalSchema.putArray("required").add(kind);
    ObjectNode animalProperties = animalSchema.putObject("properties");
    animalProperties.putObject(kind).put("type", "string");
    animalProperties.putObject(name(random)).put("type", "string").put("pattern", hostile(random));
    animalProperties.putObject(name(random)).put("type", "string").putArray("enum").add(hostile(random))
        .add(hostile(random));

    String pathParameter = name(random).replace("{", "").replace("}", "").replace("/", "");
    String collection = "/" + name(random).replace("{", "(").replace("}", ")");
    ObjectNode paths = spec.putObject("paths");
    ObjectNode post = paths.putObject(collection).putObject("post");
    post.putArray("tags").add(tag);
    post.put("operationId", hostile(random)).put("summary", hostile(random));
    post.putArray("consumes").add("application/json");
    post.putArray("produces").add("application/json");
    post.putArray("security").addObject().putArray(key);
    ArrayNode parameters = post.putArray("parameters");
    parameters.addObject().put("name", hostile(random)).put("in", "query").put("type", "string")
        .put("maxLength", 12).put("default", hostile(random));
    parameters.addObject().put("name", "X-" + hostile(random)).put("in", "header").put("required", true)
        .put("type", "integer").put("minimum", 2);
    parameters.addObject().put("name", name(random)).put("in", "body").put("required", true)
        .putObject("schema").put("$ref", "#/definitions/" + pointer(animal));
    ObjectNode responses = post.putObject("responses");
    ObjectNode created = responses.putObject("201").put("description", hostile(random));
    created.putObject("schema").put("$ref", "#/definitions/" + pointer(animal));
    created.putObject("headers").putObject(name(random)).put("type", "string").put("description", hostile(random));
    created.putObject("examples").putObject("application/json").put(kind, hostile(random));
    responses.putObject("429").put("description", hostile(random)).putObject("headers").putObject("Retry-After")
        .put("type", "integer");

    ObjectNode item = paths.putObject(collection + "/{" + pathParameter + "}");
    ObjectNode put = item.putObject("put");
    put.put("operationId", hostile(random)).putArray("consumes").add("application/x-www-form-urlencoded");
    ArrayNode security = put.putArray("security");
    security.addObject().putArray(basic);
    security.addObject().putArray(oauth).add(scope);
    ArrayNode putParameters = put.putArray("parameters");
    putParameters.addObject().put("name", pathParameter).put("in", "path").put("required", true)
        .put("type", "integer");
    putParameters.addObject().put("name", name(random)).put("in", "formData").put("required", true)
        .put("type", "string").put("maxLength", 5).put("description", hostile(random));
    put.putObject("responses").putObject("204").put("description", hostile(random));
    return spec;
  }

  private static String text(ObjectNode spec) {
    try {
      // as a spec file holds them: a lone surrogate can only be written escaped ("\ud800")
      return JSON.writerWithDefaultPrettyPrinter()
          .with(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature())
          .writeValueAsString(spec);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A component name: hostile, but within what a {@code $ref} can name once escaped as a JSON pointer and a URI
   * fragment (no control characters; the parsers take a fragment's {@code %} as an escape).
   */
  private static String componentName(Random random) {
    return name(random).replaceAll("[\\p{Cntrl}\\u0085\\u2028\\u2029%#\\s]", "_");
  }

  /** A name as one JSON pointer token. */
  private static String pointer(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  @ParameterizedTest(name = "hostile spec {0}")
  @MethodSource("specs")
  void generatesCompilableCodeOrSaysWhyAndWritesOnlyIntoItsDirectory(int index, String specText,
      @TempDir Path work) throws IOException {
    Path spec = work.resolve("spec.json");
    Files.writeString(spec, specText, StandardCharsets.UTF_8);
    Path out = work.resolve("out");
    GeneratorConfig config = GeneratorConfig.builder(spec, out)
        .basePackage("hostile.spec" + index)
        .specPathInTests(spec.toString())
        .includeDestructive(true)
        .secondIdentity(true)
        .useSpecServers(true)
        .reportDirectory(out.resolve("report"))
        .build();
    List<RenderedFile> files;
    try {
      files = CodexTestgen.render(config).files();
      GenerationResult result = CodexTestgen.generate(config);
      List<String> printed = new ArrayList<>(result.summary("spec.json", "out"));
      result.diagnostics().forEach(d -> printed.add(d.toString()));
      assertThat(printed).as("what a build prints, one line each; spec %d:%n%s", index, specText)
          .allSatisfy(line -> assertThat(line.chars().filter(c -> Character.isISOControl(c) || c == 0x2028
              || c == 0x2029)).as(line).isEmpty());
    } catch (GenerationException e) {
      assertThat(e.getMessage()).as("a diagnostic for spec %d:%n%s", index, specText).isNotBlank();
      // a refusal is about the spec (its syntax, a reference): not a failure to write what was generated
      assertThat(e.diagnostics()).as("spec %d refused, but not for the spec:%n%s", index, specText)
          .allSatisfy(d -> assertThat(d.file()).isEqualTo("spec.json"));
      System.out.printf("hostile spec %d: refused with a diagnostic: %s%n", index, e.getMessage().lines().findFirst()
          .orElse(""));
      return;
    } catch (RuntimeException | StackOverflowError e) {
      throw new AssertionError("spec " + index + " crashed the generator: " + e + "\n" + specText, e);
    }

    try (Stream<Path> written = Files.walk(work)) {
      assertThat(written.filter(Files::isRegularFile).map(path -> path.toAbsolutePath().normalize()))
          .as("every file in the output directory; spec %d:%n%s", index, specText)
          .allMatch(path -> path.startsWith(out.toAbsolutePath().normalize()) || path.equals(spec.toAbsolutePath()));
    }
    assertReportKeepsItsShape(Files.readString(out.resolve("report/report.md")), index, specText);
    try (GeneratedSuite suite = GeneratedSuite.compile(files, work.resolve("compiled"))) {
      assertThat(suite).isNotNull();
    } catch (AssertionError | RuntimeException e) {
      fail("spec %d does not compile: %s%n%s", index, e.getMessage(), specText);
    }
    COMPILED.incrementAndGet();
    String dump = System.getProperty("codex.hostile.dump");
    if (dump != null) {
      Files.createDirectories(Path.of(dump));
      Files.writeString(Path.of(dump, "spec" + index + ".json"), specText, StandardCharsets.UTF_8);
      for (RenderedFile file : files) {
        Path target = Path.of(dump, "spec" + index).resolve(file.relativePath());
        Files.createDirectories(target.getParent());
        Files.writeString(target, file.content(), StandardCharsets.UTF_8);
      }
    }
    for (RenderedFile file : files) {
      String code = code(file.content());
      for (int at = code.indexOf(MARK); at >= 0; at = code.indexOf(MARK, at + 1)) {
        int start = at;
        while (start > 0 && Character.isJavaIdentifierPart(code.charAt(start - 1))) {
          start--;
        }
        assertThat(Character.isJavaIdentifierStart(code.charAt(start)))
            .as("spec text outside a literal or comment in %s at '%s'; spec %d:%n%s", file.relativePath(),
                code.substring(Math.max(0, at - 30), Math.min(code.length(), at + 30)), index, specText)
            .isTrue();
      }
    }
  }

  /**
   * The report a reviewer reads: no control character or line separator from the spec, and every row of the
   * operations table has as many cells as its header (a pipe or line break in spec text would shift them).
   */
  private static void assertReportKeepsItsShape(String report, int index, String specText) {
    assertThat(report.chars().filter(c -> c != '\n' && (Character.isISOControl(c) || c == 0x2028 || c == 0x2029)))
        .as("control characters in report.md of spec %d:%n%s", index, specText).isEmpty();
    List<String> table = report.lines().dropWhile(line -> !line.equals("### Operations")).skip(2)
        .takeWhile(line -> line.startsWith("|")).toList();
    long cells = cells(table.get(0));
    assertThat(table).as("report.md's operations table of spec %d:%n%s", index, specText)
        .allSatisfy(row -> assertThat(cells(row)).as(row).isEqualTo(cells));
  }

  private static long cells(String row) {
    return java.util.regex.Pattern.compile("(?<!\\\\)\\|").matcher(row).results().count();
  }

  /** The case reported: a property name with U+2028, whose row's body location was written with a raw line break. */
  @org.junit.jupiter.api.Test
  void aLineSeparatorInAPropertyNameStaysInsideItsLiterals(@TempDir Path work) throws IOException {
    Path spec = work.resolve("spec.yaml");
    Files.writeString(spec, String.join("\n", "openapi: 3.0.3", "info: {title: t, version: '1'}", "paths:",
        "  /things:", "    post:", "      operationId: createThing", "      requestBody:", "        required: true",
        "        content:", "          application/json:", "            schema:", "              type: object",
        "              required: [\"a\\u2028b\"]", "              properties:",
        "                \"a\\u2028b\": {type: string, maxLength: 5}", "      responses:",
        "        '201': {description: ok}", ""), StandardCharsets.UTF_8);
    List<RenderedFile> files = CodexTestgen.render(GeneratorConfig.builder(spec, work.resolve("out"))
        .basePackage("hostile.separator").specPathInTests(spec.toString()).build()).files();

    String tests = files.stream().filter(f -> f.relativePath().endsWith("ThingsApiIT.java")).findFirst()
        .orElseThrow().content();
    assertThat(tests).contains("\"/a\\u2028b\"").doesNotContain("\u2028");
    try (GeneratedSuite suite = GeneratedSuite.compile(files, work.resolve("compiled"))) {
      assertThat(suite).isNotNull();
    }
  }

  @org.junit.jupiter.api.AfterAll
  static void mostSpecsReachedTheCompiler() {
    assertThat(COMPILED.get()).as("specs generated and compiled, of %d", CASES).isGreaterThanOrEqualTo(CASES / 2);
  }

  /** The source without its string, text-block and char literals and its comments: what javac reads as code. */
  static String code(String source) {
    StringBuilder code = new StringBuilder(source.length());
    int i = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (source.startsWith("\"\"\"", i)) {
        int end = i + 3;
        while (end < source.length() && !source.startsWith("\"\"\"", end)) {
          end += source.charAt(end) == '\\' ? 2 : 1;
        }
        i = end + 3;
        code.append("\"\"");
      } else if (c == '"' || c == '\'') {
        int end = i + 1;
        while (end < source.length() && source.charAt(end) != c) {
          end += source.charAt(end) == '\\' ? 2 : 1;
        }
        i = end + 1;
        code.append(c).append(c);
      } else if (source.startsWith("//", i)) {
        int end = source.indexOf('\n', i);
        i = end < 0 ? source.length() : end;
      } else if (source.startsWith("/*", i)) {
        int end = source.indexOf("*/", i + 2);
        i = end < 0 ? source.length() : end + 2;
        code.append(' ');
      } else {
        code.append(c);
        i++;
      }
    }
    return code.toString();
  }
}
