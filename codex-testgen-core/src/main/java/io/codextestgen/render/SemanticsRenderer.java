package io.codextestgen.render;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import io.codextestgen.plan.Names;
import io.codextestgen.plan.ProducerPlan;
import io.codextestgen.plan.SemanticsPlan;
import io.codextestgen.plan.TestCasePlan;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The body of a semantics test: one HTTP rule across requests, on an item it creates or on a singleton. */
final class SemanticsRenderer {

  private final ClassName support;
  /** {@code SuiteSupport}: the helpers that do not depend on the spec. */
  private final ClassName helpers;
  private final RequestChain chain;
  private final FlowRenderer flows;

  SemanticsRenderer(ClassName support, RequestChain chain, FlowRenderer flows) {
    this.support = support;
    this.helpers = support.peerClass(TemplateFile.SUITE_SUPPORT);
    this.chain = chain;
    this.flows = flows;
  }

  /** The rule a test enforces, for its Javadoc. */
  static String rule(SemanticsPlan.Rule rule) {
    return switch (rule) {
      case CREATED_READABLE -> "RFC 9110 15.3.2: a 201 names the created resource (Location); it can be read.";
      case DELETED_GONE -> "RFC 9110 9.3.5 and 9.2.2: after a DELETE the resource is gone; DELETE is idempotent.";
      case PUT_REPLACES -> "RFC 9110 9.3.4: PUT replaces the resource's state with the one sent; it does not merge.";
      case PUT_IDEMPOTENT -> "RFC 9110 9.2.2: PUT is idempotent: twice has the effect of once.";
      case REJECTED_WRITE_CHANGES_NOTHING -> "RFC 9110 15.5: a 4xx answer means the request was not carried out.";
      case PATCH_APPLIES -> "RFC 7396 (merge patch), RFC 6902 (JSON patch): a patch changes what it names, no more.";
      case OTHER_IDENTITY_DENIED -> "OWASP API1: one identity's item is not another's to read, change or delete.";
    };
  }

  private List<ProducerPlan> producers = List.of();

  /** The class's producers: a test that creates what one creates calls it, and leaves the cleanup to it. */
  void producers(List<ProducerPlan> producers) {
    this.producers = producers;
  }

  /**
   * The producer that creates the item as the test would and deletes it after the class's tests as the test would
   * (or the test does not delete), if any.
   */
  private Optional<ProducerPlan> producerOf(SemanticsPlan plan) {
    return producers.stream().filter(p -> p.create().equals(plan.create())
        && Objects.equals(p.idPointer(), plan.idPointer()) && p.parameter().equals(plan.idParameter())
        && (plan.delete() == null || p.delete() != null
            && RequestChain.Key.of(p.delete()).equals(RequestChain.Key.of(plan.delete()))))
        .findFirst();
  }

