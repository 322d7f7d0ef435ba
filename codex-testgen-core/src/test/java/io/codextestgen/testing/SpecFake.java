package io.codextestgen.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.codextestgen.api.ApiModel;
import io.codextestgen.api.ApiModelReader;
import io.codextestgen.api.ApiResponse;
import io.codextestgen.api.MediaContent;
import io.codextestgen.api.Operation;
import io.codextestgen.api.SecurityRequirement;
import io.codextestgen.api.SecurityScheme;
import io.codextestgen.plan.ExampleValues;
import io.codextestgen.spec.SpecLoader;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A WireMock server that answers any spec as a correct implementation would, or with one deliberate fault. It
 * enforces the security requirements with known credentials, rate-limits operations that document 429 (a token
 * bucket per client, full at the start, refilled slowly, so bursts drain it however slow the machine), rejects
 * unparseable, unsupported or schema-violating requests (judged by the Atlassian validator) with problem+json, and
 * answers valid requests with a synthesized, spec-conformant body.
 */
public final class SpecFake implements AutoCloseable {

  /** One deliberate fault of the server; NONE is the correct server. */
  public enum Fault {
    NONE, AUTH_NOT_ENFORCED, SERVER_ERROR_ON_MALFORMED_JSON, MISSING_REQUIRED_ACCEPTED, MAXIMUM_IGNORED,
    ENUM_IGNORED, ADDITIONAL_PROPERTIES_IGNORED, MAX_ITEMS_IGNORED,
    /** No limiter at all: no 429, no RateLimit headers. */
    NO_RATE_LIMIT,
    /** A limiter in "dry run": it counts and announces its counters (remaining 0, reset), but never refuses. */
    RATE_LIMIT_NOT_ENFORCED,
    NO_RETRY_AFTER, RESPONSE_VIOLATES_SCHEMA, WRONG_CONTENT_TYPE, UNDOCUMENTED_STATUS,
    /** Input that breaks the schema is refused with 422 everywhere, whatever the spec documents (often 400). */
    UNPROCESSABLE_FOR_INVALID_INPUT,
    /**
     * A rule stated only in prose: a book must have a publication date, although the spec makes it optional
     * ({@code POST /books} without {@code published} gets 400).
     */
    PUBLISHED_REQUIRED_IN_PROSE
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  /** A token bucket of {@code rateLimit} tokens refilled over this many seconds: easy to drain, quick to recover. */
  private static final long WINDOW_SECONDS = 20;

  private final ApiModel model;
  private final OpenApiInteractionValidator validator;
  private final Map<String, String> credentials;
  private final int rateLimit;
  /** Token buckets, per operation and client. */
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final WireMockServer server;
  private volatile Fault fault = Fault.NONE;

  private SpecFake(Path spec, Map<String, String> credentials, int rateLimit) {
    this.model = ApiModelReader.read(new SpecLoader(List.of()).load(spec));
    this.validator = OpenApiInteractionValidator.createForSpecificationUrl(spec.toAbsolutePath().toString())
        .withBasePathOverride("/").build();
    this.credentials = Map.copyOf(credentials);
    this.rateLimit = rateLimit;
    this.server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
        .extensions(new Transformer()));
  }

  /**
   * Starts a fake of {@code spec}. {@code credentials} maps each security scheme to its valid value ("user:password"
   * for basic); operations documenting 429 accept bursts of {@code rateLimit} requests per client, refilled at
   * {@code rateLimit} per 20 seconds.
   */
  public static SpecFake start(Path spec, Map<String, String> credentials, int rateLimit) {
    SpecFake fake = new SpecFake(spec, credentials, rateLimit);
    fake.server.start();
    fake.server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
    return fake;
  }

  public void fault(Fault newFault) {
    fault = newFault;
    buckets.clear();
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.stop();
  }

  private final class Transformer implements ResponseDefinitionTransformerV2 {
    @Override
    public ResponseDefinition transform(ServeEvent event) {
      try {
        return answer(event.getRequest());
      } catch (RuntimeException e) {
        return problem(500, "fake failed: " + e);
      }
    }

    @Override
    public String getName() {
      return "spec-fake";
    }
  }

