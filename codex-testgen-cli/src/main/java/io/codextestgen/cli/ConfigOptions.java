package io.codextestgen.cli;

import io.codextestgen.config.GeneratorConfig;
import io.codextestgen.config.LlmSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine.Option;

/** The options both commands share, mapped onto {@link GeneratorConfig}; every default lives in the core. */
final class ConfigOptions {

  @Option(names = {"-s", "--spec"}, required = true, paramLabel = "FILE",
      description = "OpenAPI 3.x or Swagger 2.0 file, YAML or JSON")
  Path spec;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
      description = "Directory of the generated sources, e.g. src/test/codex-testgen")
  Path output;

  @Option(names = {"-p", "--package"}, paramLabel = "NAME", description = "Java package (default: apitests)")
  String basePackage = GeneratorConfig.DEFAULT_PACKAGE;

  @Option(names = "--spec-path-in-tests", paramLabel = "PATH",
      description = "Where the tests find the spec at run time, relative to where they run (default: the spec "
          + "path as given)")
  String specPathInTests;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of synthesized values (default: 0)")
  long seed;

  @Option(names = "--families", split = ",", paramLabel = "FAMILY",
      description = "Families to generate: valid, auth, malformed, rate-limit, flow, semantics (default: all)")
  List<String> families;

  @Option(names = "--include-destructive", description = "Also test destructive operations (DELETE)")
  boolean includeDestructive;

  @Option(names = "--include-deprecated", description = "Also test deprecated operations")
  boolean includeDeprecated;

  @Option(names = "--use-spec-servers",
      description = "Let the suite fall back to the spec's first server URL when no base URI is given")
  boolean useSpecServers;

  @Option(names = "--allow-remote-ref", paramLabel = "URL_PREFIX",
      description = "Allow remote $refs under this prefix (repeatable; default: none, no network access)")
  List<String> remoteRefAllowList = new ArrayList<>();

  @Option(names = "--ref-mapping", paramLabel = "URL_PREFIX=PATH",
      description = "Read $refs under this URL prefix from a local directory or file instead (repeatable)")
  List<String> refMappings = new ArrayList<>();

  @Option(names = "--report", paramLabel = "DIR", description = "Write report.md and report.json here")
  Path reportDirectory;

  @Option(names = "--fixture", paramLabel = "NAME=VALUE",
      description = "Value of a parameter the suite cannot create, by name or operationId.name (repeatable)")
  java.util.Map<String, String> fixtures = new java.util.LinkedHashMap<>();

  @Option(names = "--llm-mode", paramLabel = "MODE", defaultValue = "off",
      description = "LLM refinement: off, replay, record or refresh (default: off)")
  String llmMode;

  @Option(names = "--llm-endpoint", paramLabel = "URL",
      description = "OpenAI-compatible base URL, e.g. https://api.openai.com/v1 or http://127.0.0.1:11434/v1")
  String llmEndpoint;

  @Option(names = "--llm-model", paramLabel = "NAME", description = "The model, e.g. gpt-4.1-mini or llama3.1")
  String llmModel;

  @Option(names = "--llm-lock-file", paramLabel = "FILE", defaultValue = "codex-testgen.llm.lock.json",
      description = "The committed record of the model's answers (default: ${DEFAULT-VALUE})")
  Path llmLockFile;

  GeneratorConfig config() {
    return GeneratorConfig.builder(spec, output)
        .basePackage(basePackage)
        .specPathInTests(specPathInTests != null ? specPathInTests : spec.toString())
        .seed(seed)
        .families(families == null ? null : new LinkedHashSet<>(families))
        .includeDestructive(includeDestructive)
        .includeDeprecated(includeDeprecated)
        .useSpecServers(useSpecServers)
        .remoteRefAllowList(remoteRefAllowList)
        .refMappings(GeneratorConfig.refMappings(refMappings, Path.of("")))
        .reportDirectory(reportDirectory)
        .fixtures(fixtures)
        .llm(llm())
        .build();
  }

  /** The API key comes from the environment ({@value LlmSettings#DEFAULT_API_KEY_ENV}), never an option. */
  private LlmSettings llm() {
    LlmSettings.Mode mode;
    try {
      mode = LlmSettings.Mode.parse(llmMode);
    } catch (IllegalArgumentException e) {
      throw new io.codextestgen.diag.GenerationException(io.codextestgen.diag.Diagnostic.error("", "--llm-mode",
          "'" + llmMode + "' is not one of off, replay, record, refresh"));
    }
    return mode == LlmSettings.Mode.OFF ? LlmSettings.OFF
        : new LlmSettings(mode, llmEndpoint, llmModel, llmLockFile, LlmSettings.ALLOWED_FAMILIES, List.of(), 50,
            200_000, java.time.Duration.ofSeconds(60), () -> System.getenv(LlmSettings.DEFAULT_API_KEY_ENV));
  }
}
