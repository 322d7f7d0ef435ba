package io.codextestgen.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.codextestgen.CodexTestgen;
import io.codextestgen.GenerationResult;
import io.codextestgen.config.GeneratorConfig;
import io.codextestgen.config.LlmSettings;
import io.codextestgen.diag.Diagnostic;
import io.codextestgen.diag.GenerationException;
import io.codextestgen.render.RenderedFile;
import io.codextestgen.testing.GeneratedSuite;
import io.codextestgen.testing.Specs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model proposes data through an OpenAI-compatible endpoint (WireMock on 127.0.0.1); the generator decides. */
class LlmRefinementTest {

  private static final String SPEC = """
      openapi: 3.0.3
      info: { title: Library, version: '1' }
      servers: [ { url: 'https://internal.example.invalid/api' } ]
      paths:
        /books:
          post:
            operationId: createBook
            summary: Adds a book. Ops note - use api_key=SECRET-123 or Bearer abc.def.ghi against https://admin.example.invalid
            requestBody:
              required: true
              content:
                application/json:
                  schema:
                    type: object
                    required: [title, pages]
                    properties:
                      title: { type: string, minLength: 1, maxLength: 100 }
                      pages: { type: integer, minimum: 1, maximum: 5000 }
                      published: { type: string, format: date }
            responses: { '201': { description: created }, '400': { description: bad } }
      """;

  private static final String PROPOSALS = """
      {"proposals":[
       {"operationId":"createBook","family":"valid","location":"body","target":"/pages","value":"5000",
        "expectedStatusClass":"2xx","semanticRule":false,"rationale":"the largest page count allowed"},
       {"operationId":"createBook","family":"malformed","location":"body","target":"/published","value":"\\"2999-01-01\\"",
        "expectedStatusClass":"4xx","semanticRule":true,"rationale":"a book cannot be published in the future"},
       {"operationId":"createBook","family":"valid","location":"body","target":"/pages","value":"5001",
        "expectedStatusClass":"2xx","semanticRule":false,"rationale":"breaks maximum, so not valid"},
       {"operationId":"createBook","family":"valid","location":"body","target":"/nope/deeper","value":"1",
        "expectedStatusClass":"2xx","semanticRule":false,"rationale":"no such place"},
       {"operationId":"createBook","family":"malformed","location":"body","target":"/title","value":"\\"fine\\"",
        "expectedStatusClass":"4xx","semanticRule":false,"rationale":"breaks nothing"},
       {"operationId":"deleteEverything","family":"valid","location":"query","target":"x","value":"1",
        "expectedStatusClass":"2xx","semanticRule":false,"rationale":"not an operation"},
       {"operationId":"createBook","family":"malformed","location":"body","target":"/pages","value":"5001",
        "expectedStatusClass":"4xx","semanticRule":false,"rationale":"already planned by the generator"},
       {"operationId":"createBook","family":"valid","location":"body","target":"/title","value":"\\"*/ x \\\\u000a\\"",
        "expectedStatusClass":"2xx","semanticRule":false,"rationale":"hostile text stays a literal */"}
      ]}""";

  @TempDir Path dir;
  WireMockServer model;
  int port;

  @BeforeEach
  void start() {
    model = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    model.start();
    port = model.port();
  }

  @AfterEach
  void stop() {
    model.stop();
  }

  private static String completion(String content, String finishReason) throws IOException {
    var root = new ObjectMapper().createObjectNode();
    var choice = root.putArray("choices").addObject().put("finish_reason", finishReason);
    choice.putObject("message").put("role", "assistant").put("content", content);
    root.putObject("usage").put("total_tokens", 321);
    return root.toString();
  }

  private GeneratorConfig config(LlmSettings.Mode mode, Duration timeout) {
    Path spec = Specs.write(dir, SPEC);
    return GeneratorConfig.builder(spec, dir.resolve("out")).basePackage("llm.tests")
        .llm(new LlmSettings(mode, "http://127.0.0.1:" + port + "/v1", "test-model",
            dir.resolve("codex-testgen.llm.lock.json"), Set.of(io.codextestgen.config.Family.VALID,
            io.codextestgen.config.Family.MALFORMED), List.of(), 10, 100_000, timeout,
            () -> "sk-test-secret"))
        .build();
  }

