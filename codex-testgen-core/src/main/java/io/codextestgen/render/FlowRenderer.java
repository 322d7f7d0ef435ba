package io.codextestgen.render;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import io.codextestgen.plan.ExpectationPlan;
import io.codextestgen.plan.FlowPlan;
import io.codextestgen.plan.Names;
import io.codextestgen.plan.RequestPlan;
import io.codextestgen.plan.TestCasePlan;

/** The body of a flow test (create, read, replace, read back, delete, read) and of a mass-assignment test. */
final class FlowRenderer {

  private final ClassName support;
  private final RequestChain chain;

  FlowRenderer(ClassName support, RequestChain chain) {
    this.support = support;
    this.chain = chain;
  }

  CodeBlock flow(TestCasePlan testCase) {
    FlowPlan flow = testCase.flow();
    String id = Names.variable(flow.idParameter());
    CodeBlock.Builder code = CodeBlock.builder();
    code.addStatement("$T sent = $L", String.class, chain.text(flow.create().body().text()).build());
    code.add("$T created = ", Types.RESPONSE)
        .add(call(flow.create(), null, null, new Source().add("sent"), flow.createExpect()))
        .add("\n.extract().response();\n$<$<");
    code.addStatement("$T $L = $L", String.class, id, idFrom(flow));
    code.add("$T.assertEchoes(sent, ", support)
        .add(call(flow.read(), flow.idParameter(), id, null, flow.readExpect()))
        .add("\n.extract().asString()$L);\n$<$<", ignored(flow));
    if (flow.update() != null) {
      code.addStatement("$T replacement = $L", String.class, chain.text(flow.update().body().text()).build());
      code.add(call(flow.update(), flow.idParameter(), id, new Source().add("replacement"), flow.updateExpect()))
          .add(";\n$<$<");
      code.add("$T.assertEchoes(replacement, ", support)
          .add(call(flow.read(), flow.idParameter(), id, null, flow.readExpect()))
          .add("\n.extract().asString()$L);\n$<$<", ignored(flow));
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
        .add("\n$<.then()\n$>.extract().response();\n$<$<").build());
    CodeBlock statuses = testCase.expect().statuses().stream().map(s -> CodeBlock.of("$L", s))
        .collect(CodeBlock.joining(", "));
    code.beginControlFlow("if ($T.acceptedOrRejected(created$L))", support,
        statuses.isEmpty() ? CodeBlock.of("") : CodeBlock.of(", $L", statuses));
    code.addStatement("$T $L = $L", String.class, id, idFrom(flow));
    code.add("$T.assertNotTaken($L, $L, ", support, JavaText.quoted(flow.readOnlyProbe()),
            JavaText.quoted(flow.readOnlyProbeValue()))
        .add(call(flow.read(), flow.idParameter(), id, null, flow.readExpect()))
        .add("\n.extract().asString());\n$<$<");
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
    return idPointer == null ? CodeBlock.of("$T.idFromLocation(created)", support)
        : CodeBlock.of("$T.idFromBody(created, $L)", support, JavaText.quoted(idPointer));
  }

  private static CodeBlock ignored(FlowPlan flow) {
    return trailingArguments(flow.ignoredFields());
  }

  /** {@code , "a", "b"}: strings as the trailing varargs of a call. */
  static CodeBlock trailingArguments(java.util.List<String> values) {
    return values.stream().map(f -> CodeBlock.of(", $L", JavaText.quoted(f))).collect(CodeBlock.joining(""));
  }

  /** A whole given/when/then chain, ending indented twice (the caller closes it). */
  CodeBlock call(RequestPlan request, String idParameter, String idVariable, Source body,
      ExpectationPlan expect) {
    return call(request, idParameter, idVariable, body, expect, true);
  }

  CodeBlock call(RequestPlan request, String idParameter, String idVariable, Source body,
      ExpectationPlan expect, boolean strictStatus) {
    Source code = new Source().add(chain.given(request, strictStatus, idParameter, idVariable));
    if (request.body() != null) {
      code.add(chain.body(request.body(), body));
    } else if (body != null && request.body() == null) {
      throw new IllegalStateException("a body for a request without one");
    }
    return code.add(RequestChain.when(request)).add(chain.then(expect)).build();
  }
}
