package io.codextestgen.config;

import io.codextestgen.diag.Diagnostic;
import io.codextestgen.diag.GenerationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/**
 * Everything that decides the generated output; the same config and spec give the same bytes.
 *
 * <p>Build one with {@link #builder(Path, Path)}; every default lives here, so Maven, Gradle or a CLI only map
 * their own parameters onto the builder. Invalid values fail in {@link Builder#build()} with a diagnostic whose
 * location is the builder property's name (the Maven plugin uses the same name for its pom element).
 */
public record GeneratorConfig(
    Path specFile,
    Path outputDirectory,
    String basePackage,
    String specPathInTests,
    long seed,
    List<String> remoteRefAllowList,
    Map<String, Path> refMappings,
    boolean useSpecServers,
    boolean includeDestructive,
    String classSuffix,
    Map<String, List<Integer>> malformedStatuses,
    Map<String, RateLimit> rateLimits,
    int rateLimitMaxRequests,
    int rateLimitConcurrency,
    int rateLimitMaxWaitSeconds,
    Selection selection,
    Set<Family> families,
    boolean includeDeprecated,
    boolean secondIdentity,
    List<String> destructiveMethods,
    Set<String> allowUnknownProperties,
    Path reportDirectory,
    Path stateFile,
    Map<String, String> fixtures,
    Map<String, String> requestBodies,
    LlmSettings llm) {

  public static final String DEFAULT_PACKAGE = "apitests";
  /** Where generated sources go, relative to the project: under src/test, to be committed and reviewed. */
  public static final String DEFAULT_OUTPUT_DIRECTORY = "src/test/codex-testgen";
  public static final String DEFAULT_CLASS_SUFFIX = "ApiIT";

  private static final Pattern CLASS_SUFFIX = Pattern.compile("[A-Za-z0-9_]*");
  private static final Pattern ALLOWED_PREFIX = Pattern.compile("https?://[^\\s]+", Pattern.CASE_INSENSITIVE);

  public static final int DEFAULT_RATE_LIMIT_MAX_REQUESTS = 500;
  public static final int DEFAULT_RATE_LIMIT_CONCURRENCY = 8;
  public static final int DEFAULT_RATE_LIMIT_MAX_WAIT_SECONDS = 60;

  public GeneratorConfig {
    remoteRefAllowList = List.copyOf(remoteRefAllowList);
    refMappings = Collections.unmodifiableMap(new TreeMap<>(refMappings));
    malformedStatuses = Collections.unmodifiableMap(new TreeMap<>(malformedStatuses));
    rateLimits = Collections.unmodifiableMap(new TreeMap<>(rateLimits));
    families = families.isEmpty() ? Collections.unmodifiableSet(java.util.EnumSet.noneOf(Family.class))
        : Collections.unmodifiableSet(java.util.EnumSet.copyOf(families));
    destructiveMethods = List.copyOf(destructiveMethods);
    allowUnknownProperties = Collections.unmodifiableSet(new TreeSet<>(allowUnknownProperties));
    fixtures = Collections.unmodifiableMap(new TreeMap<>(fixtures));
    requestBodies = Collections.unmodifiableMap(new TreeMap<>(requestBodies));
  }

  /** The JSON body a user gave for the valid request of {@code operationId}, or null. */
  public String requestBody(String operationId) {
    return operationId == null ? null : requestBodies.get(operationId);
  }

  /** The fixture for a parameter: by "operationId.name" first, then by name; null when none is given. */
  public String fixture(String operationId, String parameter) {
    String specific = operationId == null ? null : fixtures.get(operationId + "." + parameter);
    return specific != null ? specific : fixtures.get(parameter);
  }

  /** Whether tests of {@code family} are generated. */
  public boolean generates(Family family) {
    return families.contains(family);
  }

  /**
   * {@code refMappings} from entries written {@code URL_PREFIX=PATH} (as the Maven plugin and the CLI take them),
   * each path relative to {@code baseDirectory}.
   */
  public static Map<String, Path> refMappings(List<String> entries, Path baseDirectory) {
    Map<String, Path> mappings = new TreeMap<>();
    List<Diagnostic> problems = new ArrayList<>();
    for (String entry : entries == null ? List.<String>of() : entries) {
      int equals = entry == null ? -1 : entry.indexOf('=');
      if (equals <= 0 || equals == entry.length() - 1) {
        problems.add(Diagnostic.error("", "refMappings", "'" + entry + "' is not URL_PREFIX=PATH, e.g."
            + " https://schemas.example.com/=src/main/openapi/schemas"));
        continue;
      }
      mappings.put(entry.substring(0, equals).strip(), baseDirectory.resolve(entry.substring(equals + 1).strip()));
    }
    if (!problems.isEmpty()) {
      throw new GenerationException(problems);
    }
    return mappings;
  }

  /** Where a project keeps its spec by convention, in the order looked at: the default of {@code specFile}. */
  public static final List<String> CONVENTIONAL_SPEC_FILES = List.of("src/main/resources/openapi.yaml",
      "src/main/resources/openapi.yml", "src/main/resources/openapi.json");

  /**
   * The spec file a project keeps in one of the {@link #CONVENTIONAL_SPEC_FILES}; fails (located at
   * {@code specFile}) when there is none, or more than one.
   */
  public static Path conventionalSpecFile(Path projectDirectory) {
    List<Path> found = CONVENTIONAL_SPEC_FILES.stream().map(projectDirectory::resolve).filter(Files::isRegularFile)
        .toList();
    if (found.size() == 1) {
      return found.get(0);
    }
    throw new GenerationException(Diagnostic.error("", "specFile", found.isEmpty()
        ? "not set, and the project has none of " + String.join(", ", CONVENTIONAL_SPEC_FILES) + ". Give the path"
            + " of your OpenAPI or Swagger file"
        : "not set, and the project has several of " + String.join(", ", CONVENTIONAL_SPEC_FILES) + ". Give the"
            + " path of the one to test"));
  }

  public static Builder builder(Path specFile, Path outputDirectory) {
    return new Builder(specFile, outputDirectory);
  }

  public Builder toBuilder() {
    return new Builder(specFile, outputDirectory)
        .basePackage(basePackage)
        .specPathInTests(specPathInTests)
        .seed(seed)
        .remoteRefAllowList(remoteRefAllowList)
        .refMappings(refMappings)
        .useSpecServers(useSpecServers)
        .includeDestructive(includeDestructive)
        .classSuffix(classSuffix)
        .malformedStatuses(malformedStatuses)
        .rateLimits(rateLimits)
        .rateLimitMaxRequests(rateLimitMaxRequests)
        .rateLimitConcurrency(rateLimitConcurrency)
        .rateLimitMaxWaitSeconds(rateLimitMaxWaitSeconds)
        .selection(selection)
        .families(families)
        .includeDeprecated(includeDeprecated)
        .secondIdentity(secondIdentity)
        .destructiveMethods(destructiveMethods)
        .allowUnknownProperties(allowUnknownProperties)
        .reportDirectory(reportDirectory)
        .stateFile(stateFile)
        .fixtures(fixtures)
        .requestBodies(requestBodies)
        .llm(llm);
  }

  /** Builder with the defaults of every option. */
  public static final class Builder {
    private final Path specFile;
    private final Path outputDirectory;
    private String basePackage = DEFAULT_PACKAGE;
    private String specPathInTests;
    private long seed;
    private List<String> remoteRefAllowList = List.of();
    private Map<String, Path> refMappings = Map.of();
    private boolean useSpecServers;
    private boolean includeDestructive;
    private String classSuffix = DEFAULT_CLASS_SUFFIX;
    private Map<String, List<Integer>> malformedStatuses = Map.of();
    private Map<String, RateLimit> rateLimits = Map.of();
    private int rateLimitMaxRequests = DEFAULT_RATE_LIMIT_MAX_REQUESTS;
    private int rateLimitConcurrency = DEFAULT_RATE_LIMIT_CONCURRENCY;
    private int rateLimitMaxWaitSeconds = DEFAULT_RATE_LIMIT_MAX_WAIT_SECONDS;
    private Selection selection = Selection.ALL;
    private Set<Family> families = Family.all();
    private boolean includeDeprecated;
    private boolean secondIdentity;
    private List<String> destructiveMethods = List.of("DELETE");
    private Set<String> allowUnknownProperties = Set.of();
    private Path reportDirectory;
    private Path stateFile;
    private Map<String, String> fixtures = Map.of();
    private Map<String, String> requestBodies = Map.of();
    private LlmSettings llm = LlmSettings.OFF;

    private Builder(Path specFile, Path outputDirectory) {
      this.specFile = specFile;
      this.outputDirectory = outputDirectory;
    }

    /** Java package of the generated classes. Default {@value #DEFAULT_PACKAGE}. */
    public Builder basePackage(String basePackage) {
      this.basePackage = basePackage;
      return this;
    }

    /**
     * Where the generated tests load the spec from at run time (for response validation), relative to the
     * directory the tests run in (the project's base directory under Maven). Default: the spec's file name.
     */
    public Builder specPathInTests(String specPathInTests) {
      this.specPathInTests = specPathInTests;
      return this;
    }

    /** Seed of every synthesized value; change it to get other (still deterministic) values. Default 0. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * URL prefixes from which remote {@code $ref}s may be loaded. Empty (the default) refuses every remote
     * reference, so loading a spec makes no network call.
     */
    /**
     * {@code $ref}s whose URL starts with a key are read from the local file or directory it maps to, with no
     * network call ({@code https://schemas.example.com/} to {@code schemas/} reads {@code
     * https://schemas.example.com/common/error.yaml} from {@code schemas/common/error.yaml}).
     */
    public Builder refMappings(Map<String, Path> refMappings) {
      this.refMappings = refMappings == null ? Map.of() : Map.copyOf(refMappings);
      return this;
    }

    public Builder remoteRefAllowList(List<String> remoteRefAllowList) {
      this.remoteRefAllowList = remoteRefAllowList == null ? List.of() : List.copyOf(remoteRefAllowList);
      return this;
    }

    /**
     * Let the generated suite fall back to the spec's first {@code servers} URL when no base URI is given.
     * Default false: tests never aim at a real server unless told to.
     */
    public Builder useSpecServers(boolean useSpecServers) {
      this.useSpecServers = useSpecServers;
      return this;
    }

    /** Generate tests for destructive operations (see {@link #destructiveMethods}). Default false: opt-in. */
    public Builder includeDestructive(boolean includeDestructive) {
      this.includeDestructive = includeDestructive;
      return this;
    }

    /**
     * Suffix of generated test class names. The default {@value #DEFAULT_CLASS_SUFFIX} lets Maven Failsafe run
     * them in {@code integration-test}, after a server has started, and keeps Surefire away from them.
     */
    public Builder classSuffix(String classSuffix) {
      this.classSuffix = classSuffix;
      return this;
    }

    /**
     * Statuses that malformed-input tests of an operation expect instead of the documented 400/422 (or any 4xx),
     * by operationId: real APIs answer 422, 415 or 409 where specs say 400.
     */
    public Builder malformedStatuses(Map<String, List<Integer>> malformedStatuses) {
      this.malformedStatuses = malformedStatuses == null ? Map.of() : new java.util.LinkedHashMap<>(malformedStatuses);
      return this;
    }

    /**
     * Request limits by operationId, for rate-limit tests of operations whose responses announce no limit
     * (RateLimit-Limit, RateLimit-Policy, X-RateLimit-Limit); an operation listed here gets a rate-limit test even if
     * its spec documents no 429. With a window ({@code 100/60s}), a burst against an API that announces no counters
     * can also judge a missing limiter by the client's clock; without one it can only meet the 429.
     */
    public Builder rateLimits(Map<String, RateLimit> rateLimits) {
      this.rateLimits = rateLimits == null ? Map.of() : new java.util.LinkedHashMap<>(rateLimits);
      return this;
    }

    /** The most requests a rate-limit test ever sends. Default {@value #DEFAULT_RATE_LIMIT_MAX_REQUESTS}. */
    public Builder rateLimitMaxRequests(int rateLimitMaxRequests) {
      this.rateLimitMaxRequests = rateLimitMaxRequests;
      return this;
    }

    /**
     * The most requests a rate-limit test has in flight at once, so that a burst outruns the window on a slow
     * machine. Default {@value #DEFAULT_RATE_LIMIT_CONCURRENCY}.
     */
    public Builder rateLimitConcurrency(int rateLimitConcurrency) {
      this.rateLimitConcurrency = rateLimitConcurrency;
      return this;
    }

    /**
     * The longest a rate-limit test waits for the API to accept requests again after a 429. Default
     * {@value #DEFAULT_RATE_LIMIT_MAX_WAIT_SECONDS}.
     */
    public Builder rateLimitMaxWaitSeconds(int rateLimitMaxWaitSeconds) {
      this.rateLimitMaxWaitSeconds = rateLimitMaxWaitSeconds;
      return this;
    }

    /** Which operations get tests (by tag, operationId, path glob, method). Default: all. */
    public Builder selection(Selection selection) {
      this.selection = selection == null ? Selection.ALL : selection;
      return this;
    }

    /** The families to generate. Default: all. */
    public Builder families(Set<Family> families) {
      this.families = families == null ? Family.all() : java.util.EnumSet.copyOf(families.isEmpty()
          ? java.util.EnumSet.noneOf(Family.class) : families);
      return this;
    }

    /** Generate tests for deprecated operations too. Default false. */
    public Builder includeDeprecated(boolean includeDeprecated) {
      this.includeDeprecated = includeDeprecated;
      return this;
    }

    /**
     * Generate object-level authorization tests: another identity's request for an item the first created (its
     * credentials come from {@code codex.auth2.<scheme>} at run time). Default false.
     */
    public Builder secondIdentity(boolean secondIdentity) {
      this.secondIdentity = secondIdentity;
      return this;
    }

    /**
     * HTTP methods whose operations change or remove data irreversibly: they get tests only with
     * {@link #includeDestructive(boolean)}. Default: DELETE.
     */
    public Builder destructiveMethods(List<String> destructiveMethods) {
      this.destructiveMethods = destructiveMethods == null ? List.of("DELETE")
          : destructiveMethods.stream().map(m -> m.toUpperCase(Locale.ROOT)).toList();
      return this;
    }

    /**
     * Operations that accept unknown properties on purpose: their malformed-input tests send none, even where
     * the schema says additionalProperties: false.
     */
    public Builder allowUnknownProperties(Set<String> operationIds) {
      this.allowUnknownProperties = operationIds == null ? Set.of() : Set.copyOf(operationIds);
      return this;
    }

    /** Where report.md and report.json go; null (the default) writes no report. */
    public Builder reportDirectory(Path reportDirectory) {
      this.reportDirectory = reportDirectory;
      return this;
    }

    /**
     * Where to remember what the last generation was made from; when spec files, configuration, generator and
     * output files are all unchanged, {@code generate} then does no work. Null (the default): always generate.
     */
    public Builder stateFile(Path stateFile) {
      this.stateFile = stateFile;
      return this;
    }

    /**
     * Values of parameters the suite cannot create itself (an id of existing data), by parameter name or by
     * "operationId.name". They win over the spec's examples; a resource the suite creates wins over them.
     */
    public Builder fixtures(Map<String, String> fixtures) {
      this.fixtures = fixtures == null ? Map.of() : new java.util.LinkedHashMap<>(fixtures);
      return this;
    }

    /**
     * Whole JSON bodies for the valid requests, by operationId, for operations whose spec leaves rules in prose
     * that a synthesized body breaks: sent as given, and the malformed tests break them one constraint at a time.
     */
    public Builder requestBodies(Map<String, String> requestBodies) {
      this.requestBodies = requestBodies == null ? Map.of() : new java.util.LinkedHashMap<>(requestBodies);
      return this;
    }

    /** Optional LLM refinement; off by default (see {@link LlmSettings}). */
    public Builder llm(LlmSettings llm) {
      this.llm = llm == null ? LlmSettings.OFF : llm;
      return this;
    }

    /** Why {@code text} is not a JSON value, or null when it is one. */
    private static String notJson(String text) {
      if (text == null || text.isBlank()) {
        return "it is empty";
      }
      try {
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        return null;
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        return e.getOriginalMessage();
      }
    }

    /** Validates every option and returns the config, or throws with one diagnostic per bad option. */
    public GeneratorConfig build() {
      List<Diagnostic> problems = new ArrayList<>();
      if (specFile == null) {
        problems.add(Diagnostic.error("", "specFile", "no spec file given: set it to your OpenAPI or Swagger file"));
      }
      if (outputDirectory == null) {
        problems.add(Diagnostic.error("", "outputDirectory", "no output directory given"));
      }
      if (basePackage == null || basePackage.isBlank() || !SourceVersion.isName(basePackage)
          || !basePackage.equals(basePackage.toLowerCase(Locale.ROOT))) {
        problems.add(Diagnostic.error("", "basePackage",
            "'" + basePackage + "' is not a valid lower-case Java package name (e.g. com.example.api.tests)"));
      }
      if (classSuffix == null || !CLASS_SUFFIX.matcher(classSuffix).matches()) {
        problems.add(Diagnostic.error("", "classSuffix",
            "'" + classSuffix + "' is not a valid class-name suffix: use letters, digits and '_' only"));
      }
      for (String prefix : remoteRefAllowList) {
        if (prefix == null || !ALLOWED_PREFIX.matcher(prefix).matches()) {
          problems.add(Diagnostic.error("", "remoteRefAllowList",
              "'" + prefix + "' is not an http(s) URL prefix such as https://schemas.example.com/"));
        }
      }
      for (Map.Entry<String, Path> mapping : new TreeMap<>(refMappings).entrySet()) {
        if (!ALLOWED_PREFIX.matcher(mapping.getKey()).matches()) {
          problems.add(Diagnostic.error("", "refMappings", "'" + mapping.getKey() + "' is not an http(s) URL prefix"
              + " such as https://schemas.example.com/"));
        } else if (!java.nio.file.Files.exists(mapping.getValue())) {
          problems.add(Diagnostic.error("", "refMappings", "'" + mapping.getKey() + "' maps to " + mapping.getValue()
              + ", which does not exist: give a local file or directory holding what the URL serves"));
        }
      }
      for (String method : destructiveMethods) {
        if (!method.matches("GET|HEAD|OPTIONS|POST|PUT|PATCH|DELETE|TRACE")) {
          problems.add(Diagnostic.error("", "destructiveMethods", "'" + method + "' is not an HTTP method"));
        }
      }
      malformedStatuses.forEach((operation, statuses) -> {
        if (statuses == null || statuses.isEmpty()
            || statuses.stream().anyMatch(status -> status == null || status < 100 || status > 599)) {
          problems.add(Diagnostic.error("", "malformedStatuses",
              "operation '" + operation + "': " + statuses + " is not a list of HTTP status codes (100-599)"));
        }
      });
      rateLimits.forEach((operation, limit) -> {
        if (limit == null || limit.requests() < 1 || limit.windowSeconds() < 0 || limit.windowSeconds() > 86_400) {
          problems.add(Diagnostic.error("", "rateLimits", "operation '" + operation + "': " + limit
              + " is not a positive request limit with a window of at most a day: use " + RateLimit.FORMAT));
        }
      });
      requestBodies.forEach((operation, body) -> {
        String problem = notJson(body);
        if (problem != null) {
          problems.add(Diagnostic.error("", "requestBodies",
              "operation '" + operation + "': the body is not JSON (" + problem + ")"));
        }
      });
      if (rateLimitMaxRequests < 1 || rateLimitMaxRequests > 100_000) {
        problems.add(Diagnostic.error("", "rateLimitMaxRequests",
            rateLimitMaxRequests + " is out of range: use 1 to 100000"));
      }
      if (rateLimitConcurrency < 1 || rateLimitConcurrency > 64) {
        problems.add(Diagnostic.error("", "rateLimitConcurrency",
            rateLimitConcurrency + " is out of range: use 1 to 64"));
      }
      if (rateLimitMaxWaitSeconds < 0 || rateLimitMaxWaitSeconds > 3600) {
        problems.add(Diagnostic.error("", "rateLimitMaxWaitSeconds",
            rateLimitMaxWaitSeconds + " is out of range: use 0 to 3600"));
      }
      if (llm.mode() != LlmSettings.Mode.OFF) {
        if (llm.lockFile() == null) {
          problems.add(Diagnostic.error("", "llmLockFile", "LLM refinement needs a lock file to keep its answers"));
        }
        if (llm.mode() != LlmSettings.Mode.REPLAY && (llm.endpoint() == null || !llm.endpoint().matches("https?://.+"))) {
          problems.add(Diagnostic.error("", "llmEndpoint", "'" + llm.endpoint() + "' is not an http(s) URL of an"
              + " OpenAI-compatible API, e.g. https://api.openai.com/v1 or http://127.0.0.1:11434/v1 (Ollama)"));
        }
        if (llm.model() == null || llm.model().isBlank()) {
          problems.add(Diagnostic.error("", "llmModel", "no model given, e.g. gpt-4.1-mini or llama3.1"));
        }
        for (Family family : llm.families()) {
          if (!LlmSettings.ALLOWED_FAMILIES.contains(family)) {
            problems.add(Diagnostic.error("", "llmFamilies", "'" + family + "': the model may only propose data for"
                + " the valid and malformed families"));
          }
        }
      }
      if (!problems.isEmpty()) {
        throw new GenerationException(problems);
      }
      String inTests = specPathInTests == null || specPathInTests.isBlank()
          ? Objects.toString(specFile.getFileName())
          : specPathInTests.replace('\\', '/');
      return new GeneratorConfig(specFile, outputDirectory, basePackage, inTests, seed, remoteRefAllowList, refMappings,
          useSpecServers, includeDestructive, classSuffix, malformedStatuses, rateLimits, rateLimitMaxRequests,
          rateLimitConcurrency, rateLimitMaxWaitSeconds, selection, families, includeDeprecated, secondIdentity, destructiveMethods,
          allowUnknownProperties,
          reportDirectory, stateFile, fixtures, requestBodies, llm);
    }
  }
}
