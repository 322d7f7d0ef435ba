package io.codextestgen.render;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import io.codextestgen.plan.BodyPlan;
import io.codextestgen.plan.ExpectationPlan;
import io.codextestgen.plan.FlowPlan;
import io.codextestgen.plan.NameValue;
import io.codextestgen.plan.Names;
import io.codextestgen.plan.RequestPlan;
import io.codextestgen.plan.TestCasePlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/** The body of a flow test (create, read, replace, read back, delete, read) and of a mass-assignment test. */
final class FlowRenderer {

  private final ClassName support;
  /** {@code SuiteSupport}: the helpers that do not depend on the spec. */
  private final ClassName helpers;
  private final RequestChain chain;

  FlowRenderer(ClassName support, RequestChain chain) {
    this.support = support;
    this.helpers = support.peerClass(TemplateFile.SUITE_SUPPORT);
    this.chain = chain;
  }

  CodeBlock flow(TestCasePlan testCase) {
    FlowPlan flow = testCase.flow();
    String id = Names.variable(flow.idParameter());
    CodeBlock.Builder code = CodeBlock.builder();
    code.addStatement("$T sent = $L", String.class, chain.text(flow.create().body().text(), flow.create()).build());
    code.add("$T created = ", Types.RESPONSE)
        .add(extracted(call(flow.create(), null, null, new Source().add("sent"), flow.createExpect()), "response"))
        .add(";\n$<$<");
    code.addStatement("$T $L = $L", String.class, id, idFrom(flow));
    code.add("$T.assertEchoes(sent, ", helpers)
        .add(extracted(call(flow.read(), flow.idParameter(), id, null, flow.readExpect()), "asString"))
        .add("$L);\n$<$<", ignored(flow));
    if (flow.update() != null) {
      code.addStatement("$T replacement = $L", String.class,
          chain.text(flow.update().body().text(), flow.update()).build());
      code.add(call(flow.update(), flow.idParameter(), id, new Source().add("replacement"), flow.updateExpect()))
          .add(";\n$<$<");
      code.add("$T.assertEchoes(replacement, ", helpers)
          .add(extracted(call(flow.read(), flow.idParameter(), id, null, flow.readExpect()), "asString"))
          .add("$L);\n$<$<", ignored(flow));
    }
    if (flow.delete() != null) {
      code.add(call(flow.delete(), flow.idParameter(), id, null, flow.deleteExpect())).add(";\n$<$<");
      // The test judges the status of a read after a delete: specs rarely document the 404 it is due to get.
      code.add(call(flow.read(), flow.idParameter(), id, null, flow.goneExpect(), false)).add(";\n$<$<");
    }
    return code.build();
  }

  CodeBlock massAssignment(TestCasePlan testCase) {
    FlowPlan flow = testCase.flow();
    String id = Names.variable(flow.idParameter());
    CodeBlock.Builder code = CodeBlock.builder();
    code.add(new Source().add("$T created = ", Types.RESPONSE)
        .add(chain.given(testCase.request(), false))
        .add(chain.body(testCase.request().body(), null))
        .add(RequestChain.when(testCase.request()))
        .add("\n$<.then().extract().response();\n$<").build());
    CodeBlock statuses = testCase.expect().statuses().stream().map(s -> CodeBlock.of("$L", s))
        .collect(CodeBlock.joining(", "));
    code.beginControlFlow("if ($T.acceptedOrRejected(created$L))", helpers,
        statuses.isEmpty() ? CodeBlock.of("") : CodeBlock.of(", $L", statuses));
    code.addStatement("$T $L = $L", String.class, id, idFrom(flow));
    code.add("$T.assertNotTaken($L, $L, ", helpers, JavaText.quoted(flow.readOnlyProbe()),
            JavaText.quoted(flow.readOnlyProbeValue()))
        .add(extracted(call(flow.read(), flow.idParameter(), id, null, flow.readExpect()), "asString"))
        .add(");\n$<$<");
    if (flow.delete() != null) {
      code.add(call(flow.delete(), flow.idParameter(), id, null, flow.deleteExpect())).add(";\n$<$<");
    }
    return code.endControlFlow().build();
  }

  private CodeBlock idFrom(FlowPlan flow) {
    return idFrom(flow.idPointer());
  }

  /** The created id: at JSON pointer {@code idPointer} of {@code created}'s body, or its Location when null. */
  CodeBlock idFrom(String idPointer) {
    return idPointer == null ? CodeBlock.of("$T.idFromLocation(created)", helpers)
        : CodeBlock.of("$T.idFromBody(created, $L)", helpers, JavaText.quoted(idPointer));
  }

  private static CodeBlock ignored(FlowPlan flow) {
    return trailingArguments(flow.ignoredFields());
  }

  /** {@code , "a", "b"}: strings as the trailing varargs of a call. */
  static CodeBlock trailingArguments(java.util.List<String> values) {
    return values.stream().map(f -> CodeBlock.of(", $L", JavaText.quoted(f))).collect(CodeBlock.joining(""));
  }

