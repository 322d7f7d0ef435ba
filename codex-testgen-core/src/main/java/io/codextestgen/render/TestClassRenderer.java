package io.codextestgen.render;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.codextestgen.config.Family;
import io.codextestgen.plan.CaseRow;
import io.codextestgen.plan.CredentialPlan;
import io.codextestgen.plan.Names;
import io.codextestgen.plan.ProducerPlan;
import io.codextestgen.plan.RateLimitPlan;
import io.codextestgen.plan.RequestPlan;
import io.codextestgen.plan.TestCasePlan;
import io.codextestgen.plan.TestClassPlan;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * One test class: a method per planned case. Single cases are one given/when/then chain; row cases are a
 * parameterized test whose rows (one per broken constraint) sit in a static method right above it.
 */
final class TestClassRenderer {

  private static final ClassName STRING = ClassName.get(String.class);

  private final ClassName support;
  /** {@code SuiteSupport}: the helpers that do not depend on the spec. */
  private final ClassName helpers;
  private final RequestChain chain;
  private final FlowRenderer flows;
  private final SemanticsRenderer semantics;
  /** The classes whose static members the test classes import (see {@code JUnitRenderer#testClassFile}). */
  private final java.util.Set<String> staticallyImported;
  /** The method names of the class so far, lower-cased: a new helper claims one that is free. */
  private final java.util.Set<String> taken = new java.util.HashSet<>();

  private TestClassRenderer(ClassName support, Map<String, CredentialPlan> credentials) {
    this.support = support;
    this.helpers = support.peerClass(TemplateFile.SUITE_SUPPORT);
    this.chain = new RequestChain(support, credentials);
    this.flows = new FlowRenderer(support, chain);
    this.semantics = new SemanticsRenderer(support, chain, flows);
    this.flows.names(this::claim);
    this.staticallyImported = java.util.Set.of(support.simpleName(), TemplateFile.SUITE_SUPPORT,
        TemplateFile.RESPONSE_CHECK);
  }

  /** {@code base}, or {@code base2}, {@code base3}... whichever no method of the class has. */
  private String claim(String base) {
    String name = base;
    for (int n = 2; !taken.add(name.toLowerCase(java.util.Locale.ROOT)); n++) {
      name = base + n;
    }
    return name;
  }

