package io.codextestgen.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.codextestgen.api.ApiModel;
import io.codextestgen.api.MediaContent;
import io.codextestgen.api.Operation;
import io.codextestgen.api.Parameter;
import io.codextestgen.api.ParameterLocation;
import io.codextestgen.api.SchemaNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/** Builds the valid requests of an operation: one per body media type that can be sent (or one without body). */
final class RequestFactory {

  private final ApiModel model;
  private final long seed;
  private final PatternStrings patterns = new PatternStrings();
  private final SchemaMerger merger;
  private final Consumer<String> warn;
  private final java.util.function.BiFunction<String, String, String> fixtures;
  private final java.util.function.Function<String, String> givenBodies;

  /**
   * {@code fixtures} answers (operationId, parameter name) with a configured value, or null; {@code givenBodies}
   * an operationId with the JSON body a user gave for its valid request, or null.
   */
  RequestFactory(ApiModel model, long seed, Consumer<String> warn,
      java.util.function.BiFunction<String, String, String> fixtures,
      java.util.function.Function<String, String> givenBodies) {
    this.givenBodies = givenBodies;
    this.model = model;
    this.seed = seed;
    this.merger = new SchemaMerger(model);
    this.warn = warn;
    this.fixtures = fixtures;
  }

  /** Why the last {@link #validRequests} left a body out, or null. */
  private String unsatisfiable;

  /** Why {@link #validRequests} last left a body out because no value satisfies its schema, or null. */
  String unsatisfiable() {
    return unsatisfiable;
  }

  /**
   * Valid requests, JSON body first; empty when a required body has no media type we can send, or no value its
   * schema (see {@link #unsatisfiable()}).
   */
  List<ValidRequest> validRequests(Operation operation, List<CredentialUse> credentials) {
    unsatisfiable = null;
    String label = operation.method() + " " + operation.path();
    List<ValidRequest> requests = new ArrayList<>();
    for (BodyChoice body : bodyChoices(operation)) {
      Random random = new Random(TestPlanner.Seeds.of(seed, label + " " + body.suffix()));
      ValueSynthesizer values = new ValueSynthesizer(model, random, patterns, merger, warn);
      List<ValidRequest.ParameterValue> parameterValues = new ArrayList<>();
      List<String> unfixed = new ArrayList<>();
      Map<String, String> dates = new java.util.TreeMap<>(); // synthesized query dates, by name: a range's ends
      for (Parameter parameter : operation.parameters()) {
        if (parameter.in() == ParameterLocation.HEADER && isReservedHeader(parameter.name())) {
          continue;
        }
        String fixture = fixtures.apply(operation.operationId(), parameter.name());
        boolean example = parameter.schema() == null ? parameter.example() != null && !parameter.example().isNull()
            : values.usable(parameter.schema(), parameter.example(), parameter.pointer() + "/example");
        JsonNode value = fixture != null
            ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.textNode(fixture)
            : example ? parameter.example() : values.valueFor(parameter.schema(), parameter.name());
        // An example id illustrates; it need not name anything on the server under test. Enum values do.
        if (parameter.in() == ParameterLocation.PATH && fixture == null && !isEnumerated(parameter)) {
          unfixed.add(parameter.name());
        }
        parameterValues.add(new ValidRequest.ParameterValue(parameter, value));
        String format = values.synthesizedDateFormat(parameter.schema());
        if (parameter.in() == ParameterLocation.QUERY && fixture == null && !example && format != null) {
          dates.put(parameter.name(), format);
        }
      }
      Map<String, Boolean> ends = DateRanges.ends(dates.keySet());
      parameterValues.replaceAll(value -> {
        String name = value.parameter().name();
        return value.parameter().in() != ParameterLocation.QUERY || !ends.containsKey(name) ? value
            : new ValidRequest.ParameterValue(value.parameter(), com.fasterxml.jackson.databind.node.JsonNodeFactory
                .instance.textNode(DateRanges.value(dates.get(name), ends.get(name))));
      });
      SchemaNode bodySchema = body.content() == null || body.content().schema() == null ? SchemaNode.ANY
          : body.content().schema();
      JsonNode given = body.kind() == BodyPlan.Kind.JSON ? givenBody(operation) : null;
      boolean synthesized = body.content() != null && given == null
          && !(body.kind() == BodyPlan.Kind.JSON && values.usable(bodySchema, body.content().example(),
              operation.pointer() + "/requestBody/content/"
                  + io.codextestgen.api.Pointers.escape(body.content().mediaType()) + "/example(s)"));
      JsonNode completeBody = body.content() == null ? null
          : given != null ? given
          : !synthesized ? body.content().example()
          : values.valueFor(bodySchema, "body");
      if (synthesized && values.unsatisfiable() != null) {
        unsatisfiable = "no request body satisfies its schema (" + values.unsatisfiable() + "): a valid test"
            + " could never pass, so the operation gets none; fix the spec";
        continue;
      }
      JsonNode bodyValue = synthesized ? values.leastSurprising(completeBody) : completeBody;
      if (given == null) {
        bodyValue = withoutPathIds(operation, bodySchema, bodyValue);
        completeBody = withoutPathIds(operation, bodySchema, completeBody);
      }
      // The least surprising parameters too: optional ones the spec gives no value for (example, default, enum)
      // stay out of the valid request; the malformed rows still break each one.
      List<ValidRequest.ParameterValue> sent = parameterValues.stream()
          .filter(value -> chosen(operation.operationId(), value, values)).toList();
      RequestPlan request = new RequestPlan(operation.method().name(), operation.path(),
          serialized(sent, ParameterLocation.PATH),
          serialized(sent, ParameterLocation.QUERY),
          serialized(sent, ParameterLocation.HEADER),
          serialized(sent, ParameterLocation.COOKIE),
          credentials,
          body.content() == null ? null : bodyPlan(body, bodyValue, bodySchema));
      requests.add(new ValidRequest(body.suffix(), body.label(), request, bodyValue, completeBody, bodySchema,
          parameterValues, unfixed));
    }
    return requests;
  }

