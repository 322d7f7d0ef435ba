package io.codextestgen.config;

import io.codextestgen.diag.Diagnostic;
import io.codextestgen.diag.GenerationException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The configuration as a front end receives it (paths, text, lists and maps of text, by setting), turned into a
 * {@link GeneratorConfig} by the one set of rules every front end shares: the Maven plugin and the CLI set what the
 * user gave and leave the rest null; defaults, parsing and validation happen here, and every problem is reported at
 * once, named as the front end names the setting ({@code <families>} in a pom, {@code --families} on a command
 * line). Settings are named like {@link GeneratorConfig.Builder}'s methods and the plugin's parameters.
 */
public final class ConfigInput {

  /** The LLM lock file's default name, in the project directory. */
  public static final String DEFAULT_LLM_LOCK_FILE = "codex-testgen.llm.lock.json";

  public static final int DEFAULT_LLM_MAX_CALLS = 50;
  public static final int DEFAULT_LLM_MAX_TOKENS = 200_000;
  public static final int DEFAULT_LLM_TIMEOUT_SECONDS = 60;

  private final Path projectDirectory;
  private Path specFile;
  private Path outputDirectory;
  private String basePackage;
  private String specPathInTests;
  private Long seed;
  private String classSuffix;
  private Boolean includeDestructive;
  private Boolean useSpecServers;
  private List<String> remoteRefAllowList;
  private List<String> refMappings;
  private Map<String, String> malformedStatuses;
  private Map<String, String> rateLimits;
  private Integer rateLimitMaxRequests;
  private Integer rateLimitConcurrency;
  private Integer rateLimitMaxWaitSeconds;
  private final Map<String, List<String>> selection = new TreeMap<>();
  private List<String> families;
  private Boolean includeDeprecated;
  private Boolean secondIdentity;
  private List<String> destructiveMethods;
  private List<String> allowUnknownProperties;
  private Path reportDirectory;
  private Path stateFile;
  private Map<String, String> fixtures;
  private String llmMode;
  private String llmEndpoint;
  private String llmModel;
  private Path llmLockFile;
  private List<String> llmFamilies;
  private List<String> llmOperations;
  private Integer llmMaxCalls;
  private Integer llmMaxTokens;
  private Integer llmTimeoutSeconds;
  private Supplier<String> llmApiKey;

  private ConfigInput(Path projectDirectory) {
    this.projectDirectory = projectDirectory.toAbsolutePath().normalize();
  }

  /** An input whose relative paths (spec, ref mappings, lock file) resolve against {@code projectDirectory}. */
  public static ConfigInput in(Path projectDirectory) {
    return new ConfigInput(projectDirectory);
  }

  /** Default: the project's one conventional spec file ({@link GeneratorConfig#CONVENTIONAL_SPEC_FILES}). */
  public ConfigInput specFile(Path value) {
    this.specFile = value;
    return this;
  }

  /** Default: {@value GeneratorConfig#DEFAULT_OUTPUT_DIRECTORY} in the project directory. */
  public ConfigInput outputDirectory(Path value) {
    this.outputDirectory = value;
    return this;
  }

  public ConfigInput basePackage(String value) {
    this.basePackage = value;
    return this;
  }

  /** Default: the spec's path relative to the project directory (where Surefire and Failsafe run tests). */
  public ConfigInput specPathInTests(String value) {
    this.specPathInTests = value;
    return this;
  }

  public ConfigInput seed(Long value) {
    this.seed = value;
    return this;
  }

  public ConfigInput classSuffix(String value) {
    this.classSuffix = value;
    return this;
  }

  public ConfigInput includeDestructive(Boolean value) {
    this.includeDestructive = value;
    return this;
  }

  public ConfigInput useSpecServers(Boolean value) {
    this.useSpecServers = value;
    return this;
  }

  public ConfigInput remoteRefAllowList(List<String> value) {
    this.remoteRefAllowList = value;
    return this;
  }

  /** Entries {@code URL_PREFIX=PATH}, each path relative to the project directory. */
  public ConfigInput refMappings(List<String> value) {
    this.refMappings = value;
    return this;
  }

  /** By operationId, a comma-separated list of statuses: {@code 422} or {@code 400,409}. */
  public ConfigInput malformedStatuses(Map<String, String> value) {
    this.malformedStatuses = value;
    return this;
  }

  /** By operationId, a limit as {@link RateLimit#FORMAT}. */
  public ConfigInput rateLimits(Map<String, String> value) {
    this.rateLimits = value;
    return this;
  }

  public ConfigInput rateLimitMaxRequests(Integer value) {
    this.rateLimitMaxRequests = value;
    return this;
  }

  public ConfigInput rateLimitConcurrency(Integer value) {
    this.rateLimitConcurrency = value;
    return this;
  }

