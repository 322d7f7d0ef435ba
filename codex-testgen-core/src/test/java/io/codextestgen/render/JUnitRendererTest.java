package io.codextestgen.render;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.codextestgen.plan.BodyPlan;
import io.codextestgen.plan.ExpectationPlan;
import io.codextestgen.plan.NameValue;
import io.codextestgen.plan.RateLimitCaps;
import io.codextestgen.plan.RequestPlan;
import io.codextestgen.plan.SupportPlan;
import io.codextestgen.plan.TestCasePlan;
import io.codextestgen.plan.TestClassPlan;
import io.codextestgen.plan.TestPlan;
import io.codextestgen.testing.GeneratedSuite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The renderer from a hand-written plan (no OpenAPI involved): spec text full of Java syntax and unicode escapes
 * ends up as data, byte for byte, never as code.
 */
class JUnitRendererTest {

  /** Text that breaks naive code generation: quotes, comment ends, unicode escapes javac would decode. */
  private static final String HOSTILE = "a\"b */ c\\u000a d\\u0022 \"\"\" e\\ f $L ${x} \t";

  @TempDir Path work;

  private static TestPlan plan() {
    String body = "{\n  \"note\": \"" + HOSTILE.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t")
        + "\",\n  \"end\": \"\\\"\"\n}\n";
    RequestPlan request = new RequestPlan("POST", "/things/{id}",
        List.of(new NameValue("id", "x y")),
        List.of(new NameValue("q", HOSTILE)),
        List.of(new NameValue("X-Note", HOSTILE.replace("\t", " ").trim())),
        List.of(),
        List.of(),
        new BodyPlan("application/json", BodyPlan.Kind.JSON, body, List.of(), List.of()));
    TestCasePlan testCase = TestCasePlan.single("createThing_valid", "POST /things: " + HOSTILE, "valid",
        "createThing", "#/paths/~1things*/\\u000a", request, new ExpectationPlan(List.of(200), List.of(), List.of()),
        true);
    SupportPlan support = new SupportPlan("ApiTestSupport", "spec*/\\u000a.yaml", "spec.yaml", null,
        List.of(), List.of("Authorization"), true, new RateLimitCaps(500, 8, 60));
    return new TestPlan("hostile", support,
        List.of(new TestClassPlan("ThingsApiIT", "things */ \\u000a", List.of(testCase))), List.of(), List.of(),
        "Things", List.of(), List.of());
  }

  @Test
  void thePlanIsJsonSerializable() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    TestPlan plan = plan();

    TestPlan back = mapper.readValue(mapper.writeValueAsString(plan), TestPlan.class);

    assertThat(back).isEqualTo(plan);
    assertThat(JUnitRenderer.render(back)).isEqualTo(JUnitRenderer.render(plan));
  }

  @Test
  void hostileSpecTextStaysDataAndReachesTheServerUnchanged() throws Exception {
    TestPlan plan = plan();
    List<RenderedFile> files = JUnitRenderer.render(plan);
    Files.writeString(work.resolve("spec.yaml"), """
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /things/{id}:
            post:
              parameters: [ { name: id, in: path, required: true, schema: { type: string } } ]
              responses: { '200': { description: ok } }
        """, StandardCharsets.UTF_8);

    WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    try (GeneratedSuite suite = GeneratedSuite.compile(files, work.resolve("build"))) {
      server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

      Map<String, GeneratedSuite.Outcome> outcomes = suite.run(Map.of(
          "codex.baseUri", "http://127.0.0.1:" + server.port(),
          "codex.specPath", work.resolve("spec.yaml").toString()));

      assertThat(outcomes).containsOnlyKeys("createThing_valid");
      assertThat(outcomes.get("createThing_valid").passed()).as(outcomes.toString()).isTrue();
      assertThat(outcomes.get("createThing_valid").displayName()).as("JUnit trims display names")
          .isEqualTo(("POST /things: " + HOSTILE).strip());
      LoggedRequest received = server.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()))
          .get(0);
      RequestPlan sent = plan.classes().get(0).cases().get(0).request();
      assertThat(received.getUrl()).startsWith("/things/x%20y?");
      assertThat(received.queryParameter("q").firstValue()).isEqualTo(HOSTILE);
      assertThat(received.getHeader("X-Note")).isEqualTo(sent.headers().get(0).value());
      assertThat(received.getBodyAsString()).isEqualTo(sent.body().text());
    } finally {
      server.stop();
    }
  }
}