  private ResponseDefinition answer(LoggedRequest request) {
    String path = URI.create(request.getUrl()).getRawPath();
    Optional<Operation> found = model.operations().stream()
        .filter(op -> op.method().name().equals(request.getMethod().getName()) && matches(op.path(), path))
        .min(Comparator.comparingInt(op -> op.path().split("\\{").length));
    if (found.isEmpty()) {
      return problem(404, "no operation for " + request.getMethod() + " " + path);
    }
    Operation operation = found.get();
    if (fault != Fault.AUTH_NOT_ENFORCED && !authorized(operation, request)) {
      // As the spec says: 401 when documented (or nothing is), else the documented 403.
      int status = !documents(operation, "401") && documents(operation, "403") ? 403 : 401;
      return problem(status, "missing or wrong credentials");
    }
    if (operation.requestBody().isPresent()) {
      ResponseDefinition rejected = checkBody(operation, request);
      if (rejected != null) {
        return rejected;
      }
    }
    List<String> errors = validationErrors(request);
    if (!errors.isEmpty()) {
      return problem(fault == Fault.UNPROCESSABLE_FOR_INVALID_INPUT ? 422 : 400, String.join("; ", errors));
    }
    // Only requests that would succeed use up the quota, so that tests of bad input never meet a 429.
    List<HttpHeader> limitHeaders = new ArrayList<>();
    if (fault != Fault.NO_RATE_LIMIT && documents(operation, "429")) {
      // Per client, as real limiters count: requests with other credentials do not use up this client's quota.
      String client = request.getHeader("Authorization") + "|" + request.getHeader("X-API-Key");
      Bucket bucket = buckets.computeIfAbsent(operation.method() + " " + operation.path() + " " + client,
          key -> new Bucket(rateLimit));
      long now = System.nanoTime();
      long retryAfterMillis;
      long remaining;
      long nextTokenMillis;
      synchronized (bucket) {
        bucket.tokens = Math.min(rateLimit, bucket.tokens + (now - bucket.refilled) / 1e9 * rateLimit / WINDOW_SECONDS);
        bucket.refilled = now;
        boolean accepted = bucket.tokens >= 1 || fault == Fault.RATE_LIMIT_NOT_ENFORCED;
        if (accepted) {
          bucket.tokens = Math.max(0, bucket.tokens - 1);
        }
        remaining = (long) bucket.tokens;
        nextTokenMillis = remaining > 0 ? 0 : (long) Math.ceil((1 - bucket.tokens) * WINDOW_SECONDS * 1000 / rateLimit);
        retryAfterMillis = accepted ? -1 : nextTokenMillis;
      }
      limitHeaders.add(new HttpHeader("RateLimit-Limit", String.valueOf(rateLimit)));
      limitHeaders.add(new HttpHeader("RateLimit-Remaining", String.valueOf(remaining)));
      limitHeaders.add(new HttpHeader("RateLimit-Reset", String.valueOf((nextTokenMillis + 999) / 1000)));
      limitHeaders.add(new HttpHeader("RateLimit-Policy", rateLimit + ";w=" + WINDOW_SECONDS));
      if (retryAfterMillis >= 0) {
        if (fault != Fault.NO_RETRY_AFTER) {
          limitHeaders.add(new HttpHeader("Retry-After", String.valueOf(Math.max(1, (retryAfterMillis + 999) / 1000))));
        }
        return problem(429, "rate limit exceeded", limitHeaders);
      }
    }
    return success(operation, limitHeaders);
  }

  /** Tokens left and when they were last refilled (nanoseconds). */
  private static final class Bucket {
    double tokens;
    long refilled = System.nanoTime();

    Bucket(int capacity) {
      tokens = capacity;
    }
  }

  private static boolean matches(String template, String path) {
    String regex = ("\\Q" + template + "\\E").replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
    return path.matches(regex);
  }

  private static boolean documents(Operation operation, String status) {
    return operation.responses().stream().anyMatch(r -> r.status().equals(status));
  }

  private boolean authorized(Operation operation, LoggedRequest request) {
    if (operation.security().isEmpty()) {
      return true;
    }
    for (SecurityRequirement requirement : operation.security()) {
      if (requirement.schemeNames().stream().allMatch(name -> presented(name, request))) {
        return true;
      }
    }
    return false;
  }