  public ConfigInput rateLimitMaxWaitSeconds(Integer value) {
    this.rateLimitMaxWaitSeconds = value;
    return this;
  }

  /**
   * One list of {@link Selection}, by its name: includeTags, excludeTags, includeOperations, excludeOperations,
   * includePaths, excludePaths, includeMethods, excludeMethods.
   */
  public ConfigInput selection(String list, List<String> value) {
    if (value != null) {
      selection.put(list, value);
    }
    return this;
  }

  /** Family names ({@link Family#tag()}); default all. */
  public ConfigInput families(List<String> value) {
    this.families = value;
    return this;
  }

  public ConfigInput includeDeprecated(Boolean value) {
    this.includeDeprecated = value;
    return this;
  }

  public ConfigInput secondIdentity(Boolean value) {
    this.secondIdentity = value;
    return this;
  }

  public ConfigInput destructiveMethods(List<String> value) {
    this.destructiveMethods = value;
    return this;
  }

  public ConfigInput allowUnknownProperties(List<String> value) {
    this.allowUnknownProperties = value;
    return this;
  }

  public ConfigInput reportDirectory(Path value) {
    this.reportDirectory = value;
    return this;
  }

  public ConfigInput stateFile(Path value) {
    this.stateFile = value;
    return this;
  }

  public ConfigInput fixtures(Map<String, String> value) {
    this.fixtures = value;
    return this;
  }

  /** off (default), replay, record or refresh. */
  public ConfigInput llmMode(String value) {
    this.llmMode = value;
    return this;
  }

  public ConfigInput llmEndpoint(String value) {
    this.llmEndpoint = value;
    return this;
  }

  public ConfigInput llmModel(String value) {
    this.llmModel = value;
    return this;
  }

  /** Default: {@value #DEFAULT_LLM_LOCK_FILE} in the project directory. */
  public ConfigInput llmLockFile(Path value) {
    this.llmLockFile = value;
    return this;
  }

  /** Family names the model may propose data for; default valid and malformed. */
  public ConfigInput llmFamilies(List<String> value) {
    this.llmFamilies = value;
    return this;
  }

  public ConfigInput llmOperations(List<String> value) {
    this.llmOperations = value;
    return this;
  }

  public ConfigInput llmMaxCalls(Integer value) {
    this.llmMaxCalls = value;
    return this;
  }

  public ConfigInput llmMaxTokens(Integer value) {
    this.llmMaxTokens = value;
    return this;
  }

  public ConfigInput llmTimeoutSeconds(Integer value) {
    this.llmTimeoutSeconds = value;
    return this;
  }

  /** Where the API key comes from, read only when the model is called; default the environment variable. */
  public ConfigInput llmApiKey(Supplier<String> value) {
    this.llmApiKey = value;
    return this;
  }

  /**
   * The configuration, or a {@link GenerationException} listing every problem, each located at {@code name} of
   * its setting (e.g. {@code s -> "<" + s + ">"}).
   */
  public GeneratorConfig toConfig(Function<String, String> name) {
    List<Diagnostic> problems = new ArrayList<>();
    Path spec = specFile;
    if (spec == null) {
      try {
        spec = GeneratorConfig.conventionalSpecFile(projectDirectory);
      } catch (GenerationException e) {
        problems.addAll(e.diagnostics());
      }
    }
    spec = spec == null ? null : projectDirectory.resolve(spec).normalize();
    Map<String, Path> mappings = Map.of();
    try {
      mappings = GeneratorConfig.refMappings(refMappings, projectDirectory);
    } catch (GenerationException e) {
      problems.addAll(e.diagnostics());
    }
    GeneratorConfig.Builder builder = GeneratorConfig.builder(spec, projectDirectory.resolve(outputDirectory != null
            ? outputDirectory : Path.of(GeneratorConfig.DEFAULT_OUTPUT_DIRECTORY)).normalize())
        .remoteRefAllowList(orEmpty(remoteRefAllowList))
        .refMappings(mappings)
        .malformedStatuses(parsed("malformedStatuses", malformedStatuses, ConfigInput::statuses,
            "a comma-separated list of HTTP status codes such as 400,422", problems))
        .rateLimits(parsed("rateLimits", rateLimits, RateLimit::parse, "a rate limit: use " + RateLimit.FORMAT,
            problems))
        .selection(new Selection(list("includeTags"), list("excludeTags"), list("includeOperations"),
            list("excludeOperations"), list("includePaths"), list("excludePaths"), list("includeMethods"),
            list("excludeMethods")))
        .families(families == null || families.isEmpty() ? null : families("families", families, problems))
        .destructiveMethods(destructiveMethods == null || destructiveMethods.isEmpty() ? null : destructiveMethods)
        .allowUnknownProperties(new LinkedHashSet<>(orEmpty(allowUnknownProperties)))
        .reportDirectory(reportDirectory)
        .stateFile(stateFile)
        .fixtures(fixtures == null ? Map.of() : fixtures)
        .llm(llm(problems));
    if (spec != null) {
      builder.specPathInTests(specPathInTests != null ? specPathInTests
          : spec.startsWith(projectDirectory) ? projectDirectory.relativize(spec).toString().replace('\\', '/')
          : String.valueOf(spec.getFileName()));
    }
    setIfGiven(basePackage, builder::basePackage);
    setIfGiven(seed, builder::seed);
    setIfGiven(classSuffix, builder::classSuffix);
    setIfGiven(includeDestructive, builder::includeDestructive);
    setIfGiven(useSpecServers, builder::useSpecServers);
    setIfGiven(includeDeprecated, builder::includeDeprecated);
    setIfGiven(secondIdentity, builder::secondIdentity);
    setIfGiven(rateLimitMaxRequests, builder::rateLimitMaxRequests);
    setIfGiven(rateLimitConcurrency, builder::rateLimitConcurrency);
    setIfGiven(rateLimitMaxWaitSeconds, builder::rateLimitMaxWaitSeconds);
    GeneratorConfig config = null;
    try {
      config = builder.build();
    } catch (GenerationException e) {
      // A setting already reported above (a spec file not found) is not reported again as missing.
      e.diagnostics().stream().filter(d -> problems.stream().noneMatch(p -> p.location().equals(d.location())))
          .forEach(problems::add);
    }
    if (!problems.isEmpty()) {
      throw new GenerationException(problems.stream().map(d -> d.file().isEmpty() && !d.location().isEmpty()
          ? Diagnostic.error("", name.apply(d.location()), d.message()) : d).toList());
    }
    return config;
  }