  /**
   * A method of the class that sends a request as the valid test of its operation does, every path parameter and
   * the body given, and checks the documented success: the steps of flows and semantics tests, e.g.
   * {@code validReplaceBook(bookId, full)}.
   */
  record ValidCall(String name, RequestPlan request, ExpectationPlan expect) {}

  private final Map<List<Object>, ValidCall> validCalls = new LinkedHashMap<>();
  private java.util.function.UnaryOperator<String> names;

  /** How helper methods get a name no other method of the class has. */
  void names(java.util.function.UnaryOperator<String> claim) {
    this.names = claim;
  }

  private static List<Object> validCallKey(RequestPlan request, ExpectationPlan expect) {
    return List.of(RequestChain.Key.of(request), expect, request.body() == null ? "" : request.body().contentType());
  }

  /**
   * The call of the class's {@code valid<Operation>} step that sends {@code request} as planned and checks
   * {@code expect}, if the flows or semantics tests made one: the valid test of the operation is then that call.
   */
  java.util.Optional<CodeBlock> existingValidCall(RequestPlan request, ExpectationPlan expect) {
    return validCalls.containsKey(validCallKey(request, expect))
        ? java.util.Optional.of(call(request, null, null, null, expect, true)) : java.util.Optional.empty();
  }

  private ValidCall validCall(RequestPlan request, ExpectationPlan expect) {
    return validCalls.computeIfAbsent(validCallKey(request, expect), k -> {
      String operation = chain.operationRequest(request).map(RequestChain.OperationRequest::name)
          .orElse(Names.variable(request.method().toLowerCase(java.util.Locale.ROOT) + " " + request.path()));
      return new ValidCall(names.apply("valid" + Character.toUpperCase(operation.charAt(0)) + operation.substring(1)),
          request, expect);
    });
  }

  /** The helpers the flows and semantics tests of the class call, in order of first use. */
  List<MethodSpec> validCalls() {
    List<MethodSpec> methods = new ArrayList<>();
    for (ValidCall call : validCalls.values()) {
      RequestPlan request = call.request();
      MethodSpec.Builder method = MethodSpec.methodBuilder(call.name())
          .addJavadoc("{@code $L $L} as its valid test sends it; checks the documented success.\n",
              request.method().toUpperCase(java.util.Locale.ROOT), JavaText.comment(request.path()))
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .returns(Types.VALIDATABLE_RESPONSE);
      Map<String, String> arguments = new LinkedHashMap<>();
      for (NameValue value : request.pathParams()) {
        String argument = Names.variable(value.name());
        while (arguments.containsValue(argument) || argument.equals("body")) {
          argument = argument + "_";
        }
        arguments.put(value.name(), argument);
        method.addParameter(String.class, argument);
      }
      Source code = new Source().add("return ")
          .add(chain.given(request, "request", value -> new Source().add("$L", arguments.get(value.name()))));
      if (request.body() != null) {
        method.addParameter(String.class, "body");
        code.add(chain.body(request.body(), new Source().add("body")));
      }
      methods.add(method.addCode(code.add(RequestChain.when(request)).add(chain.then(call.expect()))
          .add(";\n$<$<").build()).build());
    }
    return methods;
  }

  /**
   * {@code call.extract().what()}: on the call's line when the call is one line (a {@code valid<Operation>} step)
   * or ends with a bare {@code .then()}, on a line of its own after a chain's checks.
   */
  static CodeBlock extracted(CodeBlock call, String what) {
    String text = call.toString();
    boolean ownLine = text.contains("\n") && !text.endsWith(".then()");
    return CodeBlock.builder().add(call).add(ownLine ? "\n.extract().$L()" : ".extract().$L()", what).build();
  }

  /** A whole given/when/then chain, ending indented twice (the caller closes it). */
  CodeBlock call(RequestPlan request, String idParameter, String idVariable, Source body,
      ExpectationPlan expect) {
    return call(request, idParameter, idVariable, body, expect, true);
  }

  CodeBlock call(RequestPlan request, String idParameter, String idVariable, Source body,
      ExpectationPlan expect, boolean strictStatus) {
    if (strictStatus && names != null && (request.body() == null || request.body().kind() == BodyPlan.Kind.JSON
        || request.body().kind() == BodyPlan.Kind.TEXT)) {
      ValidCall helper = validCall(request, expect);
      Source code = new Source().add("$L(", helper.name());
      List<Source> arguments = new ArrayList<>();
      request.pathParams().forEach(value -> arguments.add(RequestChain.pathValue(request, value, idParameter,
          idVariable)));
      if (request.body() != null) {
        arguments.add(body != null ? body : chain.text(request.body().text(), request));
      }
      for (int i = 0; i < arguments.size(); i++) {
        code.add(i == 0 ? "" : ", ").add(arguments.get(i));
      }
      return code.add(")$>$>").build();
    }
    Source code = new Source().add(chain.given(request, strictStatus, idParameter, idVariable));
    if (request.body() != null) {
      code.add(chain.body(request.body(), body));
    } else if (body != null && request.body() == null) {
      throw new IllegalStateException("a body for a request without one");
    }
    return code.add(RequestChain.when(request)).add(chain.then(expect)).build();
  }
}