  private boolean presented(String schemeName, LoggedRequest request) {
    SecurityScheme scheme = model.securitySchemes().get(schemeName);
    String valid = credentials.get(schemeName);
    if (scheme == null || valid == null) {
      return false;
    }
    return switch (scheme.kind()) {
      case API_KEY -> switch (scheme.in()) {
        case QUERY -> {
          QueryParameter parameter = request.queryParameter(scheme.parameterName());
          yield parameter.isPresent() && valid.equals(parameter.firstValue());
        }
        case COOKIE -> request.getCookies().containsKey(scheme.parameterName())
            && valid.equals(request.getCookies().get(scheme.parameterName()).getValue());
        default -> valid.equals(request.getHeader(scheme.parameterName()));
      };
      case BASIC -> ("Basic " + Base64.getEncoder().encodeToString(valid.getBytes(StandardCharsets.UTF_8)))
          .equals(request.getHeader("Authorization"));
      default -> ("Bearer " + valid).equals(request.getHeader("Authorization"));
    };
  }

  private ResponseDefinition checkBody(Operation operation, LoggedRequest request) {
    String contentType = request.getHeader("Content-Type");
    String body = request.getBodyAsString();
    boolean required = operation.requestBody().get().required();
    if ((contentType == null || body.isEmpty()) && required) {
      return problem(400, "a request body is required");
    }
    if (contentType == null) {
      return null;
    }
    String base = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    boolean supported = operation.requestBody().get().contents().stream()
        .anyMatch(content -> content.mediaType().toLowerCase(Locale.ROOT).equals(base));
    if (!supported) {
      return problem(415, "unsupported content type " + base);
    }
    if (base.endsWith("json")) {
      try {
        com.fasterxml.jackson.databind.JsonNode parsed = JSON.readTree(body);
        if (fault == Fault.PUBLISHED_REQUIRED_IN_PROSE && "createBook".equals(operation.operationId())
            && parsed != null && parsed.isObject() && !parsed.has("published")) {
          return problem(400, "a book needs its publication date");
        }
      } catch (java.io.IOException e) {
        return fault == Fault.SERVER_ERROR_ON_MALFORMED_JSON ? problem(500, "parser crashed")
            : problem(400, "body is not JSON");
      }
    }
    return null;
  }

