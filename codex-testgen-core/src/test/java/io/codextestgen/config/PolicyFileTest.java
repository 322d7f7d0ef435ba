package io.codextestgen.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.codextestgen.diag.GenerationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyFileTest {

  @TempDir Path dir;

  @Test
  void expectationsNextToTheSpecAreMergedAndTheBuildWins() throws IOException {
    Files.writeString(dir.resolve("codex-testgen.yaml"), """
        operations:
          createBook:
            malformedStatuses: [422]
            allowUnknownProperties: true
          listBooks:
            rateLimit: 80
            malformedStatuses: [400]
          getBook:
            rateLimit: 100/1m
        """);
    GeneratorConfig config = GeneratorConfig.builder(dir.resolve("openapi.yaml"), dir)
        .malformedStatuses(Map.of("listBooks", List.of(409))).build();

    GeneratorConfig merged = PolicyFile.apply(config);

    assertThat(merged.malformedStatuses()).containsEntry("createBook", List.of(422))
        .containsEntry("listBooks", List.of(409));
    assertThat(merged.rateLimits()).containsEntry("listBooks", RateLimit.of(80))
        .containsEntry("getBook", new RateLimit(100, 60));
    assertThat(merged.allowUnknownProperties()).containsExactly("createBook");
  }

  @Test
  void parametersAndBodiesOfValidRequestsComeFromTheFile() throws IOException {
    Files.writeString(dir.resolve("codex-testgen.yaml"), """
        operations:
          getAlerts:
            parameters:
              filter: 'alertname="x"'
              limit: 5
          postSilences:
            body:
              comment: maintenance
              matchers: [{name: alertname, value: x}]
        """);
    GeneratorConfig config = GeneratorConfig.builder(dir.resolve("openapi.yaml"), dir)
        .fixtures(Map.of("getAlerts.limit", "7")).build();

    GeneratorConfig merged = PolicyFile.apply(config);

    assertThat(merged.fixture("getAlerts", "filter")).isEqualTo("alertname=\"x\"");
    assertThat(merged.fixture("getAlerts", "limit")).as("the build wins").isEqualTo("7");
    assertThat(merged.requestBody("postSilences"))
        .isEqualTo("{\"comment\":\"maintenance\",\"matchers\":[{\"name\":\"alertname\",\"value\":\"x\"}]}");
    assertThat(merged.requestBody("getAlerts")).isNull();
  }

  @Test
  void aParameterThatIsNotAValueIsLocated() throws IOException {
    Files.writeString(dir.resolve("codex-testgen.yaml"), """
        operations:
          getAlerts:
            parameters:
              filter: [a, b]
        """);

    GenerationException e = catchThrowableOfType(GenerationException.class,
        () -> PolicyFile.apply(GeneratorConfig.builder(dir.resolve("openapi.yaml"), dir).build()));

    assertThat(e.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.file() + ": " + d.location()).isEqualTo("codex-testgen.yaml: operations.getAlerts.parameters.filter");
      assertThat(d.message()).contains("string, number or boolean");
    });
  }

  @Test
  void mistakesAreLocatedInTheFile() throws IOException {
    Files.writeString(dir.resolve("codex-testgen.yaml"), """
        operations:
          createBook:
            malformedStatus: [422]
            rateLimit: many
          listBooks:
            rateLimit: 80/2x
        """);

    GenerationException e = catchThrowableOfType(GenerationException.class,
        () -> PolicyFile.apply(GeneratorConfig.builder(dir.resolve("openapi.yaml"), dir).build()));

    assertThat(e.diagnostics()).extracting(d -> d.file() + ": " + d.location()).containsExactly(
        "codex-testgen.yaml: operations.createBook.malformedStatus",
        "codex-testgen.yaml: operations.createBook.rateLimit",
        "codex-testgen.yaml: operations.listBooks.rateLimit");
    assertThat(e.diagnostics().get(2).message()).isEqualTo("'80/2x' is not a rate limit: use " + RateLimit.FORMAT);
  }

  @Test
  void noFileNoChange() {
    GeneratorConfig config = GeneratorConfig.builder(dir.resolve("openapi.yaml"), dir).build();

    assertThat(PolicyFile.apply(config)).isSameAs(config);
  }
}
