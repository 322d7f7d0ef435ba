package io.codextestgen.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Optional LLM refinement: a model proposes data (values, boundary cases), the generator validates and renders it.
 * Off by default. Answers are kept in {@code lockFile} so builds replay them offline. The API key is read at call
 * time from {@code apiKey} (an environment variable or the build tool's credential store), never stored here: this
 * record's text (which fingerprints the configuration) does not contain it.
 */
public record LlmSettings(
    Mode mode,
    String endpoint,
    String model,
    Path lockFile,
    Set<Family> families,
    List<String> operations,
    int maxCalls,
    int maxTokens,
    Duration timeout,
    Supplier<String> apiKey) {

  /** How the model is consulted. */
  public enum Mode {
    /** Never (the default). */
    OFF,
    /** Only answers in the lock file; a missing one fails, saying how to record it. No network (CI). */
    REPLAY,
    /** Answers from the lock file; the model only on a miss; answers no longer used are pruned. */
    RECORD,
    /** Ask the model again for every operation and rewrite the lock file. */
    REFRESH;

    public static Mode parse(String text) {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
  }

  public static final String DEFAULT_API_KEY_ENV = "CODEX_LLM_API_KEY";

  public static final LlmSettings OFF = new LlmSettings(Mode.OFF, null, null, null, Set.of(Family.VALID, Family.MALFORMED),
      List.of(), 50, 200_000, Duration.ofSeconds(60), () -> System.getenv(DEFAULT_API_KEY_ENV));

  public LlmSettings {
    families = Set.copyOf(families);
    operations = List.copyOf(operations);
  }

  /** Families the model may propose data for: valid and malformed only; never auth or rate-limit. */
  public static final Set<Family> ALLOWED_FAMILIES = Set.of(Family.VALID, Family.MALFORMED);

  @Override
  public String toString() {
    return "LlmSettings[mode=" + mode + ", endpoint=" + endpoint + ", model=" + model + ", lockFile=" + lockFile
        + ", families=" + new java.util.TreeSet<>(families) + ", operations=" + operations + ", maxCalls=" + maxCalls
        + ", maxTokens=" + maxTokens + ", timeout=" + timeout + "]";
  }
}