  /** Request errors, minus what the current fault makes the server overlook. */
  private List<String> validationErrors(LoggedRequest request) {
    SimpleRequest.Builder simple = new SimpleRequest.Builder(request.getMethod().getName(),
        URI.create(request.getUrl()).getRawPath());
    String query = URI.create(request.getUrl()).getRawQuery();
    if (query != null) {
      Map<String, List<String>> params = new java.util.LinkedHashMap<>();
      for (String pair : query.split("&")) {
        String[] parts = pair.split("=", 2);
        params.computeIfAbsent(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), k -> new ArrayList<>())
            .add(parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
      }
      params.forEach(simple::withQueryParam);
    }
    HttpHeaders headers = request.getHeaders();
    for (HttpHeader header : headers.all()) {
      simple.withHeader(header.key(), header.values());
    }
    if (request.getBody().length > 0) {
      simple.withBody(request.getBodyAsString());
    }
    boolean form = String.valueOf(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
    List<String> errors = new ArrayList<>();
    for (ValidationReport.Message message : validator.validateRequest(simple.build()).getMessages()) {
      String key = message.getKey();
      if (message.getLevel() != ValidationReport.Level.ERROR || key.startsWith("validation.request.security")
          || key.equals("validation.request.body.schema.discriminator") || form && isJsonFormField(message)
          || overlooked(key)) {
        continue;
      }
      errors.add(key + ": " + message.getMessage());
    }
    return errors;
  }

  /** Form fields holding a nested object travel as JSON text, which the validator reads as a mismatch. */
  private static boolean isJsonFormField(ValidationReport.Message message) {
    return message.getKey().startsWith("validation.request.body.schema")
        && message.getContext().flatMap(ValidationReport.MessageContext::getPointers)
            .map(p -> !p.getInstance().isEmpty() && !p.getInstance().equals("/")).orElse(false)
        && message.getMessage().contains("instance type (string)") || message.getKey().endsWith(".oneOf");
  }

  private boolean overlooked(String key) {
    return switch (fault) {
      case MISSING_REQUIRED_ACCEPTED -> key.endsWith(".required");
      case MAXIMUM_IGNORED -> key.endsWith(".maximum");
      case ENUM_IGNORED -> key.endsWith(".enum");
      case ADDITIONAL_PROPERTIES_IGNORED -> key.endsWith(".additionalProperties");
      case MAX_ITEMS_IGNORED -> key.endsWith(".maxItems");
      default -> false;
    };
  }

  private ResponseDefinition success(Operation operation, List<HttpHeader> limitHeaders) {
    ApiResponse response = operation.responses().stream().filter(r -> r.status().matches("2\\d\\d")).findFirst()
        .orElseGet(() -> operation.responses().stream().filter(r -> r.status().matches("\\d{3}")).findFirst()
            .orElse(new ApiResponse("200", List.of(), List.of())));
    int status = Integer.parseInt(response.status());
    if (fault == Fault.UNDOCUMENTED_STATUS) {
      status = documents(operation, "203") ? 206 : 203;
    }
    // A limiter announces its counters on every answer, documented or not.
    List<HttpHeader> headers = new ArrayList<>(limitHeaders);
    if (response.headers().contains("Location")) {
      headers.add(new HttpHeader("Location", "http://127.0.0.1/created/1"));
    }
    if (response.contents().isEmpty()) {
      return aResponse().withStatus(status).withHeaders(new HttpHeaders(headers)).build();
    }
    MediaContent content = response.contents().get(0);
    String body;
    if (content.mediaType().contains("json")) {
      JsonNode value = withoutContradictions(operation, response, ExampleValues.response(model, content.schema(), 42));
      body = (fault == Fault.RESPONSE_VIOLATES_SCHEMA ? broken(value) : value).toString();
    } else {
      body = "sample " + content.mediaType();
    }
    String type = fault == Fault.WRONG_CONTENT_TYPE ? "text/html" : content.mediaType();
    headers.add(new HttpHeader("Content-Type", type));
    return aResponse().withStatus(status).withHeaders(new HttpHeaders(headers)).withBody(body).build();
  }

  /**
   * A spec can contradict itself (the bookshop's Order.payment discriminator has no mapping, so its values must be
   * schema names, yet Card.kind only allows "card"): no value of such a property validates. A correct server
   * would leave it out when optional; so does the fake.
   */
  private JsonNode withoutContradictions(Operation operation, ApiResponse response, JsonNode value) {
    com.atlassian.oai.validator.model.SimpleResponse.Builder simple =
        new com.atlassian.oai.validator.model.SimpleResponse.Builder(Integer.parseInt(response.status()))
            .withContentType(response.contents().get(0).mediaType()).withBody(value.toString());
    for (ValidationReport.Message message : validator.validateResponse(operation.path(),
        com.atlassian.oai.validator.model.Request.Method.valueOf(operation.method().name()), simple.build())
        .getMessages()) {
      String at = message.getContext().flatMap(ValidationReport.MessageContext::getPointers)
          .map(ValidationReport.MessageContext.Pointers::getInstance).orElse("");
      if (message.getKey().endsWith(".discriminator") && at.lastIndexOf('/') >= 0
          && value.at(at.substring(0, at.lastIndexOf('/'))) instanceof ObjectNode parent) {
        parent.remove(at.substring(at.lastIndexOf('/') + 1));
      }
    }
    return value;
  }

  /** The value with one thing wrong: an object loses its properties' types, an array's first item likewise. */
  private static JsonNode broken(JsonNode value) {
    if (value instanceof ArrayNode array && array.size() > 0) {
      array.set(0, broken(array.get(0)));
      return array;
    }
    if (value instanceof ObjectNode object && object.size() > 0) {
      String first = object.fieldNames().next();
      object.set(first, object.get(first).isNumber() ? JSON.getNodeFactory().textNode("broken")
          : JSON.getNodeFactory().numberNode(-1));
      return object;
    }
    return JSON.getNodeFactory().objectNode().put("broken", true);
  }

  private static ResponseDefinition problem(int status, String detail) {
    return problem(status, detail, List.of());
  }

  private static ResponseDefinition problem(int status, String detail, List<HttpHeader> headers) {
    ObjectNode body = JSON.createObjectNode().put("title", detail).put("status", status);
    List<HttpHeader> all = new ArrayList<>(headers);
    all.add(new HttpHeader("Content-Type", "application/problem+json"));
    return aResponse().withStatus(status).withHeaders(new HttpHeaders(all)).withBody(body.toString()).build();
  }
}