  CodeBlock semantics(TestCasePlan testCase) {
    SemanticsPlan plan = testCase.semantics();
    String id = plan.item() ? Names.variable(plan.idParameter()) : null;
    CodeBlock.Builder code = CodeBlock.builder();
    Optional<ProducerPlan> producer = plan.item() ? producerOf(plan) : Optional.empty();
    if (producer.isPresent() && plan.rule() != SemanticsPlan.Rule.CREATED_READABLE) {
      // created as the class's other tests create it, and deleted with them
      code.addStatement("$T $L = $L()", String.class, id, producer.get().methodName());
    } else if (plan.item()) {
      if (plan.rule() == SemanticsPlan.Rule.CREATED_READABLE) {
        code.addStatement("$T sent = $L", String.class, chain.text(plan.body(), plan.create()).build());
      }
      code.add("$T created = ", Types.RESPONSE)
          .add(FlowRenderer.extracted(flows.call(plan.create(), null, null,
              plan.rule() == SemanticsPlan.Rule.CREATED_READABLE ? new Source().add("sent") : null,
              plan.createExpect()), "response"))
          .add(";\n$<$<");
      code.addStatement("$T $L = $L", String.class, id, flows.idFrom(plan.idPointer()));
      if (producer.isPresent()) {
        code.addStatement("$L.add($L)", TestClassRenderer.idsField(producer.get()), id);
      }
    }
    boolean cleanup = plan.item() && plan.delete() != null && plan.rule() != SemanticsPlan.Rule.DELETED_GONE
        && producer.isEmpty();
    if (cleanup) {
      code.beginControlFlow("try");
    }
    if (plan.setup() != null) {
      code.add(flows.call(plan.setup(), plan.idParameter(), id,
          new Source().add("$L", chain.text(plan.setupBody(), plan.setup())),
          plan.setupExpect())).add(";\n$<$<");
    }
    switch (plan.rule()) {
      case CREATED_READABLE -> createdReadable(code, plan, id);
      case DELETED_GONE -> deletedGone(code, plan, id);
      case PUT_REPLACES -> putReplaces(code, plan, id);
      case PUT_IDEMPOTENT -> putIdempotent(code, plan, id);
      case REJECTED_WRITE_CHANGES_NOTHING -> rejectedWrite(code, plan, id);
      case PATCH_APPLIES -> patched(code, plan, id);
      case OTHER_IDENTITY_DENIED -> otherIdentity(code, plan, id);
    }
    if (cleanup) {
      code.nextControlFlow("finally")
          .add(new Source().add(chain.given(plan.delete(), "plainRequest", plan.idParameter(), id))
              .add(RequestChain.when(plan.delete())).add(";\n$<$<").build())
          .endControlFlow();
    }
    return code.build();
  }

  private void createdReadable(CodeBlock.Builder code, SemanticsPlan plan, String id) {
    code.addStatement("$T location = created.getHeader(\"Location\")", String.class);
    code.beginControlFlow("if (location != null)");
    code.add("$T atLocation = ", String.class)
        .add(new Source().add(chain.givenForUrl(plan.read()))
            .add("\n$<.when().get($T.url(location))$>", support)
            .add(chain.then(plan.readExpect())).build())
        .add("\n.extract().asString();\n$<$<");
    code.addStatement("$T.assertEchoes(sent, atLocation$L)", helpers, ignored(plan));
    code.endControlFlow();
    assign(code, "read", read(plan, id));
    code.addStatement("$T.assertEchoes(sent, read$L)", helpers, ignored(plan));
  }

  private void deletedGone(CodeBlock.Builder code, SemanticsPlan plan, String id) {
    code.add(flows.call(plan.write(), plan.idParameter(), id, null, plan.writeExpect())).add(";\n$<$<");
    // The test judges the status of a read after a delete: specs rarely document the 404 it is due to get.
    code.add(flows.call(plan.read(), plan.idParameter(), id, null, plan.goneExpect(), false)).add(";\n$<$<");
    code.add("$T again = ", Types.RESPONSE)
        .add(new Source().add(chain.given(plan.write(), false, plan.idParameter(), id))
            .add(RequestChain.when(plan.write())).build())
        .add(";\n$<$<");
    code.addStatement("$T.assertNoServerError(again, \"a second DELETE\")", helpers);
  }

  private void putReplaces(CodeBlock.Builder code, SemanticsPlan plan, String id) {
    code.addStatement("$T full = $L", String.class, chain.text(plan.body(), plan.write()).build());
    code.add(write(plan, id, "full")).add(";\n$<$<");
    assign(code, "read", read(plan, id));
    code.addStatement("$T.assertEchoes(full, read$L)", helpers, ignored(plan));
    if (plan.partialBody() != null) {
      code.addStatement("$T partial = $L", String.class, chain.text(plan.partialBody(), plan.write()).build());
      code.add(write(plan, id, "partial")).add(";\n$<$<");
      assign(code, "readAfterPartial", read(plan, id));
      code.addStatement("$T.assertLeftOut($L, $L, $LreadAfterPartial)", helpers, JavaText.quoted(plan.member()),
          JavaText.quoted(plan.memberValue()),
          plan.memberDefault() == null ? "" : JavaText.quoted(plan.memberDefault()) + ", ");
    }
  }

