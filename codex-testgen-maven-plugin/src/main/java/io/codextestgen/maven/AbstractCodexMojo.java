package io.codextestgen.maven;

import io.codextestgen.config.GeneratorConfig;
import io.codextestgen.config.LlmSettings;
import io.codextestgen.config.Selection;
import io.codextestgen.diag.Diagnostic;
import io.codextestgen.diag.GenerationException;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** The pom parameters every goal shares, mapped onto the core's {@link GeneratorConfig}; no logic beyond that. */
abstract class AbstractCodexMojo extends AbstractMojo {

  /** The OpenAPI 3.x or Swagger 2.0 file (YAML or JSON). */
  @Parameter(property = "codex-testgen.specFile", required = true)
  protected File specFile;

  /**
   * Where generated sources go. The default, under {@code src/test}, is meant to be committed and reviewed; use
   * {@code ${project.build.directory}/generated-test-sources/codex-testgen} to keep them out of version control.
   */
  @Parameter(property = "codex-testgen.outputDirectory", defaultValue = "${project.basedir}/src/test/codex-testgen")
  protected File outputDirectory;

  /** Java package of the generated classes. */
  @Parameter(property = "codex-testgen.basePackage", defaultValue = GeneratorConfig.DEFAULT_PACKAGE)
  protected String basePackage;

  /** Seed of every synthesized value. */
  @Parameter(property = "codex-testgen.seed", defaultValue = "0")
  protected long seed;

  /** Suffix of test class names; the default ends in IT so that Failsafe, not Surefire, runs them. */
  @Parameter(property = "codex-testgen.classSuffix", defaultValue = GeneratorConfig.DEFAULT_CLASS_SUFFIX)
  protected String classSuffix;

  /** Generate tests for DELETE operations (destructive, so off by default). */
  @Parameter(property = "codex-testgen.includeDestructive", defaultValue = "false")
  protected boolean includeDestructive;

  /** Let the generated suite fall back to the spec's first server URL when no base URI is given. */
  @Parameter(property = "codex-testgen.useSpecServers", defaultValue = "false")
  protected boolean useSpecServers;

  /** URL prefixes remote {@code $ref}s may be loaded from; empty refuses all (no network access). */
  @Parameter
  protected List<String> remoteRefAllowList;

  /**
   * {@code $ref} URL prefixes read from local files instead, each {@code URL_PREFIX=PATH} (a directory, or a file
   * for one URL; relative to the project), e.g.
   * {@code <refMapping>https://schemas.example.com/=src/main/openapi/schemas</refMapping>}.
   */
  @Parameter
  protected List<String> refMappings;

  /**
   * Statuses malformed-input tests expect instead of the documented 400/422, by operationId, e.g.
   * {@code <createPet>422</createPet>} or {@code <createPet>400,409</createPet>}.
   */
  @Parameter
  protected Map<String, String> malformedStatuses;

  /**
   * Request limits by operationId, for rate-limit tests of operations whose responses announce none; listing an
   * operation here also gives it a rate-limit test, e.g. {@code <listPets>100/60s</listPets>} (requests per
   * window in s, m or h; {@code 100} alone when the window is unknown).
   */
  @Parameter
  protected Map<String, String> rateLimits;

  /** The most requests one rate-limit test sends. */
  @Parameter(property = "codex-testgen.rateLimitMaxRequests",
      defaultValue = "" + GeneratorConfig.DEFAULT_RATE_LIMIT_MAX_REQUESTS)
  protected int rateLimitMaxRequests;

  /** The most requests a rate-limit test has in flight at once. */
  @Parameter(property = "codex-testgen.rateLimitConcurrency",
      defaultValue = "" + GeneratorConfig.DEFAULT_RATE_LIMIT_CONCURRENCY)
  protected int rateLimitConcurrency;

  /**
   * The longest a rate-limit test bursts, and the longest it waits for the API to accept requests again after a
   * 429, in seconds.
   */
  @Parameter(property = "codex-testgen.rateLimitMaxWaitSeconds",
      defaultValue = "" + GeneratorConfig.DEFAULT_RATE_LIMIT_MAX_WAIT_SECONDS)
  protected int rateLimitMaxWaitSeconds;

  /** Only operations with one of these tags get tests. */
  @Parameter
  protected List<String> includeTags;

  /** Operations with one of these tags get no tests. */
  @Parameter
  protected List<String> excludeTags;

  /** Only these operationIds get tests. */
  @Parameter
  protected List<String> includeOperations;

  /** These operationIds get no tests. */
  @Parameter
  protected List<String> excludeOperations;

  /** Only operations whose path matches one of these globs get tests ({@code /books/**}). */
  @Parameter
  protected List<String> includePaths;

  /** Operations whose path matches one of these globs get no tests. */
  @Parameter
  protected List<String> excludePaths;

