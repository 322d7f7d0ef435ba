package io.codextestgen.render;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import io.codextestgen.plan.CredentialPlan;
import io.codextestgen.plan.CredentialUse;
import io.codextestgen.plan.RateLimitCaps;
import io.codextestgen.plan.TestCasePlan;
import io.codextestgen.plan.TestPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Renders a {@link TestPlan} as JUnit 5 + REST Assured sources: the support class, then one class per group. */
public final class JUnitRenderer {

  private JUnitRenderer() {}

  public static List<RenderedFile> render(TestPlan plan) {
    String specFile = plan.support().specFileName();
    ClassName support = ClassName.get(plan.basePackage(), plan.support().className());
    Map<String, CredentialPlan> credentials = new TreeMap<>();
    plan.support().credentials().forEach(credential -> credentials.put(credential.schemeName(), credential));
    List<RenderedFile> files = new ArrayList<>();
    SupportClassRenderer.Needs needs = needs(plan);
    files.add(file(plan.basePackage(), SupportClassRenderer.render(plan.support(), needs,
        ClassName.get(plan.basePackage(), TemplateFile.RESPONSE_CHECK)), specFile));
    files.add(TemplateFile.render(TemplateFile.RESPONSE_CHECK, plan.basePackage(), specFile, Map.of()));
    files.add(TemplateFile.render(TemplateFile.TRIAGE, plan.basePackage(), specFile, Map.of()));
    if (needs.rateLimit()) {
      RateLimitCaps caps = plan.support().rateLimitCaps();
      files.add(TemplateFile.render(TemplateFile.RATE_LIMIT_BURST, plan.basePackage(), specFile, Map.of(
          "MAX_REQUESTS", String.valueOf(caps.maxRequests()),
          "MAX_CONCURRENCY", String.valueOf(caps.concurrency()),
          "MAX_WAIT_SECONDS", String.valueOf(caps.maxWaitSeconds()))));
    }
    // Classes are independent: rendered in parallel, in the plan's order.
    files.addAll(Parallel.map(plan.classes(),
        testClass -> testClass.cases().stream().mapToInt(testCase -> 1 + testCase.rows().size()).sum(),
        testClass -> file(plan.basePackage(),
            TestClassRenderer.render(testClass, support, credentials, specFile), specFile)));
    return files;
  }

  private static SupportClassRenderer.Needs needs(TestPlan plan) {
    List<TestCasePlan> cases = plan.classes().stream().flatMap(c -> c.cases().stream()).toList();
    return new SupportClassRenderer.Needs(
        cases.stream().anyMatch(c -> !c.strictStatus() && !TestClassRenderer.unsureValid(c)
            || c.shape() == TestCasePlan.Shape.MASS_ASSIGNMENT || c.shape() == TestCasePlan.Shape.FLOW
            || c.shape() == TestCasePlan.Shape.SEMANTICS),
        cases.stream().anyMatch(TestClassRenderer::unsureValid),
        cases.stream().flatMap(c -> c.request().credentials().stream())
            .anyMatch(use -> use.mode() == CredentialUse.Mode.WRONG
                && plan.support().credentials().stream().anyMatch(
                    cp -> cp.schemeName().equals(use.scheme()) && cp.kind() == CredentialPlan.Kind.BEARER)),
        cases.stream().anyMatch(c -> c.shape() == TestCasePlan.Shape.BODY_PATCH_ROWS),
        cases.stream().anyMatch(c -> c.rows().stream()
            .anyMatch(row -> TestClassRenderer.writtenAsLengthened(c, row))),
        cases.stream().anyMatch(c -> c.shape() == TestCasePlan.Shape.PARAMETER_ROWS),
        cases.stream().anyMatch(c -> c.shape() == TestCasePlan.Shape.RATE_LIMIT),
        cases.stream().anyMatch(c -> c.shape() == TestCasePlan.Shape.FLOW
            || c.shape() == TestCasePlan.Shape.MASS_ASSIGNMENT || c.shape() == TestCasePlan.Shape.SEMANTICS)
            || plan.classes().stream().anyMatch(c -> !c.producers().isEmpty()),
        cases.stream().anyMatch(c -> c.shape() == TestCasePlan.Shape.SEMANTICS),
        plan.classes().stream().anyMatch(c -> c.producers().stream().anyMatch(p -> p.delete() != null))
            || cases.stream().anyMatch(c -> c.shape() == TestCasePlan.Shape.SEMANTICS));
  }

  private static RenderedFile file(String packageName, TypeSpec type, String specFile) {
    JavaFile javaFile = JavaFile.builder(packageName, type)
        .addFileComment("$L", Types.fileComment(specFile))
        .skipJavaLangImports(true)
        .indent("    ")
        .build();
    String path = packageName.replace('.', '/') + "/" + type.name() + ".java";
    return new RenderedFile(path, JavaText.escapeLoneSurrogates(javaFile.toString()));
  }
}
