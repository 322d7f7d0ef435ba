package io.codextestgen.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.codextestgen.diag.Diagnostic;
import io.codextestgen.diag.GenerationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one mapping of front-end input onto the configuration: defaults, parsing, every problem named at once. */
class ConfigInputTest {

  @TempDir Path project;

  @Test
  void defaultsComeFromTheProjectsConventionalPlaces() throws IOException {
    Files.createDirectories(project.resolve("src/main/resources"));
    Files.writeString(project.resolve("src/main/resources/openapi.yml"), "openapi: 3.0.3\n");

    GeneratorConfig config = ConfigInput.in(project).llmMode("replay").llmModel("m").toConfig(s -> s);

    assertThat(config.specFile()).isEqualTo(project.resolve("src/main/resources/openapi.yml").toAbsolutePath());
    assertThat(config.specPathInTests()).isEqualTo("src/main/resources/openapi.yml");
    assertThat(config.outputDirectory()).isEqualTo(project.resolve("src/test/codex-testgen").toAbsolutePath());
    assertThat(config.families()).isEqualTo(Family.all());
    assertThat(config.llm().lockFile()).isEqualTo(project.resolve("codex-testgen.llm.lock.json").toAbsolutePath());
    assertThat(config.llm().families()).isEqualTo(LlmSettings.ALLOWED_FAMILIES);
  }

  @Test
  void everyProblemIsReportedAtOnceNamedAsTheFrontEndNamesIt() {
    GenerationException e = catchThrowableOfType(GenerationException.class, () -> ConfigInput.in(project)
        .basePackage("Not-A-Package")
        .families(List.of("valid", "fuzz"))
        .rateLimits(Map.of("listPets", "ten a minute"))
        .malformedStatuses(Map.of("createPet", "4xx"))
        .refMappings(List.of("no-equals-sign"))
        .llmMode("sometimes")
        .toConfig(setting -> "<" + setting + ">"));

    assertThat(e.diagnostics()).extracting(Diagnostic::location).containsExactlyInAnyOrder("<specFile>",
        "<refMappings>", "<malformedStatuses>", "<rateLimits>", "<families>", "<llmMode>", "<basePackage>");
    assertThat(e.getMessage()).contains("'fuzz' is not a test family: use valid, auth, malformed, rate-limit, flow,"
        + " semantics").contains("listPets: 'ten a minute' is not a rate limit")
        .contains("createPet: '4xx' is not a comma-separated list of HTTP status codes")
        .contains("not set, and the project has none of src/main/resources/openapi.yaml");
  }

  @Test
  void familiesAreReadWhateverTheirCaseAndTheModelMayOnlyTouchValidAndMalformed() throws IOException {
    Path spec = Files.writeString(project.resolve("api.yaml"), "openapi: 3.0.3\n");
    GeneratorConfig config = ConfigInput.in(project).specFile(Path.of("api.yaml"))
        .families(List.of(" Rate-Limit", "valid")).toConfig(s -> s);
    assertThat(config.families()).containsExactly(Family.VALID, Family.RATE_LIMIT);
    assertThat(config.specFile()).isEqualTo(spec.toAbsolutePath());

    GenerationException e = catchThrowableOfType(GenerationException.class, () -> ConfigInput.in(project)
        .specFile(Path.of("api.yaml")).llmMode("replay").llmModel("m").llmFamilies(List.of("auth"))
        .toConfig(setting -> "--" + setting));
    assertThat(e.diagnostics()).extracting(Diagnostic::location).containsExactly("--llmFamilies");
  }
}