  /**
   * The body without optional members that repeat the path's id ({@code id} or {@code todoId} in a body sent to
   * {@code /todos/{todoId}}): the resource is named by the path, and a server may rightly refuse a body naming
   * another one ("id cannot be updated from 5 to 88"). Likewise an optional {@code id} in a body POSTed to a
   * collection ({@code /silences}): the server assigns the id of what it creates, and one that is sent names an
   * existing resource to update (Alertmanager: 404 "silence not found"). A required one stays.
   */
  private JsonNode withoutPathIds(Operation operation, SchemaNode bodySchema, JsonNode bodyValue) {
    if (!(bodyValue instanceof ObjectNode object)) {
      return bodyValue;
    }
    List<String> required = merger.flatten(model.resolve(bodySchema)).required();
    ObjectNode copy = null;
    for (Parameter parameter : operation.parameters()) {
      if (parameter.in() != ParameterLocation.PATH) {
        continue;
      }
      String name = parameter.name();
      boolean namesAnId = name.equalsIgnoreCase("id") || name.endsWith("Id") || name.endsWith("_id");
      for (String member : List.of(name, "id")) {
        if ((member.equals(name) || namesAnId) && object.has(member) && !required.contains(member)) {
          copy = copy == null ? object.deepCopy() : copy;
          copy.remove(member);
        }
      }
    }
    boolean createsInCollection = operation.method() == io.codextestgen.api.HttpMethod.POST
        && !operation.path().endsWith("}");
    if (createsInCollection && object.has("id") && !required.contains("id")) {
      copy = copy == null ? object.deepCopy() : copy;
      copy.remove("id");
    }
    return copy == null ? bodyValue : copy;
  }

  /** The JSON body a user gave for the operation's valid request, or null (checked to be JSON by the config). */
  private JsonNode givenBody(Operation operation) {
    String text = givenBodies.apply(operation.operationId());
    return text == null ? null : JsonText.parse(text);
  }

  /**
   * Whether the valid request sends {@code value}'s parameter: a required one, one a fixture gives, or one the spec
   * gives a value for (an example, a default, an enum).
   */
  private boolean chosen(String operationId, ValidRequest.ParameterValue value, ValueSynthesizer values) {
    Parameter parameter = value.parameter();
    return parameter.required() || parameter.in() == ParameterLocation.PATH || parameter.schema() == null
        || values.fits(parameter.schema(), parameter.example())
        || fixtures.apply(operationId, parameter.name()) != null
        || values.hasOwnValue(parameter.schema());
  }

  /** A parameter whose schema lists its values: any of them names something the API knows. */
  private boolean isEnumerated(Parameter parameter) {
    return !model.resolve(parameter.schema()).enumValues().isEmpty();
  }

  private static List<NameValue> serialized(List<ValidRequest.ParameterValue> values, ParameterLocation in) {
    List<NameValue> result = new ArrayList<>();
    for (ValidRequest.ParameterValue value : values) {
      if (value.parameter().in() == in) {
        result.addAll(ParameterSerializer.serialize(value.parameter(), value.value()));
      }
    }
    return result;
  }

  /** OpenAPI says these header parameters are ignored: the request's own fields decide them. */
  private static boolean isReservedHeader(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.equals("accept") || lower.equals("content-type") || lower.equals("authorization");
  }

