package io.codextestgen.llm;

import io.codextestgen.config.LlmSettings;
import io.codextestgen.diag.Diagnostic;
import io.codextestgen.diag.GenerationException;
import java.util.Optional;

/**
 * The model's answers as planning receives them, provided by the facade: from the lock file, and (only when the
 * facade passes a client, for {@code generate} in record or refresh mode) from the model on a miss. The lock file
 * is read here but never written: the emit stage writes {@link #lockFileContent()} together with the sources, so
 * a failed generation writes nothing, and {@code check} and {@code render}, which get no client, call nothing.
 */
public final class ModelAnswers {

  private final LlmSettings settings;
  private final LockFile lock;
  private final ChatClient client;
  private int calls;
  private int tokens;

  private ModelAnswers(LlmSettings settings, ChatClient client) {
    this.settings = settings;
    this.lock = LockFile.read(settings.lockFile());
    this.client = client;
  }

  /** Answers from the lock file only: a miss fails, saying how to record the answer. No network. */
  public static ModelAnswers replaying(LlmSettings settings) {
    return new ModelAnswers(settings, null);
  }

  /**
   * Answers from the lock file, and from {@code client} on a miss ({@code record}) or always ({@code refresh});
   * in {@code replay} mode the client is never called.
   */
  public static ModelAnswers asking(LlmSettings settings, ChatClient client) {
    return new ModelAnswers(settings, settings.mode() == LlmSettings.Mode.RECORD
        || settings.mode() == LlmSettings.Mode.REFRESH ? client : null);
  }

  /** The client {@code generate} asks: an OpenAI-compatible API at the configured endpoint. */
  public static ChatClient openAiCompatible(LlmSettings settings) {
    return new OpenAiCompatibleClient(String.valueOf(settings.endpoint()), settings.apiKey(), settings.timeout());
  }

  /** A kept answer: which model gave it, for which operation, and its raw content. */
  public record Recorded(String model, String operation, String content) {}

  /**
   * The answer to {@code user} (kept under {@code key}). Throws {@link ChatClient.LlmException} when the model
   * cannot be asked or fails (the operation then gets no suggestions), {@link GenerationException} when the lock
   * file has no answer and the model may not be asked.
   */
  Recorded answer(String key, String operationId, String user) {
    Recorded recorded = client != null && settings.mode() == LlmSettings.Mode.REFRESH ? null : lock.get(key);
    if (recorded != null) {
      return recorded;
    }
    if (client == null) {
      throw new GenerationException(Diagnostic.error(settings.lockFile().getFileName().toString(), key,
          "no recorded LLM answer for operation " + operationId + " (the spec, the prompt or the model changed)."
              + " Only generate calls the model, and only in llmMode record or refresh: generate with"
              + " -Dcodex-testgen.llm.mode=record (Maven) or --llm-mode record (CLI), which needs the model API,"
              + " review the new tests, and commit the lock file"));
    }
    if (calls >= settings.maxCalls() || tokens >= settings.maxTokens()) {
      throw new ChatClient.LlmException("the LLM budget (" + settings.maxCalls() + " calls, " + settings.maxTokens()
          + " tokens) is spent");
    }
    calls++;
    ChatClient.Answer answer = client.complete(settings.model(), PromptBuilder.SYSTEM, user,
        Math.min(4000, settings.maxTokens()));
    tokens += answer.tokens();
    recorded = new Recorded(settings.model(), operationId, answer.content());
    lock.put(key, recorded);
    return recorded;
  }

  /**
   * The lock file's new content (the answers used, no others), when this run may change it: record and refresh
   * modes of {@code generate}. Empty otherwise.
   */
  public Optional<String> lockFileContent() {
    return client == null ? Optional.empty() : Optional.of(lock.prunedContent());
  }
}
