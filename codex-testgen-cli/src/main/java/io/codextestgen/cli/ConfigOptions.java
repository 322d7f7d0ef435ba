package io.codextestgen.cli;

import io.codextestgen.config.ConfigInput;
import io.codextestgen.config.GeneratorConfig;
import io.codextestgen.config.LlmSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options both commands share, mapped onto {@link GeneratorConfig}; every default lives in the core. */
final class ConfigOptions {

  @Option(names = {"-s", "--spec"}, paramLabel = "FILE",
      description = "OpenAPI 3.x or Swagger 2.0 file, YAML or JSON (default: src/main/resources/openapi.yaml, .yml or"
          + " .json, whichever there is)")
  Path spec;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR",
      description = "Directory of the generated sources (default: src/test/codex-testgen)")
  Path output;

  @Option(names = {"-p", "--package"}, paramLabel = "NAME",
      description = "Java package (default: " + GeneratorConfig.DEFAULT_PACKAGE + ")")
  String basePackage;

  @Option(names = "--spec-path-in-tests", paramLabel = "PATH",
      description = "Where the tests find the spec at run time, relative to where they run (default: the spec "
          + "path as given)")
  String specPathInTests;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of synthesized values (default: 0)")
  Long seed;

  @Option(names = "--families", split = ",", paramLabel = "FAMILY",
      description = "Families to generate: valid, auth, malformed, rate-limit, flow, semantics (default: all)")
  List<String> families;

  @Option(names = "--include-destructive", description = "Also test destructive operations (DELETE)")
  boolean includeDestructive;

  @Option(names = "--include-deprecated", description = "Also test deprecated operations")
  boolean includeDeprecated;

  @Option(names = "--second-identity", description = "Also test object-level authorization: another identity's"
      + " request for an item the first created (credentials from codex.auth2.<scheme> at run time)")
  boolean secondIdentity;

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

  @Option(names = "--llm-mode", paramLabel = "MODE",
      description = "LLM refinement: off, replay, record or refresh (default: off)")
  String llmMode;

  @Option(names = "--llm-endpoint", paramLabel = "URL",
      description = "OpenAI-compatible base URL, e.g. https://api.openai.com/v1 or http://127.0.0.1:11434/v1")
  String llmEndpoint;

  @Option(names = "--llm-model", paramLabel = "NAME", description = "The model, e.g. gpt-4.1-mini or llama3.1")
  String llmModel;

  @Option(names = "--llm-lock-file", paramLabel = "FILE",
      description = "The committed record of the model's answers (default: codex-testgen.llm.lock.json)")
  Path llmLockFile;

  @Option(names = "--diff-file", paramLabel = "FILE",
      description = "check: also write the whole diff here (the message shows its first lines)")
  Path diffFile;

  /** Each setting's option, for messages; the CLI has no option for the settings it leaves out. */
  private static final Map<String, String> OPTIONS = Map.ofEntries(
      Map.entry("specFile", "--spec"), Map.entry("outputDirectory", "--output"),
      Map.entry("basePackage", "--package"), Map.entry("specPathInTests", "--spec-path-in-tests"),
      Map.entry("seed", "--seed"), Map.entry("families", "--families"),
      Map.entry("includeDestructive", "--include-destructive"), Map.entry("includeDeprecated", "--include-deprecated"),
      Map.entry("secondIdentity", "--second-identity"),
      Map.entry("useSpecServers", "--use-spec-servers"), Map.entry("remoteRefAllowList", "--allow-remote-ref"),
      Map.entry("refMappings", "--ref-mapping"), Map.entry("reportDirectory", "--report"),
      Map.entry("fixtures", "--fixture"), Map.entry("llmMode", "--llm-mode"), Map.entry("llmEndpoint", "--llm-endpoint"),
      Map.entry("llmModel", "--llm-model"), Map.entry("llmLockFile", "--llm-lock-file"));

  /**
   * The options through the core's one mapping, which the Maven plugin shares: relative paths resolve against the
   * working directory; a problem names its option. The API key comes from the environment
   * ({@value LlmSettings#DEFAULT_API_KEY_ENV}), never an option.
   */
  GeneratorConfig config() {
    return ConfigInput.in(Path.of(""))
        .specFile(spec)
        .outputDirectory(output)
        .basePackage(basePackage)
        .specPathInTests(specPathInTests)
        .seed(seed)
        .families(families)
        .includeDestructive(includeDestructive)
        .includeDeprecated(includeDeprecated)
        .secondIdentity(secondIdentity)
        .useSpecServers(useSpecServers)
        .remoteRefAllowList(remoteRefAllowList)
        .refMappings(refMappings)
        .reportDirectory(reportDirectory)
        .fixtures(fixtures)
        .llmMode(llmMode)
        .llmEndpoint(llmEndpoint)
        .llmModel(llmModel)
        .llmLockFile(llmLockFile)
        .toConfig(setting -> OPTIONS.getOrDefault(setting, setting));
  }
}
