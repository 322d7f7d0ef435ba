package io.codextestgen.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.codextestgen.diag.Diagnostic;
import io.codextestgen.diag.GenerationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-operation expectations versioned next to the spec, in {@value #FILE_NAME}:
 *
 * <pre>
 * operations:
 *   createBook:
 *     malformedStatuses: [422]        # rejects bad input with 422, whatever the spec says
 *     allowUnknownProperties: true    # permissive about unknown properties on purpose
 *     rateLimit: 80/2s                # requests per window (or just 80), when the API announces none
 *   getAlerts:
 *     parameters:                     # values the valid request sends, where the spec states a rule in prose
 *       filter: 'alertname="codex"'
 *   postSilences:
 *     body:                           # the whole body of the valid request, as YAML or JSON
 *       comment: maintenance
 * </pre>
 *
 * <p>Values set in the build configuration win over the file's.
 */
public final class PolicyFile {

  public static final String FILE_NAME = "codex-testgen.yaml";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> KEYS = Set.of("malformedStatuses", "allowUnknownProperties", "rateLimit",
      "parameters", "body");

  private PolicyFile() {}

  /** The config with the policy file next to its spec merged in; the config itself when there is none. */
  public static GeneratorConfig apply(GeneratorConfig config) {
    Path file = config.specFile().toAbsolutePath().normalize().resolveSibling(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return config;
    }
    JsonNode root;
    try {
      root = YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new GenerationException(Diagnostic.error(FILE_NAME, "", "cannot read: " + e.getMessage()));
    }
    List<Diagnostic> problems = new ArrayList<>();
    Map<String, List<Integer>> statuses = new HashMap<>();
    Map<String, RateLimit> limits = new HashMap<>();
    Set<String> permissive = new HashSet<>();
    Map<String, String> fixtures = new HashMap<>();
    Map<String, String> bodies = new HashMap<>();
    JsonNode operations = root == null ? null : root.get("operations");
    if (root != null && (!root.isObject() || root.size() != (operations == null ? 0 : 1))) {
      problems.add(Diagnostic.error(FILE_NAME, "", "expected a single top-level key 'operations'"));
    }
    if (operations != null) {
      for (Iterator<Map.Entry<String, JsonNode>> ops = operations.fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        for (Iterator<Map.Entry<String, JsonNode>> keys = op.getValue().fields(); keys.hasNext(); ) {
          Map.Entry<String, JsonNode> entry = keys.next();
          String at = "operations." + op.getKey() + "." + entry.getKey();
          JsonNode value = entry.getValue();
          if (!KEYS.contains(entry.getKey())) {
            problems.add(Diagnostic.error(FILE_NAME, at, "unknown key: use " + String.join(", ", new java.util.TreeSet<>(KEYS))));
          } else if (entry.getKey().equals("malformedStatuses") && value.isArray()) {
            List<Integer> list = new ArrayList<>();
            value.forEach(status -> list.add(status.isInt() ? status.asInt() : -1));
            statuses.put(op.getKey(), list);
          } else if (entry.getKey().equals("rateLimit") && value.isInt()) {
            limits.put(op.getKey(), RateLimit.of(value.asInt()));
          } else if (entry.getKey().equals("rateLimit") && value.isTextual()) {
            try {
              limits.put(op.getKey(), RateLimit.parse(value.asText()));
            } catch (IllegalArgumentException e) {
              problems.add(Diagnostic.error(FILE_NAME, at, e.getMessage()));
            }
          } else if (entry.getKey().equals("parameters") && value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> parameters = value.fields(); parameters.hasNext(); ) {
              Map.Entry<String, JsonNode> parameter = parameters.next();
              if (parameter.getValue().isValueNode() && !parameter.getValue().isNull()) {
                fixtures.put(op.getKey() + "." + parameter.getKey(), parameter.getValue().asText());
              } else {
                problems.add(Diagnostic.error(FILE_NAME, at + "." + parameter.getKey(), "wrong type: a parameter's"
                    + " value is a string, number or boolean, sent as written"));
              }
            }
          } else if (entry.getKey().equals("body") && !value.isNull()) {
            bodies.put(op.getKey(), value.toString());
          } else if (entry.getKey().equals("allowUnknownProperties") && value.isBoolean()) {
            if (value.asBoolean()) {
              permissive.add(op.getKey());
            }
          } else {
            problems.add(Diagnostic.error(FILE_NAME, at, "wrong type: malformedStatuses is a list of status codes,"
                + " rateLimit a number or requests/window such as 80/2s, allowUnknownProperties true or false,"
                + " parameters a map of names to values, body the request body"));
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new GenerationException(problems);
    }
    statuses.putAll(config.malformedStatuses());
    limits.putAll(config.rateLimits());
    permissive.addAll(config.allowUnknownProperties());
    fixtures.putAll(config.fixtures());
    bodies.putAll(config.requestBodies());
    try {
      return config.toBuilder().malformedStatuses(statuses).rateLimits(limits).allowUnknownProperties(permissive)
          .fixtures(fixtures).requestBodies(bodies).build();
    } catch (GenerationException e) {
      List<Diagnostic> located = new ArrayList<>();
      for (Diagnostic d : e.diagnostics()) {
        located.add(Diagnostic.error(FILE_NAME, d.location(), d.message()));
      }
      throw new GenerationException(located);
    }
  }
}
