package io.codextestgen.render;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.codextestgen.plan.BodyPlan;
import io.codextestgen.plan.CredentialPlan;
import io.codextestgen.plan.ExpectationPlan;
import io.codextestgen.plan.NameValue;
import io.codextestgen.plan.RequestPlan;
import io.codextestgen.plan.TestCasePlan;
import io.codextestgen.plan.TestClassPlan;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/** One test class: a method per planned case, written as a plain REST Assured given/when/then chain. */
final class TestClassRenderer {

  private static final Set<String> SHORTHAND_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD",
      "OPTIONS");

  private TestClassRenderer() {}

  static TypeSpec render(TestClassPlan plan, ClassName support, Map<String, CredentialPlan> credentials,
      String specFileName, String sha256) {
    TypeSpec.Builder type = TypeSpec.classBuilder(plan.className())
        .addAnnotation(Types.generated(specFileName, sha256))
        .addAnnotation(AnnotationSpec.builder(Types.DISPLAY_NAME).addMember("value", "$S", plan.groupName() + " API").build())
        .addJavadoc("API tests of $L {@code $L}.\n", "operations grouped as", JavaText.comment(plan.groupName()))
        .addMethod(MethodSpec.methodBuilder("requireBaseUri")
            .addAnnotation(Types.BEFORE_ALL)
            .addModifiers(Modifier.STATIC)
            .addStatement("$T.baseUri()", support)
            .build());
    for (TestCasePlan testCase : plan.cases()) {
      type.addMethod(method(testCase, support, credentials));
    }
    return type.build();
  }

  private static MethodSpec method(TestCasePlan testCase, ClassName support,
      Map<String, CredentialPlan> credentials) {
    return MethodSpec.methodBuilder(testCase.methodName())
        .addJavadoc("Guards {@code $L}.\n", JavaText.comment(testCase.pointer()))
        .addAnnotation(Types.TEST)
        .addAnnotation(AnnotationSpec.builder(Types.TAG).addMember("value", "$S", testCase.family()).build())
        .addAnnotation(AnnotationSpec.builder(Types.DISPLAY_NAME)
            .addMember("value", "$S", testCase.displayName()).build())
        .addCode(chain(testCase, support, credentials))
        .build();
  }

  private static CodeBlock chain(TestCasePlan testCase, ClassName support,
      Map<String, CredentialPlan> credentials) {
    RequestPlan request = testCase.request();
    CodeBlock.Builder code = CodeBlock.builder()
        .add("$T.given($T.request())\n$>$>", Types.REST_ASSURED, support);
    for (String scheme : request.credentials()) {
      credential(code, credentials.get(scheme), support);
    }
    add(code, "pathParam", request.pathParams());
    add(code, "queryParam", request.queryParams());
    add(code, "header", request.headers());
    add(code, "cookie", request.cookies());
    if (request.body() != null) {
      body(code, request.body());
    }
    code.add("$<.when()\n$>", new Object[0]);
    String method = request.method().toUpperCase(Locale.ROOT);
    if (SHORTHAND_METHODS.contains(method)) {
      code.add(".$L($S)\n", method.toLowerCase(Locale.ROOT), request.path());
    } else {
      code.add(".request($S, $S)\n", method, request.path());
    }
    code.add("$<.then()\n$>", new Object[0]);
    expectations(code, testCase.expect(), support);
    return code.add(";\n$<$<", new Object[0]).build();
  }

  /** Credentials go where the scheme says, in plain sight; only their values come from the support class. */
  private static void credential(CodeBlock.Builder code, CredentialPlan credential, ClassName support) {
    String getter = credential.methodName() + "Credential";
    switch (credential.kind()) {
      case API_KEY -> {
        String method = switch (credential.location()) {
          case "query" -> "queryParam";
          case "cookie" -> "cookie";
          default -> "header";
        };
        code.add(".$L($S, $T.$L())\n", method, credential.parameterName(), support, getter);
      }
      case BEARER -> code.add(".header($S, $S + $T.$L())\n", "Authorization", "Bearer ", support, getter);
      case BASIC -> code.add(".auth().preemptive().basic($T.$L(), $T.$L())\n", support,
          credential.methodName() + "Username", support, credential.methodName() + "Password");
    }
  }

  private static void add(CodeBlock.Builder code, String method, List<NameValue> values) {
    for (NameValue value : values) {
      code.add(".$L($S, $S)\n", method, value.name(), value.value());
    }
  }

  private static void body(CodeBlock.Builder code, BodyPlan body) {
    code.add(".contentType($S)\n", body.contentType());
    switch (body.kind()) {
      case JSON, TEXT -> {
        if (body.text().contains("\n")) {
          code.add(".body($L)\n", JavaText.textBlock(body.text()));
        } else {
          code.add(".body($S)\n", body.text());
        }
      }
      case FORM -> add(code, "formParam", body.fields());
      case MULTIPART -> {
        for (NameValue field : body.fields()) {
          if (body.fileFields().contains(field.name())) {
            code.add(".multiPart($S, $S, $S.getBytes($T.UTF_8))\n", field.name(), field.name() + ".bin",
                field.value(), Types.STANDARD_CHARSETS);
          } else {
            code.add(".multiPart($S, $S)\n", field.name(), field.value());
          }
        }
      }
    }
  }

  private static void expectations(CodeBlock.Builder code, ExpectationPlan expect, ClassName support) {
    code.add(".statusCode($L)", statusMatcher(expect));
    if (!expect.contentTypes().isEmpty()) {
      CodeBlock types = expect.contentTypes().stream().map(type -> CodeBlock.of("$S", type))
          .collect(CodeBlock.joining(", "));
      code.add("\n.contentType($T.mediaTypeIn($L))", support, types);
    }
  }

  private static CodeBlock statusMatcher(ExpectationPlan expect) {
    List<Integer> statuses = expect.statuses();
    if (expect.statusClasses().isEmpty()) {
      if (statuses.isEmpty()) {
        return CodeBlock.of("$T.lessThan(500)", Types.MATCHERS);
      }
      if (statuses.size() == 1) {
        return CodeBlock.of("$L", statuses.get(0));
      }
    }
    if (statuses.isEmpty() && expect.statusClasses().size() == 1) {
      int statusClass = expect.statusClasses().get(0);
      return CodeBlock.of("$T.allOf($T.greaterThanOrEqualTo($L), $T.lessThan($L))", Types.MATCHERS, Types.MATCHERS,
          statusClass * 100, Types.MATCHERS, statusClass * 100 + 100);
    }
    CodeBlock.Builder anyOf = CodeBlock.builder().add("$T.anyOf(", Types.MATCHERS);
    boolean first = true;
    for (Integer status : statuses) {
      anyOf.add(first ? "$T.is($L)" : ", $T.is($L)", Types.MATCHERS, status);
      first = false;
    }
    for (Integer statusClass : expect.statusClasses()) {
      anyOf.add(first ? "" : ", ");
      anyOf.add("$T.allOf($T.greaterThanOrEqualTo($L), $T.lessThan($L))", Types.MATCHERS, Types.MATCHERS,
          statusClass * 100, Types.MATCHERS, statusClass * 100 + 100);
      first = false;
    }
    return anyOf.add(")").build();
  }
}
