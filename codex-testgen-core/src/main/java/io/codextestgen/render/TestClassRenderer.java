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
  private final RequestChain chain;
  private final FlowRenderer flows;
  private final SemanticsRenderer semantics;

  private TestClassRenderer(ClassName support, Map<String, CredentialPlan> credentials) {
    this.support = support;
    this.chain = new RequestChain(support, credentials);
    this.flows = new FlowRenderer(support, chain);
    this.semantics = new SemanticsRenderer(support, chain, flows);
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
    for (ProducerPlan producer : plan.producers()) {
      renderer.chain.owner(producer.methodName());
      type.addField(renderer.createdIds(producer));
      type.addField(com.palantir.javapoet.FieldSpec.builder(STRING, ProducerPlan.sharedName(producer.methodName()) + "Id",
          Modifier.PRIVATE, Modifier.STATIC).build());
      type.addMethod(renderer.producer(producer));
      type.addMethod(MethodSpec.methodBuilder(ProducerPlan.sharedName(producer.methodName()))
          .addJavadoc("One resource from {@link #$L()}, created on first use and shared by the tests that do not delete"
              + " it.\n", producer.methodName())
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.SYNCHRONIZED)
          .returns(STRING)
          .beginControlFlow("if ($LId == null)", ProducerPlan.sharedName(producer.methodName()))
          .addStatement("$LId = $L()", ProducerPlan.sharedName(producer.methodName()), producer.methodName())
          .endControlFlow()
          .addStatement("return $LId", ProducerPlan.sharedName(producer.methodName()))
          .build());
      if (producer.delete() != null) {
        type.addMethod(renderer.cleanup(producer));
      }
    }
    for (TestCasePlan testCase : plan.cases()) {
      renderer.chain.owner(testCase.operationId());
      switch (testCase.shape()) {
        case SINGLE -> type.addMethod(renderer.single(testCase));
        case RATE_LIMIT -> type.addMethod(renderer.rateLimit(testCase));
        case FLOW -> type.addMethod(renderer.header(testCase, true).addCode(renderer.flows.flow(testCase)).build());
        case SEMANTICS -> type.addMethod(renderer.header(testCase, true)
            .addJavadoc("$L\n", SemanticsRenderer.rule(testCase.semantics().rule()))
            .addCode(renderer.semantics.semantics(testCase)).build());
        case MASS_ASSIGNMENT -> type.addMethod(renderer.header(testCase, true)
            .addCode(renderer.flows.massAssignment(testCase)).build());
        case RAW_BODY_ROWS, BODY_PATCH_ROWS, PARAMETER_ROWS -> {
          type.addMethod(renderer.rowSource(testCase));
          type.addMethod(renderer.parameterized(testCase));
        }
      }
    }
    if (plan.cases().stream().anyMatch(testCase -> rejectionOf(testCase) != null)) {
      type.addMethod(MethodSpec.methodBuilder("rejectionsUseTheDocumentedStatuses")
          .addAnnotation(Types.TEST)
          .addAnnotation(AnnotationSpec.builder(Types.ORDER).addMember("value", "$T.MAX_VALUE", Integer.class).build())
          .addAnnotation(AnnotationSpec.builder(Types.TAG).addMember("value", "$S", Family.MALFORMED.tag()).build())
          .addAnnotation(AnnotationSpec.builder(Types.DISPLAY_NAME)
              .addMember("value", "$S", "malformed requests are rejected with the statuses the spec documents").build())
          .addStatement("$T.assertRejectionsAsDocumented($L.class)", support.peerClass(TemplateFile.RESPONSE_CHECK),
              plan.className())
          .build());
    }
    renderer.chain.bodyFields().forEach(type::addField);
    return type.build();
  }

  private static String idsField(ProducerPlan producer) {
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
    CodeBlock id = producer.idPointer() == null ? CodeBlock.of("$T.idFromLocation(created)", support)
        : CodeBlock.of("$T.idFromBody(created, $L)", support, JavaText.quoted(producer.idPointer()));
    return MethodSpec.methodBuilder(producer.methodName())
        .addJavadoc("Creates a resource ({@code $L $L}) for tests that need an existing one; returns its id.\n",
            create.method(), JavaText.comment(create.path()))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(STRING)
        .addCode(new Source().add("$T created = ", Types.RESPONSE).add(chain.given(create, true))
            .add(chain.body(create.body(), null)).add(RequestChain.when(create))
            .add(chain.then(producer.createExpect())).add("\n.extract().response();\n$<$<").build())
        .addStatement("$T id = $L", STRING, id)
        .addStatement("$L.add(id)", idsField(producer))
        .addStatement("return id")
        .build();
  }

  /** Best-effort cleanup: what the tests created goes away; not validated, since it is not what they test. */
  private MethodSpec cleanup(ProducerPlan producer) {
    RequestPlan delete = producer.delete();
    return MethodSpec.methodBuilder("delete" + Character.toUpperCase(producer.methodName().charAt(0))
            + producer.methodName().substring(1))
        .addJavadoc("Deletes what {@link #$L()} created.\n", producer.methodName())
        .addAnnotation(Types.AFTER_ALL)
        .addModifiers(Modifier.STATIC)
        .beginControlFlow("for ($T id : $L)", STRING, idsField(producer))
        .beginControlFlow("try")
        .addCode(new Source().add(chain.given(delete, "plainRequest", producer.parameter(), "id"))
            .add(RequestChain.when(delete)).add(";\n$<$<").build())
        .nextControlFlow("catch ($T e)", IllegalStateException.class)
        .addComment("no credentials for the cleanup configured: the resources stay, the tests still stand")
        .addStatement("return")
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  private MethodSpec.Builder header(TestCasePlan testCase, boolean test) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(testCase.methodName())
        .addJavadoc("$L", "Guards {@code " + JavaText.comment(testCase.pointer()) + "}.\n");
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
            .addMember("value", "$L", JavaText.quoted(JavaText.display(testCase.displayName()))).build());
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
        .addAnnotation(AnnotationSpec.builder(Types.PARAMETERIZED_TEST).addMember("name", "\"{0} ({1})\"").build())
        .addAnnotation(AnnotationSpec.builder(Types.METHOD_SOURCE)
            .addMember("value", "$L", JavaText.quoted(rowSourceName(testCase))).build())
        .addParameter(STRING, "violation")
        .addParameter(STRING, "constraint");
    Source code = new Source();
    switch (testCase.shape()) {
      case RAW_BODY_ROWS -> {
        method.addParameter(STRING, "body");
        code.add(chain.given(request, testCase.strictStatus()))
            .add(chain.body(request.body(), new Source().add("body")));
      }
      case BODY_PATCH_ROWS -> {
        method.addParameter(STRING, "at").addParameter(STRING, "value");
        Source patched = new Source().add("$T.patch($L, at, value)", support, chain.text(request.body().text()));
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
            .addStatement("$T.replaceParameter(request, in, name, value)", support)
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

  /** The rows, one line each: violation, the JSON pointer of the constraint, then what changes. */
  private MethodSpec rowSource(TestCasePlan testCase) {
    String first = testCase.family().equals("llm-suggested")
        ? "the model's rationale, where it came from (model, lock key)" : "violation, constraint";
    String columns = first + ", " + switch (testCase.shape()) {
      case RAW_BODY_ROWS -> "body sent";
      case BODY_PATCH_ROWS -> "where in the valid body, JSON put there (null: removed)";
      default -> "parameter location, name, value sent (null: left out)";
    };
    Source rows = new Source().add("return $T.of(\n$>$>", Types.STREAM);
    for (int i = 0; i < testCase.rows().size(); i++) {
      CaseRow row = testCase.rows().get(i);
      rows.add("$T.of(", Types.ARGUMENTS).literal(row.violation()).add(", ").literal(row.pointer());
      switch (testCase.shape()) {
        case RAW_BODY_ROWS -> rows.add(", ").literal(row.value());
        case BODY_PATCH_ROWS -> {
          rows.add(", $L, ", JavaText.quoted(row.target()));
          if (writtenAsLengthened(testCase, row)) {
            rows.add("$T.lengthened($L, $L, $L)", support, chain.text(testCase.request().body().text()),
                JavaText.quoted(row.target()), row.lengthenedTo());
          } else {
            rows.literal(row.value());
          }
        }
        default -> rows.add(", $L, $L, ", JavaText.quoted(row.location()), JavaText.quoted(row.target()))
            .literal(row.value());
      }
      rows.add(i + 1 < testCase.rows().size() ? "),\n" : "));\n$<$<");
    }
    return MethodSpec.methodBuilder(rowSourceName(testCase))
        .addJavadoc("Rows: $L.\n", columns)
        .addModifiers(Modifier.STATIC)
        .returns(ParameterizedTypeName.get(Types.STREAM, Types.ARGUMENTS))
        .addCode(rows.build())
        .build();
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
        .addAnnotation(AnnotationSpec.builder(Types.ENABLED_IF_SYSTEM_PROPERTY)
            .addMember("named", "$S", "codex.rateLimit")
            .addMember("matches", "$S", "true")
            .addMember("disabledReason", "$S", "rate-limit tests are opt-in: run with -Dcodex.rateLimit=true")
            .build())
        .addCode("$L\n.assertLimited();\n$<$<", burst.build())
        .build();
  }
}