  private static String sources(CodexTestgen.Generated generated) {
    return generated.files().stream().map(RenderedFile::content).collect(Collectors.joining("\n"));
  }

  /** What generate wrote (only generate asks the model): the sources, joined, and the diagnostics. */
  private record Written(String sources, List<Diagnostic> diagnostics) {}

  private Written generate(GeneratorConfig config) throws IOException {
    GenerationResult result = CodexTestgen.generate(config);
    StringBuilder sources = new StringBuilder();
    try (var files = Files.walk(config.outputDirectory())) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        sources.append(Files.readString(file)).append('\n');
      }
    }
    return new Written(sources.toString(), result.diagnostics());
  }

  @Test
  void recordedProposalsAreValidatedRenderedAndReplayedOfflineByteForByte() throws IOException {
    model.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(completion(PROPOSALS, "stop"))));
    Path lockFile = dir.resolve("codex-testgen.llm.lock.json");

    GenerationResult recorded = CodexTestgen.generate(config(LlmSettings.Mode.RECORD, Duration.ofSeconds(5))
        .toBuilder().reportDirectory(dir.resolve("report")).build());
    model.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    String lock = Files.readString(lockFile);
    assertThat(lock).contains("\"model\" : \"test-model\"").doesNotContain("sk-test-secret");
    assertThat(recorded.diagnostics()).extracting(Diagnostic::message)
        .anyMatch(m -> m.contains("rejected") && m.contains("the 'valid' value breaks [maximum]"))
        .anyMatch(m -> m.contains("no property at /nope/deeper"))
        .anyMatch(m -> m.contains("breaks no constraint and is not marked as a stated rule"))
        .anyMatch(m -> m.contains("names operation 'deleteEverything'"))
        .anyMatch(m -> m.contains("a duplicate of a case already planned"));
    assertThat(Files.readString(dir.resolve("report/report.md"))).contains("### LLM proposals rejected (not rendered)")
        .contains("the 'valid' value breaks \\[maximum\\]"); // escaped for Markdown: it shows as [maximum]

    LoggedRequest sent = model.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))).get(0);
    assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer sk-test-secret");
    model.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
        .withRequestBody(matchingJsonPath("$.model", equalTo("test-model")))
        .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_schema")))
        .withRequestBody(matchingJsonPath("$.response_format.json_schema.strict", equalTo("true"))));
    assertThat(sent.getBodyAsString()).doesNotContain("SECRET-123").doesNotContain("abc.def.ghi")
        .doesNotContain("admin.example.invalid").doesNotContain("internal.example.invalid")
        .contains("<untrusted-spec>");

    model.stop(); // replay, render and check make no network call
    CodexTestgen.Generated replayed = CodexTestgen.render(config(LlmSettings.Mode.REPLAY, Duration.ofSeconds(5)));
    String code = sources(replayed);
    assertThat(code).contains("@Tag(\"llm-suggested\")")
        .contains("LLM-suggested: the largest page count allowed")
        .contains("LLM-suggested: a book cannot be published in the future")
        .contains("LLM-suggested: hostile text stays a literal */")
        .contains("model test-model, lock ")
        .doesNotContain("breaks maximum, so not valid").doesNotContain("no such place")
        .doesNotContain("breaks nothing").doesNotContain("not an operation")
        .doesNotContain("already planned by the generator");
    GeneratedSuite.compile(replayed.files(), dir.resolve("build")).close();
    assertThat(CodexTestgen.render(config(LlmSettings.Mode.RECORD, Duration.ofSeconds(5))).files())
        .as("render in record mode replays too").isEqualTo(replayed.files());
    assertThat(CodexTestgen.check(config(LlmSettings.Mode.REFRESH, Duration.ofSeconds(5))).upToDate())
        .as("what generate wrote is what the lock file replays").isTrue();
    assertThat(Files.readString(lockFile)).isEqualTo(lock);

    LlmSettings record = config(LlmSettings.Mode.RECORD, Duration.ofSeconds(5)).llm();
    Files.writeString(dir.resolve("openapi.yaml"), SPEC.replace("maximum: 5000", "maximum: 4000"));
    GeneratorConfig changed = GeneratorConfig.builder(dir.resolve("openapi.yaml"), dir.resolve("out"))
        .basePackage("llm.tests").llm(record).build();
    GenerationException missing = catchThrowableOfType(GenerationException.class, () -> CodexTestgen.check(changed));
    assertThat(missing.getMessage()).contains("no recorded LLM answer for operation createBook")
        .contains("-Dcodex-testgen.llm.mode=record");
    assertThat(Files.readString(lockFile)).as("check writes nothing, even in record mode").isEqualTo(lock);
  }

  @Test
  void aFailedGenerationWritesNeitherSourcesNorTheLockFile() throws IOException {
    model.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(completion(PROPOSALS, "stop"))));
    Path out = dir.resolve("out");
    Files.createDirectories(out.resolve("llm"));
    Files.writeString(out.resolve("llm/tests"), "a file where the package directory must go");
    GeneratorConfig config = config(LlmSettings.Mode.RECORD, Duration.ofSeconds(5));

    catchThrowableOfType(GenerationException.class, () -> CodexTestgen.generate(config));

    model.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    assertThat(dir.resolve("codex-testgen.llm.lock.json")).doesNotExist();
  }

  @Test
  void retriesHonourRetryAfterOn429And5xxButNotOn4xx() throws IOException {
    model.stubFor(post(urlEqualTo("/v1/chat/completions")).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("free"));
    model.stubFor(post(urlEqualTo("/v1/chat/completions")).inScenario("busy").whenScenarioStateIs("free")
        .willReturn(aResponse().withStatus(200).withBody(completion(PROPOSALS, "stop"))));
    long start = System.nanoTime();
    String code = generate(config(LlmSettings.Mode.RECORD, Duration.ofSeconds(5))).sources();
    assertThat(code).contains("LLM-suggested: the largest page count allowed");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    model.verify(2, postRequestedFor(urlEqualTo("/v1/chat/completions")));

    model.resetAll();
    Files.deleteIfExists(dir.resolve("codex-testgen.llm.lock.json"));
    model.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(503)));
    Written unavailable = generate(config(LlmSettings.Mode.RECORD, Duration.ofSeconds(5)));
    model.verify(3, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    assertThat(unavailable.diagnostics()).extracting(Diagnostic::message)
        .anyMatch(m -> m.contains("no suggestions: the model API answered 503 3 times"));
    assertThat(unavailable.sources()).as("deterministic generation goes on").contains("createBook_valid")
        .doesNotContain("llm-suggested");

    model.resetAll();
    model.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(400)));
    generate(config(LlmSettings.Mode.RECORD, Duration.ofSeconds(5)));
    model.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
  }

  @Test
  void timeoutsTruncatedAnswersAndRefusalsSkipTheOperation() throws IOException {
    model.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
        .withFixedDelay(2500).withBody(completion(PROPOSALS, "stop"))));
    assertThat(generate(config(LlmSettings.Mode.RECORD, Duration.ofSeconds(1))).diagnostics())
        .extracting(Diagnostic::message).anyMatch(m -> m.contains("no suggestions: no answer from"));

    model.resetAll();
    model.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
        .withBody(completion(PROPOSALS.substring(0, 80), "length"))));
    assertThat(generate(config(LlmSettings.Mode.RECORD, Duration.ofSeconds(5))).diagnostics())
        .extracting(Diagnostic::message).anyMatch(m -> m.contains("cut off"));

    model.resetAll();
    model.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
        .withBody("{\"choices\":[{\"message\":{\"refusal\":\"I cannot help with that\"},\"finish_reason\":\"stop\"}]}")));
    assertThat(generate(config(LlmSettings.Mode.RECORD, Duration.ofSeconds(5))).diagnostics())
        .extracting(Diagnostic::message).anyMatch(m -> m.contains("the model refused: I cannot help with that"));
  }
}
