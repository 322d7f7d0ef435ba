package io.codextestgen.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.codextestgen.api.ApiModel;
import io.codextestgen.api.ApiResponse;
import io.codextestgen.api.HttpMethod;
import io.codextestgen.api.MediaContent;
import io.codextestgen.api.Operation;
import io.codextestgen.api.SchemaNode;
import io.codextestgen.config.Family;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The semantics family: HTTP rules that only show across requests, one test per rule and resource, on the
 * operation the rule is about. A resource is an item of a collection ({@code /books/{bookId}}, made by
 * {@code POST /books} in the test) or a path with both a write and a read ({@code PUT /settings} and
 * {@code GET /settings}: a singleton, addressed as the valid request addresses it).
 */
final class SemanticsCases {

  private static final Pattern ITEM_SEGMENT = Pattern.compile("\\{[^/}]+}");

  private final ApiModel model;
  private final FlowCases flows;
  private final Violations violations;
  private final long seed;
  private final Map<String, Map<HttpMethod, Operation>> byPath = new HashMap<>();

  SemanticsCases(ApiModel model, FlowCases flows, long seed) {
    this.model = model;
    this.flows = flows;
    this.seed = seed;
    this.violations = new Violations(model, new PatternStrings());
    for (Operation operation : model.operations()) {
      byPath.computeIfAbsent(operation.path(), path -> new EnumMap<>(HttpMethod.class))
          .putIfAbsent(operation.method(), operation);
    }
  }

  /** The tests of {@code context}'s operation, or why it has none. */
  record Outcome(List<TestCasePlan> cases, String reason) {}

  /** The resource a test works on: how to make it (item) or none (singleton), and how to read it. */
  private record Resource(RequestPlan create, ExpectationPlan createExpect, String idParameter, String idPointer,
      RequestPlan read, Operation readOperation, RequestPlan delete) {}

  Outcome plan(OperationContext context) {
    Operation operation = context.operation();
    return switch (operation.method()) {
      case POST -> createdReadable(context);
      case PUT -> puts(context);
      case DELETE -> deletedGone(context);
      case PATCH -> patched(context);
      case GET, HEAD -> new Outcome(List.of(), "a read: the rules of the writes on its path read through it");
      default -> new Outcome(List.of(), "no rule across requests is tested for " + operation.method());
    };
  }

  /** 201 Created names a resource that can be read, at its Location and at the item path. */
  private Outcome createdReadable(OperationContext context) {
    String unknown = unknownResource(context);
    if (unknown != null) {
      return new Outcome(List.of(), unknown);
    }
    Operation post = context.operation();
    if (!context.primary().hasJsonBody()) {
      return new Outcome(List.of(), "not a create: no JSON body");
    }
    Optional<Operation> read = flows.item(post, HttpMethod.GET);
    if (read.isEmpty()) {
      return new Outcome(List.of(), "no GET " + post.path() + "/{id} to read what was created");
    }
    Resource resource = item(post, read.get(), context.primary().request());
    if (resource == null) {
      return new Outcome(List.of(), "cannot tell where the created id is (no link, no id in the response, no"
          + " Location header), or GET " + read.get().path() + " has no valid request");
    }
    SemanticsPlan plan = plan(SemanticsPlan.Rule.CREATED_READABLE, resource, null, null, null,
        context.primary().request(), Expectations.valid(post), context.primary().request().body().text(), null, null,
        null, null, null, ignored(context.primary().bodySchema(), read.get()));
    return new Outcome(List.of(testCase(context, "createdIsReadable", context.label() + ": created means readable"
        + " -> GET its Location and " + read.get().path() + " return what was sent", plan)), null);
  }

