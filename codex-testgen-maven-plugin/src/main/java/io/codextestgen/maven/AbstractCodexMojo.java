package io.codextestgen.maven;

import io.codextestgen.config.ConfigInput;
import io.codextestgen.config.GeneratorConfig;
import io.codextestgen.config.LlmSettings;
import io.codextestgen.diag.Diagnostic;
import io.codextestgen.diag.GenerationException;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** The pom parameters every goal shares, mapped onto the core's {@link GeneratorConfig}; no logic beyond that. */
abstract class AbstractCodexMojo extends AbstractMojo {

  /**
   * The OpenAPI 3.x or Swagger 2.0 file (YAML or JSON). Default: {@code src/main/resources/openapi.yaml},
   * {@code .yml} or {@code .json}, whichever the project has.
   */
  @Parameter(property = "codex-testgen.specFile")
  protected File specFile;

  /**
   * Where generated sources go. The default, under {@code src/test}, is meant to be committed and reviewed; use
   * {@code ${project.build.directory}/generated-test-sources/codex-testgen} to keep them out of version control.
   */
  @Parameter(property = "codex-testgen.outputDirectory", defaultValue = "${project.basedir}/" + GeneratorConfig.DEFAULT_OUTPUT_DIRECTORY)
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

  /**
   * Generate object-level authorization tests ({@code authz}): another identity's request for an item the first
   * identity created is refused, and the item stays as it was. The tests read the second identity's credentials
   * from {@code codex.auth2.<scheme>} when they run.
   */
  @Parameter(property = "codex-testgen.secondIdentity", defaultValue = "false")
  protected boolean secondIdentity;

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
  @Parameter(property = "codex-testgen.llm.maxCalls", defaultValue = "" + ConfigInput.DEFAULT_LLM_MAX_CALLS)
  protected int llmMaxCalls;

  /** The most tokens per build. */
  @Parameter(property = "codex-testgen.llm.maxTokens", defaultValue = "" + ConfigInput.DEFAULT_LLM_MAX_TOKENS)
  protected int llmMaxTokens;

  /** Seconds to wait for one answer. */
  @Parameter(property = "codex-testgen.llm.timeoutSeconds",
      defaultValue = "" + ConfigInput.DEFAULT_LLM_TIMEOUT_SECONDS)
  protected int llmTimeoutSeconds;

  /** Environment variable holding the API key (never put the key in the pom). */
  @Parameter(property = "codex-testgen.llm.apiKeyEnv", defaultValue = LlmSettings.DEFAULT_API_KEY_ENV)
  protected String llmApiKeyEnv;

  /** Alternatively, the id of a {@code <server>} in settings.xml whose password is the API key. */
  @Parameter(property = "codex-testgen.llm.serverId")
  protected String llmServerId;

  @Parameter(defaultValue = "${settings}", readonly = true)
  protected org.apache.maven.settings.Settings settings;

  @Component
  protected SettingsDecrypter decrypter;

  /** Skip every codex-testgen goal. */
  @Parameter(property = "codex-testgen.skip", defaultValue = "false")
  protected boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  protected MavenProject project;

