package io.codextestgen.llm;

/** Sends one chat completion and returns the answer's JSON content; fails with {@link LlmException}. */
public interface ChatClient {

  /** The model's answer to {@code system} and {@code user}, constrained to the proposal schema. */
  Answer complete(String model, String system, String user, int maxTokens);

  /** The answer's content (JSON text) and the tokens it cost. */
  record Answer(String content, int tokens) {}

  /** A failed call: the message says what happened, never a secret. */
  final class LlmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LlmException(String message) {
      super(message);
    }
  }
}
