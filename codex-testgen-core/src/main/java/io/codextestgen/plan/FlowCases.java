package io.codextestgen.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.codextestgen.api.ApiModel;
import io.codextestgen.api.ApiResponse;
import io.codextestgen.api.HttpMethod;
import io.codextestgen.api.MediaContent;
import io.codextestgen.api.Operation;
import io.codextestgen.api.Parameter;
import io.codextestgen.api.ParameterLocation;
import io.codextestgen.api.SchemaNode;
import io.codextestgen.config.Family;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The flow family: for a create operation ({@code POST /books}) whose item operations exist
 * ({@code GET /books/{bookId}}, and {@code PUT}/{@code DELETE} when documented), one test that creates, reads,
 * replaces, reads back, deletes and reads again, and one that sends a readOnly property (mass assignment). The
 * link from producer to consumer comes from OpenAPI {@code links}, else the create response's {@code id} (or the
 * path parameter's name), else its {@code Location} header.
 */
final class FlowCases {

  private final ApiModel model;
  private final RequestFactory requests;
  private final SecurityChoices security;
  /**
   * The first POST of each path, and the operations on each collection's items ({@code /books/} ->
   * {@code /books/{id}}): looked up for every path parameter, so indexed once (a scan each time was quadratic).
   */
  private final Map<String, Operation> postByPath = new HashMap<>();
  private final Map<String, List<Operation>> itemsByCollection = new HashMap<>();

  FlowCases(ApiModel model, RequestFactory requests, SecurityChoices security) {
    this.model = model;
    this.requests = requests;
    this.security = security;
    for (Operation operation : model.operations()) {
      if (operation.method() == HttpMethod.POST) {
        postByPath.putIfAbsent(operation.path(), operation);
      }
      int slash = operation.path().lastIndexOf('/');
      if (slash >= 0 && ITEM_SEGMENT.matcher(operation.path().substring(slash + 1)).matches()) {
        itemsByCollection.computeIfAbsent(operation.path().substring(0, slash + 1), k -> new ArrayList<>())
            .add(operation);
      }
    }
  }

  private static final Pattern ITEM_SEGMENT = Pattern.compile("\\{[^/}]+}");

  /** Why {@code create} gets no flow test, or the flow and mass-assignment tests. */
  record Outcome(List<TestCasePlan> cases, String reason) {}