  /** PUT replaces, PUT is idempotent, a rejected PUT changes nothing: on any resource with a GET at its path. */
  private Outcome puts(OperationContext context) {
    String unknown = unknownResource(context);
    if (unknown != null) {
      return new Outcome(List.of(), unknown);
    }
    Operation put = context.operation();
    if (!context.primary().hasJsonBody() || !(context.primary().bodyValue() instanceof ObjectNode sent)) {
      return new Outcome(List.of(), "the PUT sends no JSON object");
    }
    Optional<Operation> get = at(put.path(), HttpMethod.GET);
    if (get.isEmpty()) {
      return new Outcome(List.of(), "no GET " + put.path() + " to read the resource back");
    }
    Resource resource = resource(put, get.get());
    if (resource == null) {
      return new Outcome(List.of(), "the item cannot be made: no create of its collection with a readable id");
    }
    SchemaNode schema = model.resolve(context.primary().bodySchema());
    List<String> ignored = ignored(context.primary().bodySchema(), get.get());
    // The full representation: the valid body with one optional member more (if it lacks one), which the second
    // PUT of "PUT replaces" leaves out.
    ObjectNode full = sent.deepCopy();
    String leftOut = null;
    JsonNode complete = context.primary().completeBody();
    for (String name : new TreeSet<>(schema.properties().keySet())) {
      SchemaNode property = model.resolve(schema.properties().get(name));
      if (!schema.required().contains(name) && !property.readOnly() && !property.writeOnly()
          && !ignored.contains(name) && (sent.has(name) || complete != null && complete.has(name))) {
        if (!sent.has(name)) {
          full.set(name, complete.get(name));
        }
        leftOut = name;
        break;
      }
    }
    ObjectNode partial = full.deepCopy();
    if (leftOut != null) {
      partial.remove(leftOut);
    }
    RequestPlan request = context.primary().request();
    ExpectationPlan expect = Expectations.valid(put);
    String fullText = JsonText.pretty(full);
    List<TestCasePlan> cases = new ArrayList<>();
    String defaultValue = leftOut == null ? null : defaultOf(schema.properties().get(leftOut));
    cases.add(testCase(context, "putReplaces", context.label() + ": PUT replaces the resource -> GET returns what"
        + " was sent" + (leftOut == null ? "" : ", then no '" + leftOut + "'"),
        plan(SemanticsPlan.Rule.PUT_REPLACES, resource, null, null, null, request, expect, fullText,
            leftOut == null ? null : JsonText.pretty(partial), leftOut, leftOut == null ? null : full.get(leftOut),
            defaultValue, null, ignored)));
    cases.add(testCase(context, "putIsIdempotent", context.label() + ": PUT is idempotent -> the same PUT twice"
        + " leaves the state one leaves", plan(SemanticsPlan.Rule.PUT_IDEMPOTENT, resource, null, null, null, request,
            expect, fullText, null, null, null, null, null, ignored)));
    Violations.Violation broken = wrongType(context.primary().bodySchema(), full);
    if (broken != null) {
      JsonNode malformed = JsonPointers.with(full, broken.at(), broken.value());
      cases.add(testCase(context, "rejectedPutChangesNothing", context.label() + ": a rejected write changes"
          + " nothing -> " + broken.description() + ": 4xx, GET unchanged",
          plan(SemanticsPlan.Rule.REJECTED_WRITE_CHANGES_NOTHING, resource, request, expect, fullText, request,
              Expectations.rejection(put, List.of(400, 422), true), JsonText.pretty(malformed), null, null, null,
              null, null, ignored)));
    }
    return new Outcome(cases, null);
  }