  static TypeSpec render(TestClassPlan plan, ClassName support, Map<String, CredentialPlan> credentials,
      String specFileName) {
    TestClassRenderer renderer = new TestClassRenderer(support, credentials);
    TypeSpec.Builder type = TypeSpec.classBuilder(plan.className())
        .addAnnotation(Types.generated(specFileName))
        .addAnnotation(AnnotationSpec.builder(Types.DISPLAY_NAME)
            .addMember("value", "$L", JavaText.quoted(plan.groupName() + " API")).build())
        .addAnnotation(AnnotationSpec.builder(Types.TEST_METHOD_ORDER)
            .addMember("value", "$T.OrderAnnotation.class", Types.METHOD_ORDERER).build())
        .addAnnotation(AnnotationSpec.builder(Types.EXTEND_WITH).addMember("value", "$T.class",
            support.peerClass(TemplateFile.TRIAGE)).build())
        .addJavadoc("API tests of operations grouped as {@code $L}. Valid requests run first: a test expecting a\n"
            + "rejection is judged only if the valid request of its operation was not rejected the same way.\n",
            JavaText.comment(plan.groupName()))
        .addMethod(MethodSpec.methodBuilder("requireBaseUri")
            .addAnnotation(Types.BEFORE_ALL)
            .addModifiers(Modifier.STATIC)
            .addStatement("$T.baseUri()", support)
            .build());
    Map<RequestChain.Key, RequestChain.OperationRequest> operations = renderer.operationRequests(plan, credentials);
    for (RequestChain.OperationRequest operation : operations.values()) {
      type.addMethod(renderer.chain.operationRequest(operation));
    }
    renderer.chain.operationRequests(operations);
    renderer.semantics.producers(plan.producers());
    for (ProducerPlan producer : plan.producers()) {
      renderer.chain.owner(producer.methodName());
      type.addField(renderer.createdIds(producer));
      String shared = ProducerPlan.sharedName(producer.methodName());
      type.addField(com.palantir.javapoet.FieldSpec.builder(STRING, shared + "Id", Modifier.PRIVATE, Modifier.STATIC)
          .build());
      type.addField(com.palantir.javapoet.FieldSpec.builder(STRING, producer.methodName() + "Failure",
          Modifier.PRIVATE, Modifier.STATIC).build());
      type.addMethod(renderer.producer(producer));
      type.addMethod(MethodSpec.methodBuilder(shared)
          .addJavadoc("One resource from {@link #$L()}, created on first use and shared by the tests that do not delete"
              + " it.\n", producer.methodName())
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.SYNCHRONIZED)
          .returns(STRING)
          .beginControlFlow("if ($LId == null)", shared)
          .addStatement("$LId = $L()", shared, producer.methodName())
          .endControlFlow()
          .addStatement("return $LId", shared)
          .build());
      if (producer.delete() != null) {
        type.addMethod(renderer.cleanup(producer));
      } else {
        type.addMethod(MethodSpec.methodBuilder("forget" + producer.methodName().substring("new".length()))
            .addJavadoc("The API cannot delete what {@link #$L()} created: a run of the class again starts afresh"
                + " all the same.\n", producer.methodName())
            .addAnnotation(Types.AFTER_ALL)
            .addModifiers(Modifier.STATIC)
            .addStatement("$LId = null", shared)
            .addStatement("$LFailure = null", producer.methodName())
            .build());
      }
    }
    List<MethodSpec> tests = new java.util.ArrayList<>();
    // A valid test is rendered last: it is one call when the other tests made a valid<Operation> step for its request.
    Map<Integer, TestCasePlan> validTests = new java.util.TreeMap<>();
    for (TestCasePlan testCase : plan.cases()) {
      renderer.chain.owner(testCase.operationId());
      switch (testCase.shape()) {
        case SINGLE -> {
          if (testCase.family().equals(Family.VALID.tag()) && testCase.strictStatus() && !unsureValid(testCase)) {
            validTests.put(tests.size(), testCase);
            tests.add(null);
          } else {
            tests.add(renderer.single(testCase));
          }
        }
        case RATE_LIMIT -> tests.add(renderer.rateLimit(testCase));
        case FLOW -> tests.add(renderer.header(testCase, true).addCode(renderer.flows.flow(testCase)).build());
        case SEMANTICS -> tests.add(renderer.header(testCase, true)
            .addJavadoc("$L\n", SemanticsRenderer.rule(testCase.semantics().rule()))
            .addCode(renderer.semantics.semantics(testCase)).build());
        case MASS_ASSIGNMENT -> tests.add(renderer.header(testCase, true)
            .addCode(renderer.flows.massAssignment(testCase)).build());
        case RAW_BODY_ROWS, BODY_PATCH_ROWS, PARAMETER_ROWS -> {
          tests.add(renderer.rowSource(testCase));
          tests.add(renderer.parameterized(testCase));
        }
      }
    }
    validTests.forEach((index, testCase) -> {
      renderer.chain.owner(testCase.operationId());
      tests.set(index, renderer.flows.existingValidCall(testCase.request(), testCase.expect())
          .map(call -> renderer.header(testCase, true).addCode(call).addCode(";\n$<$<").build())
          .orElseGet(() -> renderer.single(testCase)));
    });
    renderer.flows.validCalls().forEach(type::addMethod);
    tests.forEach(type::addMethod);
    if (plan.cases().stream().anyMatch(testCase -> rejectionOf(testCase) != null)) {
      type.addMethod(MethodSpec.methodBuilder("rejectionsUseTheDocumentedStatuses")
          .addAnnotation(Types.TEST)
          .addAnnotation(AnnotationSpec.builder(Types.ORDER).addMember("value", "$T.MAX_VALUE", Integer.class).build())
          .addAnnotation(AnnotationSpec.builder(Types.TAG)
              .addMember("value", "$L", JavaText.quoted(Family.MALFORMED.tag())).build())
          .addAnnotation(AnnotationSpec.builder(Types.DISPLAY_NAME)
              .addMember("value", "$L",
                  JavaText.quoted("malformed requests are rejected with the statuses the spec documents")).build())
          .addStatement("$T.assertRejectionsAsDocumented($L.class)", support.peerClass(TemplateFile.RESPONSE_CHECK),
              plan.className())
          .build());
    }
    renderer.chain.bodyFields().forEach(type::addField);
    return type.build();
  }

  /**
   * Names a test class's methods never take: what its tests call unqualified (statically imported from the support
   * classes or REST Assured) and its fixed methods.
   */
  static final java.util.Set<String> RESERVED = java.util.Set.of("given", "request", "negativeRequest",
      "unsureRequest", "plainRequest", "burstRequest", "baseUri", "url", "specPath", "row", "mediaTypeIn", "patch",
      "lengthened", "replaceParameter", "idFromBody", "idFromLocation", "assertEchoes", "acceptedOrRejected",
      "assertNotTaken", "assertLeftOut", "assertSameState", "assertNoServerError", "requireRejected",
      "assertPatched", "setting", "secret", "strict", "unsure", "lenient", "onlyStatus", "statusIn", "rejectedAs",
      "assertRejectionsAsDocumented", "requireBaseUri", "rejectionsUseTheDocumentedStatuses");

  /**
   * The operations of the class whose requests (credentials and parameters alike) at least two places send: each
   * gets a method its tests start from, named after the operation.
   */
  private Map<RequestChain.Key, RequestChain.OperationRequest> operationRequests(TestClassPlan plan,
      Map<String, CredentialPlan> credentials) {
    Map<RequestChain.Key, Integer> uses = new java.util.HashMap<>();
    Map<RequestChain.Key, TestCasePlan> owners = new java.util.LinkedHashMap<>();
    java.util.Set<String> taken = this.taken;
    RESERVED.forEach(name -> taken.add(name.toLowerCase(java.util.Locale.ROOT)));
    credentials.values().forEach(c -> java.util.stream.Stream.of("Credential", "Username", "Password", "TokenWithout")
        .forEach(suffix -> {
          taken.add((c.methodName() + suffix).toLowerCase(java.util.Locale.ROOT));
          taken.add(SupportClassRenderer.otherGetter(c, suffix).toLowerCase(java.util.Locale.ROOT));
        }));
    for (TestCasePlan testCase : plan.cases()) {
      taken.add(testCase.methodName().toLowerCase(java.util.Locale.ROOT));
      taken.add(rowSourceName(testCase).toLowerCase(java.util.Locale.ROOT));
      // a test that sends the same request twice (a semantics test's write is its own request) counts once
      for (RequestChain.Key key : new java.util.LinkedHashSet<>(requests(testCase).stream()
          .map(RequestChain.Key::of).toList())) {
        uses.merge(key, 1, Integer::sum);
      }
      owners.putIfAbsent(RequestChain.Key.of(testCase.request()), testCase);
    }
    for (ProducerPlan producer : plan.producers()) {
      for (String name : List.of(producer.methodName(), ProducerPlan.sharedName(producer.methodName()),
          cleanupName(producer))) {
        taken.add(name.toLowerCase(java.util.Locale.ROOT));
      }
      uses.merge(RequestChain.Key.of(producer.create()), 1, Integer::sum);
      if (producer.delete() != null) {
        uses.merge(RequestChain.Key.of(producer.delete()), 1, Integer::sum);
      }
    }
    Map<RequestChain.Key, RequestChain.OperationRequest> operations = new java.util.LinkedHashMap<>();
    owners.forEach((key, owner) -> {
      if (uses.getOrDefault(key, 0) < 2) {
        return;
      }
      RequestPlan request = owner.request();
      String base = Names.variable(owner.operationId() != null ? owner.operationId()
          : request.method() + " " + request.path());
      String name = claim(base);
      List<String> parameters = request.pathParams().stream().map(p -> p.name()).toList();
      java.util.Set<String> arguments = new java.util.LinkedHashSet<>(List.of("base"));
      for (String parameter : parameters) {
        String argument = Names.variable(parameter);
        while (!arguments.add(argument)) {
          argument = argument + "_";
        }
      }
      operations.put(key, new RequestChain.OperationRequest(name, parameters,
          new java.util.ArrayList<>(arguments).subList(1, arguments.size()), request));
    });
    return operations;
  }

  /** Every request a test sends or reads (a flow's and a semantics test's several). */
  private static List<RequestPlan> requests(TestCasePlan testCase) {
    List<RequestPlan> requests = new java.util.ArrayList<>();
    requests.add(testCase.request());
    if (testCase.flow() != null) {
      java.util.stream.Stream.of(testCase.flow().create(), testCase.flow().read(), testCase.flow().update(),
          testCase.flow().delete()).filter(java.util.Objects::nonNull).forEach(requests::add);
    }
    if (testCase.semantics() != null) {
      java.util.stream.Stream.of(testCase.semantics().create(), testCase.semantics().read(),
          testCase.semantics().setup(), testCase.semantics().write(), testCase.semantics().delete())
          .filter(java.util.Objects::nonNull).forEach(requests::add);
    }
    return requests;
  }

  private static String cleanupName(ProducerPlan producer) {
    return "delete" + Character.toUpperCase(producer.methodName().charAt(0)) + producer.methodName().substring(1);
  }

  static String idsField(ProducerPlan producer) {
    return Names.constant(producer.methodName(), "RESOURCE") + "_IDS";
  }

  private com.palantir.javapoet.FieldSpec createdIds(ProducerPlan producer) {
    return com.palantir.javapoet.FieldSpec.builder(
            ParameterizedTypeName.get(ClassName.get(List.class), STRING), idsField(producer),
            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Ids of what {@link #$L()} created, deleted after all tests.\n", producer.methodName())
        .initializer("new $T<>()", ClassName.get("java.util.concurrent", "CopyOnWriteArrayList"))
        .build();
  }

  /** Creates a resource for the tests that need an existing one, and returns its id. */
  private MethodSpec producer(ProducerPlan producer) {
    RequestPlan create = producer.create();
    CodeBlock id = producer.idPointer() == null ? CodeBlock.of("$T.idFromLocation(created)", helpers)
        : CodeBlock.of("$T.idFromBody(created, $L)", helpers, JavaText.quoted(producer.idPointer()));
    String failure = producer.methodName() + "Failure";
    return MethodSpec.methodBuilder(producer.methodName())
        .addJavadoc("Creates a resource ({@code $L $L}) for tests that need an existing one; returns its id.\n"
            + "Once a creation failed, the tests after it abort saying so: one finding, not one a test.\n",
            create.method(), JavaText.comment(create.path()))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.SYNCHRONIZED)
        .returns(STRING)
        .addStatement("requireCreated($L, $L)", failure, JavaText.quoted(create.method() + " " + create.path()))
        .beginControlFlow("try")
        .addCode(new Source().add("$T created = ", Types.RESPONSE).add(chain.given(create, true))
            .add(chain.body(create.body(), null)).add(RequestChain.when(create))
            .add(chain.then(producer.createExpect())).add("\n.extract().response();\n$<$<").build())
        .addStatement("$T id = $L", STRING, id)
        .addStatement("$L.add(id)", idsField(producer))
        .addStatement("return id")
        .nextControlFlow("catch ($T | $T e)", RuntimeException.class, AssertionError.class)
        .addStatement("$L = $T.valueOf(e.getMessage())", failure, STRING)
        .addStatement("throw e")
        .endControlFlow()
        .build();
  }

  /** Best-effort cleanup: what the tests created goes away; not validated, since it is not what they test. */
  private MethodSpec cleanup(ProducerPlan producer) {
    RequestPlan delete = producer.delete();
    return MethodSpec.methodBuilder(cleanupName(producer))
        .addJavadoc("Deletes what {@link #$L()} created; a run of the class again starts afresh.\n",
            producer.methodName())
        .addAnnotation(Types.AFTER_ALL)
        .addModifiers(Modifier.STATIC)
        .addStatement("$LId = null", ProducerPlan.sharedName(producer.methodName()))
        .addStatement("$LFailure = null", producer.methodName())
        .beginControlFlow("for ($T id : $L)", STRING, idsField(producer))
        .beginControlFlow("try")
        .addCode(new Source().add(chain.given(delete, "plainRequest", producer.parameter(), "id"))
            .add(RequestChain.when(delete)).add(";\n$<$<").build())
        .nextControlFlow("catch ($T e)", IllegalStateException.class)
        .addComment("no credentials for the cleanup configured: the resources stay, the tests still stand")
        .addStatement("return")
        .endControlFlow()
        .endControlFlow()
        .addStatement("$L.clear()", idsField(producer))
        .build();
  }

  private MethodSpec.Builder header(TestCasePlan testCase, boolean test) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(testCase.methodName());
    if (!saidByDisplayName(testCase)) {
      method.addJavadoc("$L", "Guards {@code " + JavaText.comment(testCase.pointer()) + "}.\n");
    }
    if (test) {
      method.addAnnotation(Types.TEST);
    }
    if (testCase.family().equals(Family.VALID.tag()) && testCase.shape() == TestCasePlan.Shape.SINGLE) {
      method.addAnnotation(AnnotationSpec.builder(Types.ORDER).addMember("value", "1").build());
    }
    return method
        .addAnnotation(AnnotationSpec.builder(Types.TAG)
            .addMember("value", "$L", JavaText.quoted(testCase.family())).build())
        .addAnnotation(AnnotationSpec.builder(Types.DISPLAY_NAME)
            .addMember("value", "$L", wrapped(JavaText.display(testCase.displayName()), DISPLAY_NAME_COLUMN)).build());
  }

  /**
   * Whether the display name already says what the test guards: its operation, or the operation's own security,
   * parameters or request body, whose constraints the rows of a parameterized test name one by one. A narrower
   * element (a response, a schema's property) or one outside the operation (the spec's global security) is named
   * in a Javadoc.
   */
  private static boolean saidByDisplayName(TestCasePlan testCase) {
    String operation = operationPointer(testCase.request());
    String pointer = testCase.pointer();
    return pointer.equals(operation) || java.util.stream.Stream.of("/security", "/parameters", "/requestBody")
        .anyMatch(part -> pointer.equals(operation + part));
  }

  /** Where the text of {@code @DisplayName("...")} on a method starts. */
  private static final int DISPLAY_NAME_COLUMN = 4 + "@DisplayName(".length();

  /**
   * A string literal of {@code text} starting at {@code column}, cut at spaces into literals joined with {@code +}
   * on the following lines when it would run past {@link Layout#MAX_LINE}; a word longer than a line stays whole.
   */
  static CodeBlock wrapped(String text, int column) {
    String whole = JavaText.quoted(text);
    if (column + whole.length() + 1 <= Layout.MAX_LINE) {
      return CodeBlock.of("$L", whole);
    }
    CodeBlock.Builder code = CodeBlock.builder();
    int width = Layout.MAX_LINE - column - 1;
    int start = 0;
    boolean first = true;
    while (start < text.length()) {
      int end = text.length();
      while (JavaText.quoted(text.substring(start, end)).length() > width) {
        int space = text.lastIndexOf(' ', end - 2); // the part keeps its trailing space
        if (space < start) {
          break; // one word longer than a line
        }
        end = space + 1;
      }
      code.add(first ? "$L" : "\n+ $L", JavaText.quoted(text.substring(start, end)));
      // JavaPoet indents an annotation's value twice: continuation lines start at the annotation's column + 8
      width = Layout.MAX_LINE - (column - "@DisplayName(".length() + 8) - "+ ".length() - 1;
      first = false;
      start = end;
    }
    return code.build();
  }

  /** The JSON pointer of the request's operation, e.g. {@code #/paths/~1books~1{bookId}/put}. */
  static String operationPointer(RequestPlan request) {
    return "#/paths/" + request.path().replace("~", "~0").replace("/", "~1") + "/"
        + request.method().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * The operation whose documented rejection statuses a malformed test checks apart, or null: such a test asserts
   * a rejection (any 4xx), and a 4xx the spec does not document is reported once per operation and status by the
   * class's last test, instead of failing every row.
   */
  static String rejectionOf(TestCasePlan testCase) {
    return testCase.family().equals(Family.MALFORMED.tag()) && !testCase.expect().statuses().isEmpty()
        ? testCase.operationId() : null;
  }

  /** A valid request on an id that was made up: the test judges the status, and its answer is still kept. */
  static boolean unsureValid(TestCasePlan testCase) {
    return testCase.family().equals(Family.VALID.tag()) && testCase.shape() == TestCasePlan.Shape.SINGLE
        && !testCase.strictStatus();
  }

  private MethodSpec single(TestCasePlan testCase) {
    RequestPlan request = testCase.request();
    Source code = new Source().add(unsureValid(testCase) ? chain.given(request, "unsureRequest", null, null)
        : chain.given(request, testCase.strictStatus()));
    if (request.body() != null) {
      code.add(chain.body(request.body(), null));
    }
    return header(testCase, true)
        .addCode(code.add(RequestChain.when(request)).add(chain.then(testCase.expect(), rejectionOf(testCase)))
            .add(";\n$<$<").build())
        .build();
  }

  private MethodSpec parameterized(TestCasePlan testCase) {
    RequestPlan request = testCase.request();
    MethodSpec.Builder method = header(testCase, false)
        // The rows name themselves: what is broken, and the constraint that says so (see SuiteSupport.row).
        .addAnnotation(AnnotationSpec.builder(Types.PARAMETERIZED_TEST).addMember("name", "\"{0}\"").build())
        .addAnnotation(AnnotationSpec.builder(Types.METHOD_SOURCE)
            .addMember("value", "$L", JavaText.quoted(rowSourceName(testCase))).build());
    Source code = new Source();
    switch (testCase.shape()) {
      case RAW_BODY_ROWS -> {
        method.addParameter(STRING, "body");
        code.add(chain.given(request, testCase.strictStatus()))
            .add(chain.body(request.body(), new Source().add("body")));
      }
      case BODY_PATCH_ROWS -> {
        method.addParameter(STRING, "at").addParameter(STRING, "value");
        Source patched = new Source().add("$T.patch($L, at, value)", helpers, chain.text(request.body().text()));
        code.add(chain.given(request, testCase.strictStatus())).add(chain.body(request.body(), patched));
      }
      default -> {
        method.addParameter(STRING, "in").addParameter(STRING, "name").addParameter(STRING, "value");
        Source given = new Source()
            .add("$T request = ", Types.REQUEST_SPECIFICATION).add(chain.given(request, testCase.strictStatus()));
        if (request.body() != null) {
          given.add(chain.body(request.body(), null));
        }
        return method.addCode(given.add(";\n$<$<").build())
            .addStatement("$T.replaceParameter(request, in, name, value)", helpers)
            .addCode(new Source().add("request$>$>").add(RequestChain.when(request))
                .add(chain.then(testCase.expect(), rejectionOf(testCase))).add(";\n$<$<").build())
            .build();
      }
    }
    return method.addCode(code.add(RequestChain.when(request)).add(chain.then(testCase.expect(), rejectionOf(testCase)))
        .add(";\n$<$<").build()).build();
  }

  private static String rowSourceName(TestCasePlan testCase) {
    return testCase.methodName() + "Rows";
  }

  /**
   * Literals longer than this that only repeat the valid body's items (a maxItems violation: Amadeus has 251
   * copies of an itinerary, 19 KB on one line) are written as the support method that makes them.
   */
  private static final int LONG_LITERAL = 120;

  /** Whether the row's value is written as {@code lengthened(body, at, size)} rather than as its literal. */
  static boolean writtenAsLengthened(TestCasePlan testCase, CaseRow row) {
    return testCase.shape() == TestCasePlan.Shape.BODY_PATCH_ROWS && row.lengthenedTo() != null
        && row.value() != null && row.value().length() > LONG_LITERAL;
  }

  /**
   * The rows: {@code row(violation, constraint, values...)}, the constraint being the JSON pointer of the spec element
   * that is broken, then what the test method receives. A row longer than a line breaks after its violation.
   */
  private MethodSpec rowSource(TestCasePlan testCase) {
    Source rows = new Source().add("return $T.of(\n$>$>", Types.STREAM);
    for (int i = 0; i < testCase.rows().size(); i++) {
      CaseRow row = testCase.rows().get(i);
      List<Source> values = new java.util.ArrayList<>();
      switch (testCase.shape()) {
        case RAW_BODY_ROWS -> values.add(new Source().literal(row.value()));
        case BODY_PATCH_ROWS -> {
          values.add(new Source().add("$L", JavaText.quoted(row.target())));
          values.add(writtenAsLengthened(testCase, row)
              ? new Source().add("$T.lengthened($L, $L, $L)", helpers, chain.text(testCase.request().body().text()),
                  JavaText.quoted(row.target()), row.lengthenedTo())
              : rowValue(row.value()));
        }
        default -> {
          values.add(new Source().add("$L", JavaText.quoted(row.location())));
          values.add(new Source().add("$L", JavaText.quoted(row.target())));
          values.add(rowValue(row.value()));
        }
      }
      String end = i + 1 < testCase.rows().size() ? ")," : "));";
      rows.add(call(new Source().add("$T.row", helpers), ROW_INDENT, end, new Source().literal(row.violation()),
          new Source().literal(row.pointer()), values)).add(i + 1 < testCase.rows().size() ? "\n" : "\n$<$<");
    }
    return MethodSpec.methodBuilder(rowSourceName(testCase))
        .addModifiers(Modifier.STATIC)
        .returns(ParameterizedTypeName.get(Types.STREAM, Types.ARGUMENTS))
        .addCode(rows.build())
        .build();
  }

  /** A row's value: a long JSON array or object that would run past the line is cut after its commas. */
  private static Source rowValue(String value) {
    String wrapped = JavaText.plainLiteral(value, ROW_INDENT + 8);
    return wrapped != null ? new Source().add("$L", wrapped) : new Source().literal(value);
  }

  /** Where a row starts: the method body (8) and the continuation of {@code Stream.of(} (8). */
  private static final int ROW_INDENT = 16;

  /**
   * {@code name(first, second, rest...)} followed by {@code end}: on one line when it fits in {@link Layout#MAX_LINE}
   * from column {@code indent}, else broken after {@code first}, the others on the next line, or on as many lines
   * as they need, each taking the arguments that fit (a row reads: what is broken; where; what is sent).
   */
  private Source call(Source name, int indent, String end, Source first, Source second, List<Source> rest) {
    List<Source> others = new java.util.ArrayList<>();
    others.add(second);
    others.addAll(rest);
    int nameWidth = width(name);
    int restWidth = others.stream().mapToInt(o -> width(o) + 2).sum();
    Source code = new Source().add(name).add("(").add(first);
    if (indent + nameWidth + 1 + width(first) + restWidth + end.length() <= Layout.MAX_LINE) {
      others.forEach(other -> code.add(", ").add(other));
      return code.add(end);
    }
    int continuation = indent + 8;
    code.add(",\n$>$>");
    int column = continuation;
    for (int i = 0; i < others.size(); i++) {
      boolean last = i + 1 == others.size();
      int width = width(others.get(i)) + (last ? end.length() : 1);
      if (column > continuation && column + 1 + width > Layout.MAX_LINE) {
        code.add("\n");
        column = continuation;
      } else if (column > continuation) {
        code.add(" ");
        column++;
      }
      code.add(others.get(i)).add(last ? "" : ",");
      column += width;
    }
    return code.add(end).add("$<$<");
  }

  /** The width of a source as written (no regular expression: a row's literal can be megabytes long). */
  private int width(Source source) {
    return source.width(staticallyImported);
  }


  private MethodSpec rateLimit(TestCasePlan testCase) {
    RequestPlan request = testCase.request();
    RateLimitPlan plan = testCase.rateLimit();
    Source send = new Source().add(chain.given(request, "burstRequest", null, null));
    if (request.body() != null) {
      send.add(chain.body(request.body(), null));
    }
    send.add(RequestChain.when(request)).add("$<$<");
    Source burst = new Source().add("$T.of(() -> $>$>$L$<$<)$>$>",
        support.peerClass(TemplateFile.RATE_LIMIT_BURST), send.build());
    if (plan.configuredLimit() != null && plan.configuredWindowSeconds() > 0) {
      burst.add("\n.configuredLimit($L, $L)", plan.configuredLimit(), plan.configuredWindowSeconds());
    } else if (plan.configuredLimit() != null) {
      burst.add("\n.configuredLimit($L)", plan.configuredLimit());
    }
    if (plan.expectRetryAfter()) {
      burst.add("\n.expectRetryAfter()");
    }
    if (plan.expectReset()) {
      burst.add("\n.expectReset()");
    }
    return header(testCase, true)
        .addCode("$L\n.assertLimited();\n$<$<", burst.build())
        .build();
  }
}