  Outcome plan(OperationContext create) {
    Operation post = create.operation();
    if (post.method() != HttpMethod.POST || !create.primary().hasJsonBody()) {
      return new Outcome(List.of(), "not a create operation (POST with a JSON body)");
    }
    Optional<Operation> read = item(post, HttpMethod.GET);
    if (read.isEmpty()) {
      return new Outcome(List.of(), "no GET " + post.path() + "/{id} to read what was created");
    }
    String idParameter = read.get().parameters().stream().filter(p -> p.in() == ParameterLocation.PATH)
        .reduce((first, second) -> second).map(Parameter::name).orElse(null);
    String pointer = idPointer(post, read.get(), idParameter);
    if (pointer == null) {
      return new Outcome(List.of(), "cannot tell where the created id is: no link, no 'id' or '" + idParameter
          + "' in the response, no Location header");
    }
    RequestPlan readRequest = requestFor(read.get());
    Optional<Operation> replace = item(post, HttpMethod.PUT);
    Optional<Operation> delete = item(post, HttpMethod.DELETE);
    RequestPlan updateRequest = replace.map(this::requestFor).filter(r -> r != null && r.body() != null
        && r.body().kind() == BodyPlan.Kind.JSON).orElse(null);
    RequestPlan deleteRequest = delete.map(this::requestFor).orElse(null);
    if (readRequest == null) {
      return new Outcome(List.of(), "no valid request can be built for " + read.get().method() + " "
          + read.get().path());
    }
    List<String> ignored = new ArrayList<>();
    SchemaNode bodySchema = model.resolve(create.primary().bodySchema());
    bodySchema.properties().forEach((name, property) -> {
      if (model.resolve(property).writeOnly()) {
        ignored.add(name);
      }
    });
    ExpectationPlan gone = Expectations.rejection(read.get(), List.of(404, 410), true);
    String[] probe = create.primary().bodyValue() instanceof ObjectNode
        ? readOnlyProbe(bodySchema, pointer.replaceFirst("^/", "")) : new String[] {null, null};
    FlowPlan flow = new FlowPlan(idParameter, pointer.equals("location") ? null : pointer,
        create.primary().request(), Expectations.valid(post), readRequest, Expectations.valid(read.get()),
        updateRequest, updateRequest == null ? null : Expectations.valid(replace.get()), deleteRequest,
        deleteRequest == null ? null : Expectations.valid(delete.get()), gone, ignored, probe[0], probe[1]);
    List<String> steps = new ArrayList<>(List.of("create", "read"));
    if (updateRequest != null) {
      steps.addAll(List.of("replace", "read back"));
    }
    if (deleteRequest != null) {
      steps.addAll(List.of("delete", "read -> " + Expectations.describe(gone)));
    }
    List<TestCasePlan> cases = new ArrayList<>();
    cases.add(new TestCasePlan(create.method("flow"), create.label() + " flow: " + String.join(", ", steps),
        Family.FLOW.tag(), create.operationId(), post.pointer(), TestCasePlan.Shape.FLOW, create.primary().request(),
        Expectations.valid(post), true, List.of(), null, flow));
    if (probe[0] != null) {
      cases.add(new TestCasePlan(create.method("readOnly" + Names.upperCamel(probe[0], "Property") + "_notTaken"),
          create.label() + ": readOnly '" + probe[0] + "' sent -> rejected, or ignored on read-back",
          Family.FLOW.tag(), create.operationId(), bodySchema.pointer() + "/properties/" + probe[0] + "/readOnly",
          TestCasePlan.Shape.MASS_ASSIGNMENT, withProperty(create, probe), Expectations.valid(post), false,
          List.of(), null, flow));
    }
    return new Outcome(cases, null);
  }

  /**
   * For each path parameter of {@code consumer} that a create operation of the API produces ({@code bookId} of
   * {@code /books/{bookId}/...} by {@code POST /books}), how to make one. Parameters of the producer's own path keep
   * their planned values.
   */
  List<ProducerPlan> producersFor(Operation consumer) {
    List<ProducerPlan> producers = new ArrayList<>();
    for (Parameter parameter : consumer.parameters()) {
      if (parameter.in() != ParameterLocation.PATH) {
        continue;
      }
      int at = consumer.path().indexOf("/{" + parameter.name() + "}");
      if (at <= 0) {
        continue;
      }
      String collection = consumer.path().substring(0, at);
      Optional<Operation> post = Optional.ofNullable(postByPath.get(collection));
      if (post.isEmpty() || post.get() == consumer) {
        continue;
      }
      RequestPlan create = requestFor(post.get());
      if (create == null || create.body() == null || create.body().kind() != BodyPlan.Kind.JSON) {
        continue;
      }
      Operation read = item(post.get(), HttpMethod.GET).orElse(consumer);
      String pointer = idPointer(post.get(), read, parameter.name());
      if (pointer == null) {
        continue;
      }
      RequestPlan delete = item(post.get(), HttpMethod.DELETE).map(this::requestFor).orElse(null);
      String noun = parameter.name().replaceAll("(?i)_?id$", "");
      producers.add(new ProducerPlan(Names.lowerCamel("new " + (noun.isEmpty() ? collection : noun), "newResource"),
          parameter.name(), create, Expectations.valid(post.get()), pointer.equals("location") ? null : pointer,
          delete));
    }
    return producers;
  }

  /** The create of an item path's collection: {@code /books/{x}} -> {@code POST /books}, if there is one. */
  Optional<Operation> creator(String itemPath) {
    int slash = itemPath.lastIndexOf('/');
    return slash <= 0 ? Optional.empty() : Optional.ofNullable(postByPath.get(itemPath.substring(0, slash)));
  }

