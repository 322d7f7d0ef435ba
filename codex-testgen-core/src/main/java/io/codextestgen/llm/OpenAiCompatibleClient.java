package io.codextestgen.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * An OpenAI-compatible chat-completions client (OpenAI, Azure OpenAI, Ollama, vLLM, LM Studio, llama.cpp server)
 * on the JDK's HttpClient, asking for structured output under {@link ProposalSchema}. At most 3 attempts: a 429 or
 * 5xx is retried after its Retry-After (bounded), a 4xx is not.
 */
public final class OpenAiCompatibleClient implements ChatClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ATTEMPTS = 3;
  private static final long MAX_WAIT_MILLIS = 30_000;

  private final URI endpoint;
  private final Supplier<String> apiKey;
  private final Duration timeout;
  private final HttpClient http;

  public OpenAiCompatibleClient(String baseUrl, Supplier<String> apiKey, Duration timeout) {
    this.endpoint = URI.create(baseUrl.replaceAll("/+$", "") + "/chat/completions");
    this.apiKey = apiKey;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  @Override
  public Answer complete(String model, String system, String user, int maxTokens) {
    ObjectNode body = JSON.createObjectNode().put("model", model).put("temperature", 0).put("max_tokens", maxTokens);
    body.putArray("messages")
        .add(JSON.createObjectNode().put("role", "system").put("content", system))
        .add(JSON.createObjectNode().put("role", "user").put("content", user));
    ObjectNode format = body.putObject("response_format").put("type", "json_schema");
    try {
      format.putObject("json_schema").put("name", ProposalSchema.NAME).put("strict", true)
          .set("schema", JSON.readTree(ProposalSchema.JSON));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    String key = apiKey.get();
    if (key != null && !key.isBlank()) {
      request.header("Authorization", "Bearer " + key);
    }
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> response;
      try {
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      } catch (HttpTimeoutException e) {
        throw new LlmException("no answer from " + endpoint + " within " + timeout.toSeconds() + " s");
      } catch (IOException e) {
        throw new LlmException("cannot reach " + endpoint + ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LlmException("interrupted");
      }
      int status = response.statusCode();
      if (status == 200) {
        return answer(response.body());
      }
      boolean retryable = status == 429 || status >= 500;
      if (!retryable || attempt == ATTEMPTS) {
        throw new LlmException("the model API answered " + status + (retryable ? " " + attempt + " times" : "")
            + " (" + endpoint + ")");
      }
      pause(response.headers().firstValue("Retry-After").map(OpenAiCompatibleClient::seconds).orElse(1L));
    }
  }

  private static Answer answer(String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (IOException e) {
      throw new LlmException("the model API's answer is not JSON");
    }
    JsonNode choice = root.path("choices").path(0);
    JsonNode message = choice.path("message");
    if (message.hasNonNull("refusal") && !message.path("refusal").asText().isBlank()) {
      throw new LlmException("the model refused: " + abbreviate(message.path("refusal").asText()));
    }
    if ("length".equals(choice.path("finish_reason").asText())) {
      throw new LlmException("the model's answer was cut off (max tokens reached)");
    }
    if (!message.path("content").isTextual()) {
      throw new LlmException("the model's answer has no content");
    }
    return new Answer(message.path("content").asText(), root.path("usage").path("total_tokens").asInt(0));
  }

  private static long seconds(String retryAfter) {
    try {
      return Math.max(0, Long.parseLong(retryAfter.trim()));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static void pause(long seconds) {
    try {
      Thread.sleep(Math.min(MAX_WAIT_MILLIS, seconds * 1000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LlmException("interrupted");
    }
  }

  private static String abbreviate(String text) {
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }
}