  /** A media type to send, with its method-name suffix and display label. Content null: no body. */
  private record BodyChoice(MediaContent content, BodyPlan.Kind kind, String suffix, String label) {}

  private List<BodyChoice> bodyChoices(Operation operation) {
    if (operation.requestBody().isEmpty()) {
      return List.of(new BodyChoice(null, null, "", ""));
    }
    Map<BodyPlan.Kind, BodyChoice> choices = new LinkedHashMap<>();
    for (MediaContent content : operation.requestBody().get().contents()) {
      BodyPlan.Kind kind = kindOf(content);
      if (kind == null || choices.containsKey(kind)
          || kind == BodyPlan.Kind.MULTIPART && !isSimpleObject(content.schema())) {
        continue;
      }
      choices.put(kind, switch (kind) {
        case JSON -> new BodyChoice(content, kind, "", "");
        case FORM -> new BodyChoice(content, kind, "_formBody", " (form body)");
        case MULTIPART -> new BodyChoice(content, kind, "_multipartBody", " (multipart body)");
        case TEXT -> new BodyChoice(content, kind, "_textBody", " (text body)");
      });
    }
    if (choices.isEmpty() && !operation.requestBody().get().required()) {
      return List.of(new BodyChoice(null, null, "", ""));
    }
    List<BodyChoice> ordered = new ArrayList<>();
    for (BodyPlan.Kind kind : BodyPlan.Kind.values()) {
      if (choices.containsKey(kind)) {
        ordered.add(choices.get(kind));
      }
    }
    return ordered;
  }

  static BodyPlan.Kind kindOf(MediaContent content) {
    String type = content.mediaType().toLowerCase(Locale.ROOT);
    if (type.startsWith("application/json") || type.matches("application/[^;]*\\+json.*")
        || type.equals("*/*") || type.equals("application/*")) {
      return BodyPlan.Kind.JSON;
    }
    if (type.startsWith("application/x-www-form-urlencoded")) {
      return BodyPlan.Kind.FORM;
    }
    if (type.startsWith("multipart/form-data")) {
      return BodyPlan.Kind.MULTIPART;
    }
    return type.startsWith("text/") ? BodyPlan.Kind.TEXT : null;
  }

  /** Multipart is generated for objects whose properties are scalars, scalar arrays or files. */
  private boolean isSimpleObject(SchemaNode raw) {
    if (raw == null) {
      return false;
    }
    SchemaNode schema = model.resolve(raw);
    if (schema.properties().isEmpty()) {
      return false;
    }
    for (SchemaNode property : schema.properties().values()) {
      SchemaNode resolved = model.resolve(property);
      String type = ValueSynthesizer.typeOf(resolved);
      if (type.equals("object") || !resolved.oneOf().isEmpty() || !resolved.anyOf().isEmpty()
          || type.equals("array") && resolved.items() != null
              && ValueSynthesizer.typeOf(model.resolve(resolved.items())).matches("object|array")) {
        return false;
      }
    }
    return true;
  }

  private BodyPlan bodyPlan(BodyChoice choice, JsonNode value, SchemaNode schema) {
    String contentType = choice.content().mediaType().contains("*") ? "application/json"
        : choice.content().mediaType();
    return switch (choice.kind()) {
      case JSON -> new BodyPlan(contentType, BodyPlan.Kind.JSON, JsonText.pretty(value), List.of(), List.of());
      case TEXT -> new BodyPlan(contentType, BodyPlan.Kind.TEXT, ParameterSerializer.text(value), List.of(),
          List.of());
      case FORM, MULTIPART -> new BodyPlan(contentType, choice.kind(), null, fields(value),
          fileFields(schema, choice.kind()));
    };
  }

  private static List<NameValue> fields(JsonNode value) {
    List<NameValue> fields = new ArrayList<>();
    if (value instanceof ObjectNode object) {
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (field.getValue().isArray()) {
          field.getValue().forEach(item -> fields.add(new NameValue(field.getKey(), ParameterSerializer.text(item))));
        } else {
          fields.add(new NameValue(field.getKey(), ParameterSerializer.text(field.getValue())));
        }
      }
    }
    return fields;
  }

  private List<String> fileFields(SchemaNode raw, BodyPlan.Kind kind) {
    List<String> files = new ArrayList<>();
    if (kind == BodyPlan.Kind.MULTIPART) {
      model.resolve(raw).properties().forEach((name, property) -> {
        String format = model.resolve(property).format();
        if ("binary".equals(format) || "base64".equals(format)) {
          files.add(name);
        }
      });
    }
    return files;
  }
}