  /**
   * A merge patch (RFC 7396) or a JSON patch (RFC 6902) sets what it names and leaves the rest: the resource is
   * given a state (created, or PUT when the path has a PUT), one scalar member is patched, and GET shows that member
   * changed and the others as before.
   */
  private Outcome patched(OperationContext context) {
    String unknown = unknownResource(context);
    if (unknown != null) {
      return new Outcome(List.of(), unknown);
    }
    Operation patch = context.operation();
    String type = context.primary().request().body() == null ? ""
        : context.primary().request().body().contentType().toLowerCase(java.util.Locale.ROOT);
    boolean merge = type.startsWith("application/merge-patch+json");
    if (!merge && !type.startsWith("application/json-patch+json")) {
      return new Outcome(List.of(), "the PATCH sends neither application/merge-patch+json nor"
          + " application/json-patch+json, so what it changes is not defined");
    }
    Optional<Operation> get = at(patch.path(), HttpMethod.GET);
    if (get.isEmpty()) {
      return new Outcome(List.of(), "no GET " + patch.path() + " to read the resource back");
    }
    Resource resource = resource(patch, get.get());
    if (resource == null) {
      return new Outcome(List.of(), "the item cannot be made: no create of its collection with a readable id");
    }
    List<String> ignored = ignored(context.primary().bodySchema(), get.get());
    // The member to patch and its new value: from a value of the resource as GET documents it.
    SchemaNode representation = get.get().responses().stream().filter(r -> r.status().startsWith("2"))
        .flatMap(r -> r.contents().stream()).map(MediaContent::schema).filter(s -> s != null).findFirst()
        .orElse(null);
    if (representation == null) {
      return new Outcome(List.of(), "GET " + patch.path() + " documents no JSON body to read the patch back in");
    }
    Optional<Operation> put = setupPut(resource, patch.path());
    RequestPlan setup = put.map(flows::requestFor).orElse(null);
    // What the resource holds before the patch (what the test created, or PUT), so the patch can change a member.
    RequestPlan known = resource.create() != null ? resource.create() : setup;
    JsonNode state = known == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
        : JsonText.parse(known.body().text());
    JsonNode value = new ValueSynthesizer(model, new java.util.Random(seed), new PatternStrings(),
        new SchemaMerger(model), message -> { }).valueFor(representation, "value");
    String member = null;
    JsonNode patched = null;
    SchemaNode resolved = model.resolve(representation);
    for (String name : new TreeSet<>(resolved.properties().keySet())) {
      JsonNode candidate = value.get(name);
      if (candidate == null || !candidate.isValueNode() || candidate.isNull() || ignored.contains(name)) {
        continue;
      }
      if (candidate.equals(state.get(name))) {
        // the same value would prove nothing: another value the schema lists, or another member
        candidate = model.resolve(resolved.properties().get(name)).enumValues().stream()
            .filter(e -> !e.isNull() && !e.equals(state.get(name))).findFirst().orElse(null);
      }
      if (candidate != null) {
        member = name;
        patched = candidate;
        break;
      }
    }
    if (member == null) {
      return new Outcome(List.of(), "the resource has no member the patch could change (a scalar, not readOnly)");
    }
    com.fasterxml.jackson.databind.node.JsonNodeFactory json =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
    JsonNode document = merge ? json.objectNode().set(member, patched)
        : json.arrayNode().add(json.objectNode().put("op", "add")
            .put("path", "/" + member.replace("~", "~0").replace("/", "~1")).set("value", patched));
    SemanticsPlan plan = plan(SemanticsPlan.Rule.PATCH_APPLIES, resource, setup,
        put.map(Expectations::valid).orElse(null), setup == null ? null : setup.body().text(),
        context.primary().request(), Expectations.valid(patch), JsonText.pretty(document), null, member, patched,
        null, null, ignored);
    return new Outcome(List.of(testCase(context, "patchChangesOnlyWhatItNames", context.label() + ": "
        + (merge ? "a merge patch" : "a JSON patch") + " changes '" + member + "' and nothing else -> GET", plan)),
        null);
  }

  /**
   * Another identity's request for an item the first identity created: refused with 403 or 404, and the item reads
   * as before for its owner (OWASP API1). Items only: a resource with an id in its path, which the test creates.
   * Without {@code generate} (no second identity configured), an operation it applies to gets neither a test nor a
   * method name: no cases and no reason, for the caller to say why.
   */
  Outcome otherIdentity(OperationContext context, boolean generate) {
    Operation operation = context.operation();
    if (!Set.of(HttpMethod.GET, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE).contains(operation.method())
        || operation.security().isEmpty()) {
      return new Outcome(List.of(), "not a protected read, write or delete of an item");
    }
    String last = operation.path().substring(operation.path().lastIndexOf('/') + 1);
    String unknown = unknownResource(context);
    if (unknown != null || !ITEM_SEGMENT.matcher(last).matches()) {
      return new Outcome(List.of(), unknown != null ? unknown : "not an item of a collection");
    }
    Optional<Operation> get = at(operation.path(), HttpMethod.GET);
    if (get.isEmpty()) {
      return new Outcome(List.of(), "no GET " + operation.path() + " for the owner to read the item back");
    }
    Resource resource = resource(operation, get.get());
    if (resource == null || resource.create() == null) {
      return new Outcome(List.of(), "the item cannot be made: no create of its collection with a readable id");
    }
    if (!generate) {
      return new Outcome(List.of(), null);
    }
    RequestPlan sent = context.primary().request();
    List<CredentialUse> other = sent.credentials().stream()
        .map(use -> new CredentialUse(use.scheme(), CredentialUse.Mode.OTHER_IDENTITY)).toList();
    RequestPlan attempt = sent.withCredentials(other);
    ExpectationPlan denied = Expectations.exactly(List.of(403, 404));
    SemanticsPlan plan = plan(SemanticsPlan.Rule.OTHER_IDENTITY_DENIED, resource, null, null, null, attempt, denied,
        attempt.body() == null ? null : attempt.body().text(), null, null, null, null, null,
        ignored(context.primary().bodySchema(), get.get()));
    return new Outcome(List.of(new TestCasePlan(context.method("otherIdentity_denied"), context.label()
        + ": another identity's request for an item the first created -> " + Expectations.describe(denied)
        + ", the item unchanged for its owner", Family.AUTHZ.tag(), context.operationId(),
        context.operation().pointer() + "/security", TestCasePlan.Shape.SEMANTICS, attempt, denied, false, List.of(),
        null, null, plan)), null);
  }