  /** Only operations with these HTTP methods get tests. */
  @Parameter
  protected List<String> includeMethods;

  /** Operations with these HTTP methods get no tests. */
  @Parameter
  protected List<String> excludeMethods;

  /** Test families to generate: valid, auth, malformed, rate-limit, flow, semantics (default: all). */
  @Parameter
  protected List<String> families;

  /** Generate tests for deprecated operations too. */
  @Parameter(property = "codex-testgen.includeDeprecated", defaultValue = "false")
  protected boolean includeDeprecated;

  /** HTTP methods that are destructive, so opt-in through includeDestructive (default: DELETE). */
  @Parameter
  protected List<String> destructiveMethods;

  /** Operations (by operationId) that accept unknown properties on purpose: no unknown-property rows for them. */
  @Parameter
  protected List<String> allowUnknownProperties;

  /** Where report.md and report.json are written. */
  @Parameter(property = "codex-testgen.reportDirectory", defaultValue = "${project.build.directory}/codex-testgen")
  protected File reportDirectory;

  /**
   * Remembers what the last generation was made from: an unchanged rerun (spec files, configuration, plugin
   * version and output files) does no work.
   */
  @Parameter(defaultValue = "${project.build.directory}/codex-testgen/state-${mojoExecution.executionId}.json")
  protected File stateFile;

  /**
   * Values for parameters the suite cannot create (ids of existing data), by parameter name or
   * "operationId.name": {@code <petId>42</petId>}.
   */
  @Parameter
  protected Map<String, String> fixtures;

  /**
   * LLM refinement: {@code off} (default), {@code replay} (CI: answers from the lock file only, no network),
   * {@code record} (ask the model on a miss), {@code refresh} (ask again for everything).
   */
  @Parameter(property = "codex-testgen.llm.mode", defaultValue = "off")
  protected String llmMode;

  /** Base URL of an OpenAI-compatible API: https://api.openai.com/v1, http://127.0.0.1:11434/v1 (Ollama)... */
  @Parameter(property = "codex-testgen.llm.endpoint")
  protected String llmEndpoint;

  /** The model, e.g. gpt-4.1-mini or llama3.1. */
  @Parameter(property = "codex-testgen.llm.model")
  protected String llmModel;

  /** The committed record of the model's answers. */
  @Parameter(property = "codex-testgen.llm.lockFile", defaultValue = "${project.basedir}/codex-testgen.llm.lock.json")
  protected File llmLockFile;

  /** Families the model may propose data for (valid, malformed; default both). */
  @Parameter
  protected List<String> llmFamilies;

  /** Operations (operationIds) to refine; default all selected ones. */
  @Parameter
  protected List<String> llmOperations;

  /** The most model calls per build. */
  @Parameter(property = "codex-testgen.llm.maxCalls", defaultValue = "50")
  protected int llmMaxCalls;

  /** The most tokens per build. */
  @Parameter(property = "codex-testgen.llm.maxTokens", defaultValue = "200000")
  protected int llmMaxTokens;

  /** Seconds to wait for one answer. */
  @Parameter(property = "codex-testgen.llm.timeoutSeconds", defaultValue = "60")
  protected int llmTimeoutSeconds;

  /** Environment variable holding the API key (never put the key in the pom). */
  @Parameter(property = "codex-testgen.llm.apiKeyEnv", defaultValue = LlmSettings.DEFAULT_API_KEY_ENV)
  protected String llmApiKeyEnv;

  /** Alternatively, the id of a {@code <server>} in settings.xml whose password is the API key. */
  @Parameter(property = "codex-testgen.llm.serverId")
  protected String llmServerId;

  @Parameter(defaultValue = "${settings}", readonly = true)
  protected org.apache.maven.settings.Settings settings;

  /** Skip every codex-testgen goal. */
  @Parameter(property = "codex-testgen.skip", defaultValue = "false")
  protected boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  protected MavenProject project;