  /**
   * The pom's parameters through the core's one mapping ({@link ConfigInput}), which every front end shares:
   * defaults, parsing and validation there; a problem names its pom element. Sets {@link #specFile} to the spec
   * used.
   */
  protected GeneratorConfig config() throws MojoExecutionException {
    Path base = project.getBasedir().toPath().toAbsolutePath().normalize();
    ConfigInput input = ConfigInput.in(base)
        .specFile(specFile == null ? null : specFile.toPath())
        .outputDirectory(outputDirectory.toPath())
        .basePackage(basePackage)
        .seed(seed)
        .classSuffix(classSuffix)
        .includeDestructive(includeDestructive)
        .useSpecServers(useSpecServers)
        .remoteRefAllowList(remoteRefAllowList)
        .refMappings(refMappings)
        .malformedStatuses(malformedStatuses)
        .rateLimits(rateLimits)
        .rateLimitMaxRequests(rateLimitMaxRequests)
        .rateLimitConcurrency(rateLimitConcurrency)
        .rateLimitMaxWaitSeconds(rateLimitMaxWaitSeconds)
        .selection("includeTags", includeTags)
        .selection("excludeTags", excludeTags)
        .selection("includeOperations", includeOperations)
        .selection("excludeOperations", excludeOperations)
        .selection("includePaths", includePaths)
        .selection("excludePaths", excludePaths)
        .selection("includeMethods", includeMethods)
        .selection("excludeMethods", excludeMethods)
        .families(families)
        .includeDeprecated(includeDeprecated)
        .secondIdentity(secondIdentity)
        .destructiveMethods(destructiveMethods)
        .allowUnknownProperties(allowUnknownProperties)
        .reportDirectory(reportDirectory == null ? null : reportDirectory.toPath())
        .stateFile(stateFile == null ? null : stateFile.toPath())
        .fixtures(fixtures)
        .llmMode(llmMode)
        .llmEndpoint(llmEndpoint)
        .llmModel(llmModel)
        .llmLockFile(llmLockFile == null ? null : llmLockFile.toPath())
        .llmFamilies(llmFamilies)
        .llmOperations(llmOperations)
        .llmMaxCalls(llmMaxCalls)
        .llmMaxTokens(llmMaxTokens)
        .llmTimeoutSeconds(llmTimeoutSeconds)
        .llmApiKey(apiKey());
    GeneratorConfig config;
    try {
      config = input.toConfig(setting -> "<" + setting + ">");
      if (config.llm().mode() == LlmSettings.Mode.RECORD || config.llm().mode() == LlmSettings.Mode.REFRESH) {
        config.llm().apiKey().get(); // a wrong llmServerId is reported now, not when the first miss asks the model
      }
    } catch (GenerationException e) {
      throw new MojoExecutionException(describe("invalid plugin configuration", e.diagnostics()));
    }
    specFile = config.specFile().toFile();
    return config;
  }

  /**
   * Where the model API's key comes from: the password of the {@code <server>} named by {@code llmServerId},
   * decrypted as Maven decrypts it, or else the environment variable {@code llmApiKeyEnv}. Read only when the
   * model is called, so a replaying build needs neither.
   */
  private Supplier<String> apiKey() {
    String serverId = llmServerId;
    String env = llmApiKeyEnv;
    if (serverId == null || serverId.isBlank()) {
      return () -> System.getenv(env);
    }
    org.apache.maven.settings.Settings buildSettings = settings;
    SettingsDecrypter serverDecrypter = decrypter;
    return () -> {
      Server server = buildSettings == null ? null : buildSettings.getServer(serverId);
      if (server == null) {
        throw new GenerationException(Diagnostic.error("", "<llmServerId>", "settings.xml has no <server> with"
            + " the id '" + serverId + "': add one whose <password> is the model API's key (encrypt it with mvn"
            + " --encrypt-password), or leave llmServerId out and set the environment variable " + env));
      }
      SettingsDecryptionResult result = serverDecrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
      if (!result.getProblems().isEmpty()) {
        throw new GenerationException(Diagnostic.error("", "<llmServerId>", "the password of <server> '"
            + serverId + "' in settings.xml cannot be decrypted: " + result.getProblems().get(0).getMessage()));
      }
      return result.getServer().getPassword();
    };
  }

  /** One line per diagnostic; configuration problems name their pom element. */
  protected static String describe(String headline, List<Diagnostic> diagnostics) {
    return headline + ":\n" + diagnostics.stream().map(AbstractCodexMojo::describe)
        .collect(Collectors.joining("\n"));
  }

  private static String describe(Diagnostic diagnostic) {
    if (diagnostic.file().isEmpty() && diagnostic.location().startsWith("<")) {
      return "  " + diagnostic.location() + ": " + diagnostic.message(); // a pom element
    }
    return "  " + diagnostic;
  }

  protected MojoFailureException failure(String headline, GenerationException e) {
    // Without the cause: Maven would print its message a second time.
    return new MojoFailureException(describe(headline, e.diagnostics()));
  }

  protected String relative(java.io.File file) {
    return project.getBasedir().toPath().toAbsolutePath().relativize(file.toPath().toAbsolutePath()).toString();
  }

  protected void logWarnings(List<Diagnostic> diagnostics) {
    diagnostics.stream().filter(d -> !d.isError()).forEach(d -> getLog().warn(d.toString()));
  }
}