  /** The item operation of a collection: {@code /books} -> {@code /books/{x}} with the given method. */
  Optional<Operation> item(Operation collection, HttpMethod method) {
    String prefix = collection.path().endsWith("/") ? collection.path() : collection.path() + "/";
    return itemsByCollection.getOrDefault(prefix, List.of()).stream().filter(op -> op.method() == method).findFirst();
  }

  /**
   * Where the create response of {@code post} holds the id {@code read} takes as {@code idParameter}: a JSON
   * pointer, "location" for its Location header, or null when it cannot be told.
   */
  String idPointer(Operation post, Operation read, String idParameter) {
    for (ApiResponse response : post.responses()) {
      if (!response.status().startsWith("2")) {
        continue;
      }
      for (ApiResponse.Link link : response.links()) {
        String expression = link.parameters().get(idParameter);
        if (link.operationId().equals(read.operationId()) && expression != null) {
          if (expression.startsWith("$response.body#")) {
            return expression.substring("$response.body#".length());
          }
          if (expression.equalsIgnoreCase("$response.header.Location")) {
            return "location";
          }
        }
      }
    }
    for (ApiResponse response : post.responses()) {
      if (!response.status().startsWith("2")) {
        continue;
      }
      for (MediaContent content : response.contents()) {
        if (content.schema() != null) {
          Map<String, SchemaNode> properties = model.resolve(content.schema()).properties();
          if (properties.containsKey(idParameter)) {
            return "/" + idParameter;
          }
          if (properties.containsKey("id")) {
            return "/id";
          }
        }
      }
      if (response.headers().stream().anyMatch(h -> h.equalsIgnoreCase("Location"))) {
        return "location";
      }
    }
    return null;
  }

  /** The valid request of {@code operation} (first body variant), with credentials; null when none can be built. */
  RequestPlan requestFor(Operation operation) {
    List<List<String>> alternatives = security.supportedAlternatives(operation);
    if (!operation.security().isEmpty() && alternatives.isEmpty()) {
      return null;
    }
    List<CredentialUse> credentials = new ArrayList<>();
    if (!alternatives.isEmpty()) {
      alternatives.get(0).forEach(scheme -> credentials.add(CredentialUse.valid(scheme)));
      security.use(alternatives.get(0));
    }
    List<ValidRequest> valid = requests.validRequests(operation, credentials);
    return valid.isEmpty() ? null : valid.get(0).request();
  }

  /** A readOnly property of the body (not the id) and a value no server would set: {name, JSON value}. */
  private String[] readOnlyProbe(SchemaNode body, String idField) {
    for (Map.Entry<String, SchemaNode> entry : body.properties().entrySet()) {
      SchemaNode property = model.resolve(entry.getValue());
      if (!property.readOnly() || entry.getKey().equals(idField)) {
        continue;
      }
      JsonNode value = switch (ValueSynthesizer.typeOf(property)) {
        case "integer", "number" -> JsonNodeFactory.instance.numberNode(987654321);
        case "boolean" -> JsonNodeFactory.instance.booleanNode(true);
        case "string" -> JsonNodeFactory.instance.textNode("date-time".equals(property.format())
            ? "1999-12-31T23:59:59Z" : "date".equals(property.format()) ? "1999-12-31" : "codex-server-set");
        default -> null;
      };
      if (value != null) {
        return new String[] {entry.getKey(), value.toString()};
      }
    }
    return new String[] {null, null};
  }

  private static RequestPlan withProperty(OperationContext create, String[] probe) {
    ObjectNode body = create.primary().bodyValue().deepCopy();
    try {
      body.set(probe[0], new com.fasterxml.jackson.databind.ObjectMapper().readTree(probe[1]));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    RequestPlan request = create.primary().request();
    return request.withBody(new BodyPlan(request.body().contentType(), BodyPlan.Kind.JSON, JsonText.pretty(body),
        List.of(), List.of()));
  }
}