  /** After a DELETE the resource is gone; deleting it again is no server error. */
  private Outcome deletedGone(OperationContext context) {
    String unknown = unknownResource(context);
    if (unknown != null) {
      return new Outcome(List.of(), unknown);
    }
    Operation delete = context.operation();
    Optional<Operation> get = at(delete.path(), HttpMethod.GET);
    if (get.isEmpty()) {
      return new Outcome(List.of(), "no GET " + delete.path() + " to see the resource gone");
    }
    Resource resource = resource(delete, get.get());
    if (resource == null) {
      return new Outcome(List.of(), "the item cannot be made: no create of its collection with a readable id");
    }
    boolean goneDocumented = get.get().responses().stream()
        .anyMatch(r -> r.status().equals("404") || r.status().equals("410"));
    if (resource.create() == null && !goneDocumented) {
      return new Outcome(List.of(), "GET " + delete.path() + " documents neither 404 nor 410: what a deleted"
          + " singleton reads as is not documented");
    }
    ExpectationPlan gone = Expectations.rejection(get.get(), List.of(404, 410), true);
    // A singleton is given a state first, when the API can (a PUT at its path), so there is something to delete.
    Optional<Operation> put = setupPut(resource, delete.path());
    RequestPlan setup = put.map(flows::requestFor).orElse(null);
    SemanticsPlan plan = plan(SemanticsPlan.Rule.DELETED_GONE, resource, setup,
        put.map(Expectations::valid).orElse(null), setup == null ? null : setup.body().text(),
        context.primary().request(), Expectations.valid(delete), null, null, null, null, null, gone, List.of());
    return new Outcome(List.of(testCase(context, "deletedIsGone", context.label() + ": deleted means gone -> GET "
        + Expectations.describe(gone) + ", a second DELETE no 5xx", plan)), null);
  }

  /**
   * Why the resource of {@code context}'s operation is unknown, or null: a path parameter (other than the item's id,
   * which the test's create gives) that has neither a fixture nor a producer names nothing known, and a test of HTTP
   * rules on it would judge a 404.
   */
  private static String unknownResource(OperationContext context) {
    List<String> unknown = new ArrayList<>(context.primary().unfixedPathParameters());
    context.primary().request().producedPathParams().forEach(produced -> unknown.remove(produced.name()));
    String path = context.operation().path();
    String last = path.substring(path.lastIndexOf('/') + 1);
    if (ITEM_SEGMENT.matcher(last).matches()) {
      unknown.remove(last.substring(1, last.length() - 1));
    }
    return unknown.isEmpty() ? null : "no fixture or producer for path parameter"
        + (unknown.size() == 1 ? " '" : "s '") + String.join("', '", unknown) + "': the resource is unknown";
  }

  /** The resource at {@code path}: an item the test creates, or the singleton there; null when it cannot be made. */
  private Resource resource(Operation write, Operation read) {
    String last = write.path().substring(write.path().lastIndexOf('/') + 1);
    if (!ITEM_SEGMENT.matcher(last).matches()) {
      RequestPlan readRequest = flows.requestFor(read);
      return readRequest == null ? null : new Resource(null, null, null, null, readRequest, read, null);
    }
    Optional<Operation> post = flows.creator(write.path());
    if (post.isEmpty()) {
      return null;
    }
    RequestPlan create = flows.requestFor(post.get());
    return create == null || create.body() == null || create.body().kind() != BodyPlan.Kind.JSON ? null
        : item(post.get(), read, create);
  }