  private LlmSettings llm(List<Diagnostic> problems) {
    LlmSettings.Mode mode;
    try {
      mode = llmMode == null || llmMode.isBlank() ? LlmSettings.Mode.OFF : LlmSettings.Mode.parse(llmMode);
    } catch (IllegalArgumentException e) {
      problems.add(Diagnostic.error("", "llmMode", "'" + llmMode + "' is not one of off, replay, record, refresh"));
      return LlmSettings.OFF;
    }
    if (mode == LlmSettings.Mode.OFF) {
      return LlmSettings.OFF;
    }
    Set<Family> allowed = llmFamilies == null || llmFamilies.isEmpty() ? LlmSettings.ALLOWED_FAMILIES
        : families("llmFamilies", llmFamilies, problems);
    Supplier<String> key = llmApiKey != null ? llmApiKey : () -> System.getenv(LlmSettings.DEFAULT_API_KEY_ENV);
    return new LlmSettings(mode, llmEndpoint, llmModel,
        projectDirectory.resolve(llmLockFile != null ? llmLockFile : Path.of(DEFAULT_LLM_LOCK_FILE)).normalize(),
        allowed, orEmpty(llmOperations), llmMaxCalls != null ? llmMaxCalls : DEFAULT_LLM_MAX_CALLS,
        llmMaxTokens != null ? llmMaxTokens : DEFAULT_LLM_MAX_TOKENS,
        Duration.ofSeconds(llmTimeoutSeconds != null ? llmTimeoutSeconds : DEFAULT_LLM_TIMEOUT_SECONDS), key);
  }

  private static Set<Family> families(String setting, List<String> names, List<Diagnostic> problems) {
    Set<Family> result = EnumSet.noneOf(Family.class);
    for (String name : names) {
      Family.of(name).ifPresentOrElse(result::add, () -> problems.add(Diagnostic.error("", setting,
          "'" + name + "' is not a test family: use " + Family.names())));
    }
    return result;
  }

  /** Text values read by {@code parser}; a value it refuses is reported at its key, e.g. rateLimits.listPets. */
  private static <T> Map<String, T> parsed(String setting, Map<String, String> values, Function<String, T> parser,
      String expected, List<Diagnostic> problems) {
    Map<String, T> result = new TreeMap<>();
    if (values == null) {
      return result;
    }
    new TreeMap<>(values).forEach((key, text) -> {
      try {
        result.put(key, parser.apply(text == null ? "" : text.trim()));
      } catch (RuntimeException e) {
        problems.add(Diagnostic.error("", setting, key + ": '" + text + "' is not " + expected));
      }
    });
    return result;
  }

  private static List<Integer> statuses(String text) {
    List<Integer> statuses = new ArrayList<>();
    for (String part : text.split(",")) {
      statuses.add(Integer.valueOf(part.trim()));
    }
    return statuses;
  }

  private List<String> list(String name) {
    return selection.getOrDefault(name, List.of());
  }

  private static List<String> orEmpty(List<String> values) {
    return values == null ? List.of() : values;
  }

  private static <T> void setIfGiven(T value, java.util.function.Consumer<T> setter) {
    if (value != null) {
      setter.accept(value);
    }
  }
}