  protected GeneratorConfig config() throws MojoExecutionException {
    Path base = project.getBasedir().toPath().toAbsolutePath().normalize();
    Path spec = specFile.toPath().toAbsolutePath().normalize();
    // Tests run in the project's base directory under Surefire and Failsafe: find the spec from there.
    String specInTests = spec.startsWith(base) ? base.relativize(spec).toString() : spec.getFileName().toString();
    try {
      return GeneratorConfig.builder(spec, outputDirectory.toPath())
          .basePackage(basePackage)
          .specPathInTests(specInTests)
          .seed(seed)
          .classSuffix(classSuffix)
          .includeDestructive(includeDestructive)
          .useSpecServers(useSpecServers)
          .remoteRefAllowList(remoteRefAllowList == null ? List.of() : remoteRefAllowList)
          .refMappings(GeneratorConfig.refMappings(refMappings, base))
          .malformedStatuses(parse("malformedStatuses", malformedStatuses, AbstractCodexMojo::statuses))
          .rateLimits(parse("rateLimits", rateLimits, io.codextestgen.config.RateLimit::parse))
          .rateLimitMaxRequests(rateLimitMaxRequests)
          .rateLimitConcurrency(rateLimitConcurrency)
          .rateLimitMaxWaitSeconds(rateLimitMaxWaitSeconds)
          .selection(new Selection(list(includeTags), list(excludeTags), list(includeOperations),
              list(excludeOperations), list(includePaths), list(excludePaths), list(includeMethods),
              list(excludeMethods)))
          .families(families == null || families.isEmpty() ? null : new java.util.LinkedHashSet<>(families))
          .includeDeprecated(includeDeprecated)
          .destructiveMethods(destructiveMethods == null || destructiveMethods.isEmpty() ? null : destructiveMethods)
          .allowUnknownProperties(new java.util.HashSet<>(list(allowUnknownProperties)))
          .reportDirectory(reportDirectory == null ? null : reportDirectory.toPath())
          .stateFile(stateFile == null ? null : stateFile.toPath())
          .fixtures(fixtures)
          .llm(llm())
          .build();
    } catch (GenerationException e) {
      throw new MojoExecutionException(describe("invalid plugin configuration", e.diagnostics()), e);
    }
  }

  private LlmSettings llm() throws MojoExecutionException {
    LlmSettings.Mode mode;
    try {
      mode = LlmSettings.Mode.parse(llmMode);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("invalid plugin configuration:\n  <llmMode>: '" + llmMode
          + "' is not one of off, replay, record, refresh");
    }
    if (mode == LlmSettings.Mode.OFF) {
      return LlmSettings.OFF;
    }
    String serverId = llmServerId;
    String env = llmApiKeyEnv;
    org.apache.maven.settings.Settings buildSettings = settings;
    java.util.function.Supplier<String> key = () -> {
      if (serverId != null && buildSettings != null && buildSettings.getServer(serverId) != null) {
        return buildSettings.getServer(serverId).getPassword();
      }
      return System.getenv(env);
    };
    return new LlmSettings(mode, llmEndpoint, llmModel, llmLockFile == null ? null : llmLockFile.toPath(),
        llmFamilies == null || llmFamilies.isEmpty() ? LlmSettings.ALLOWED_FAMILIES : new java.util.HashSet<>(llmFamilies),
        list(llmOperations), llmMaxCalls, llmMaxTokens, java.time.Duration.ofSeconds(llmTimeoutSeconds), key);
  }

  /** Pom maps hold text; numbers are read here so a typo names its element. */
  private static <T> Map<String, T> parse(String element, Map<String, String> values,
      java.util.function.Function<String, T> parser) throws MojoExecutionException {
    Map<String, T> result = new java.util.TreeMap<>();
    if (values == null) {
      return result;
    }
    for (Map.Entry<String, String> entry : values.entrySet()) {
      try {
        result.put(entry.getKey(), parser.apply(entry.getValue().trim()));
      } catch (RuntimeException e) {
        throw new MojoExecutionException("invalid plugin configuration:\n  <" + element + "><" + entry.getKey()
            + ">: '" + entry.getValue() + "' is not " + (element.equals("rateLimits")
            ? "a rate limit: use " + io.codextestgen.config.RateLimit.FORMAT
            : "a comma-separated list of HTTP status codes such as 400,422"));
      }
    }
    return result;
  }

  private static List<String> list(List<String> values) {
    return values == null ? List.of() : values;
  }

  private static List<Integer> statuses(String text) {
    List<Integer> statuses = new java.util.ArrayList<>();
    for (String part : text.split(",")) {
      statuses.add(Integer.valueOf(part.trim()));
    }
    return statuses;
  }

  /** One line per diagnostic; configuration problems name their pom element. */
  protected static String describe(String headline, List<Diagnostic> diagnostics) {
    return headline + ":\n" + diagnostics.stream().map(AbstractCodexMojo::describe)
        .collect(Collectors.joining("\n"));
  }

  private static String describe(Diagnostic diagnostic) {
    if (diagnostic.file().isEmpty() && !diagnostic.location().isEmpty()) {
      // Config diagnostics are located by builder property, and every pom element bears the same name.
      return "  <" + diagnostic.location() + ">: " + diagnostic.message();
    }
    return "  " + diagnostic;
  }

  protected MojoFailureException failure(String headline, GenerationException e) {
    return new MojoFailureException(describe(headline, e.diagnostics()), e);
  }

  protected String relative(java.io.File file) {
    return project.getBasedir().toPath().toAbsolutePath().relativize(file.toPath().toAbsolutePath()).toString();
  }

  protected void logWarnings(List<Diagnostic> diagnostics) {
    diagnostics.stream().filter(d -> !d.isError()).forEach(d -> getLog().warn(d.toString()));
  }
}