  private Resource item(Operation post, Operation read, RequestPlan create) {
    String idParameter = read.path().substring(read.path().lastIndexOf("/{") + 2, read.path().length() - 1);
    String pointer = flows.idPointer(post, read, idParameter);
    RequestPlan readRequest = flows.requestFor(read);
    if (pointer == null || readRequest == null) {
      return null;
    }
    RequestPlan delete = flows.item(post, HttpMethod.DELETE).map(flows::requestFor).orElse(null);
    return new Resource(create, Expectations.valid(post), idParameter, pointer.equals("location") ? null : pointer,
        readRequest, read, delete);
  }

  private SemanticsPlan plan(SemanticsPlan.Rule rule, Resource resource, RequestPlan setup,
      ExpectationPlan setupExpect, String setupBody,
      RequestPlan write, ExpectationPlan expect, String body, String partialBody, String member,
      JsonNode memberValue, String memberDefault, ExpectationPlan gone, List<String> ignored) {
    return new SemanticsPlan(rule, resource.create(), resource.createExpect(), resource.idParameter(),
        resource.idPointer(), resource.read(), Expectations.valid(resource.readOperation()), setup,
        setup == null ? null : setupExpect, setupBody, write, expect, body, partialBody, member,
        memberValue == null ? null : memberValue.toString(), memberDefault, gone, resource.delete(), ignored);
  }

  private static TestCasePlan testCase(OperationContext context, String suffix, String displayName,
      SemanticsPlan plan) {
    return new TestCasePlan(context.method(suffix), displayName, Family.SEMANTICS.tag(), context.operationId(),
        context.operation().pointer(), TestCasePlan.Shape.SEMANTICS, plan.write(), plan.writeExpect(), true,
        List.of(), null, null, plan);
  }

  /**
   * The PUT that gives a singleton at {@code path} a known state first (one with a valid JSON request), if any; an
   * item is made by its create instead.
   */
  private Optional<Operation> setupPut(Resource resource, String path) {
    return resource.create() != null ? Optional.empty() : at(path, HttpMethod.PUT).filter(put -> {
      RequestPlan request = flows.requestFor(put);
      return request != null && request.body() != null && request.body().kind() == BodyPlan.Kind.JSON;
    });
  }

  private Optional<Operation> at(String path, HttpMethod method) {
    return Optional.ofNullable(byPath.getOrDefault(path, Map.of()).get(method));
  }

  /** Members not compared: readOnly ones (the server's) and writeOnly ones (never read back), sent or read. */
  private List<String> ignored(SchemaNode bodySchema, Operation read) {
    Set<String> names = new TreeSet<>();
    List<SchemaNode> schemas = new ArrayList<>();
    if (bodySchema != null) {
      schemas.add(bodySchema);
    }
    for (ApiResponse response : read.responses()) {
      if (response.status().startsWith("2")) {
        response.contents().stream().map(MediaContent::schema).filter(s -> s != null).forEach(schemas::add);
      }
    }
    for (SchemaNode schema : schemas) {
      model.resolve(schema).properties().forEach((name, property) -> {
        SchemaNode resolved = model.resolve(property);
        if (resolved.readOnly() || resolved.writeOnly()) {
          names.add(name);
        }
      });
    }
    return new ArrayList<>(names);
  }

  private String defaultOf(SchemaNode property) {
    JsonNode value = model.resolve(property).defaultValue();
    return value == null || value.isNull() ? null : value.toString();
  }

  /** The first "wrong type" violation of a member the body sends, or null. */
  private Violations.Violation wrongType(SchemaNode schema, JsonNode body) {
    for (Violations.Violation v : violations.ofDocument(schema, body, seed, true)) {
      if (!v.at().isEmpty() && v.description().contains("of the wrong type") && !body.at(v.at()).isMissingNode()
          && v.value() != null && !v.value().isNull()) {
        return v;
      }
    }
    return null;
  }
}