  private void putIdempotent(CodeBlock.Builder code, SemanticsPlan plan, String id) {
    code.addStatement("$T full = $L", String.class, chain.text(plan.body(), plan.write()).build());
    code.add("int once = ").add(FlowRenderer.extracted(write(plan, id, "full"), "statusCode")).add(";\n$<$<");
    assign(code, "afterOnce", read(plan, id));
    code.add("int twice = ").add(FlowRenderer.extracted(write(plan, id, "full"), "statusCode")).add(";\n$<$<");
    code.addStatement("$T.assertEquals(once / 100, twice / 100, \"the same PUT answered \" + once + \", then \" + twice)",
        Types.ASSERTIONS);
    assign(code, "afterTwice", readPlainly(plan, id));
    code.addStatement("$T.assertSameState(\"after the same PUT again\", afterOnce, afterTwice$L)", helpers,
        ignored(plan));
  }

  private void rejectedWrite(CodeBlock.Builder code, SemanticsPlan plan, String id) {
    assign(code, "before", read(plan, id));
    code.add("$T rejected = ", Types.RESPONSE)
        .add(new Source().add(chain.given(plan.write(), false, plan.idParameter(), id))
            .add(chain.body(plan.write().body(), chain.text(plan.body(), plan.write())))
            .add(RequestChain.when(plan.write())).build())
        .add(";\n$<$<");
    code.addStatement("$T.requireRejected(rejected)", helpers);
    assign(code, "after", readPlainly(plan, id));
    code.addStatement("$T.assertSameState(\"after the rejected write\", before, after$L)", helpers, ignored(plan));
  }

  /** The owner reads the item, the second identity's request is refused, the owner reads it unchanged. */
  private void otherIdentity(CodeBlock.Builder code, SemanticsPlan plan, String id) {
    assign(code, "before", read(plan, id));
    Source attempt = new Source().add(chain.given(plan.write(), false, plan.idParameter(), id));
    if (plan.write().body() != null) {
      attempt.add(chain.body(plan.write().body(), null));
    }
    code.add(attempt.add(RequestChain.when(plan.write())).add(chain.then(plan.writeExpect())).add(";\n$<$<").build());
    assign(code, "after", read(plan, id));
    code.addStatement("$T.assertSameState($L, before, after$L)", helpers, JavaText.quoted("after another identity's "
        + plan.write().method().toUpperCase(java.util.Locale.ROOT)), ignored(plan));
  }

  private void patched(CodeBlock.Builder code, SemanticsPlan plan, String id) {
    assign(code, "before", read(plan, id));
    code.addStatement("$T patch = $L", String.class, chain.text(plan.body(), plan.write()).build());
    code.add(write(plan, id, "patch")).add(";\n$<$<");
    assign(code, "after", readPlainly(plan, id));
    code.addStatement("$T.assertPatched($L, $L, before, after$L)", helpers, JavaText.quoted(plan.member()),
        JavaText.quoted(plan.memberValue()), ignored(plan));
  }

  /** {@code String variable = <read>.extract().asString();} */
  private static void assign(CodeBlock.Builder code, String variable, CodeBlock read) {
    code.add("$T $L = ", String.class, variable).add(FlowRenderer.extracted(read, "asString")).add(";\n$<$<");
  }

  private CodeBlock write(SemanticsPlan plan, String id, String variable) {
    return flows.call(plan.write(), plan.idParameter(), id, new Source().add(variable), plan.writeExpect());
  }

  private CodeBlock read(SemanticsPlan plan, String id) {
    return flows.call(plan.read(), plan.idParameter(), id, null, plan.readExpect());
  }

  /**
   * A read whose answer only the state comparison judges: the first read judged the representation, and a state
   * the rule's fault left behind is best told by what changed.
   */
  private CodeBlock readPlainly(SemanticsPlan plan, String id) {
    return new Source().add(chain.given(plan.read(), "plainRequest", plan.idParameter(), id))
        .add(RequestChain.when(plan.read())).add("\n$<.then()$>").build();
  }

  private static CodeBlock ignored(SemanticsPlan plan) {
    return FlowRenderer.trailingArguments(plan.ignored());
  }
}
