package io.codextestgen.render;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import io.codextestgen.plan.CredentialPlan;
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
    files.add(file(JavaFile.builder(plan.basePackage(), SupportClassRenderer.render(plan.support(), needs,
            ClassName.get(plan.basePackage(), TemplateFile.RESPONSE_CHECK)))
        .addStaticImport(support.peerClass(TemplateFile.SUITE_SUPPORT), "*"), plan.basePackage(), specFile));
    files.add(TemplateFile.render(TemplateFile.SUITE_SUPPORT, plan.basePackage(), specFile, Map.of()));
    files.add(TemplateFile.render(TemplateFile.RESPONSE_CHECK, plan.basePackage(), specFile, Map.of()));
    files.add(TemplateFile.render(TemplateFile.TRIAGE, plan.basePackage(), specFile, Map.of()));
    if (plan.support().credentials().stream().anyMatch(credential -> credential.token() != null)) {
      files.add(TemplateFile.render(TemplateFile.OAUTH2_TOKENS, plan.basePackage(), specFile, Map.of()));
    }
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
        testClass -> testClassFile(plan.basePackage(),
            TestClassRenderer.render(testClass, support, credentials, specFile), specFile, support)));
    return files;
  }

  private static SupportClassRenderer.Needs needs(TestPlan plan) {
    List<TestCasePlan> cases = plan.classes().stream().flatMap(c -> c.cases().stream()).toList();
    return new SupportClassRenderer.Needs(
        cases.stream().anyMatch(c -> !c.strictStatus() && !TestClassRenderer.unsureValid(c)
            || c.shape() == TestCasePlan.Shape.MASS_ASSIGNMENT || c.shape() == TestCasePlan.Shape.FLOW
            || c.shape() == TestCasePlan.Shape.SEMANTICS),
        cases.stream().anyMatch(TestClassRenderer::unsureValid),
        cases.stream().anyMatch(c -> c.shape() == TestCasePlan.Shape.RATE_LIMIT),
        cases.stream().anyMatch(c -> c.shape() == TestCasePlan.Shape.SEMANTICS),
        plan.classes().stream().anyMatch(c -> c.producers().stream().anyMatch(p -> p.delete() != null))
            || cases.stream().anyMatch(c -> c.shape() == TestCasePlan.Shape.SEMANTICS),
        cases.stream().anyMatch(c -> c.request().credentials().stream()
            .anyMatch(use -> use.mode() == io.codextestgen.plan.CredentialUse.Mode.OTHER_IDENTITY)));
  }


  /**
   * A test class reads its helpers without qualifiers: {@code given(...)} and the support class's and the response
   * check's static members are imported. The class's own method names never hide them (see
   * {@link TestClassRenderer#RESERVED}).
   */
  private static RenderedFile testClassFile(String packageName, TypeSpec type, String specFile,
      ClassName support) {
    return file(JavaFile.builder(packageName, type)
        .addStaticImport(Types.REST_ASSURED, "given")
        .addStaticImport(support, "*")
        .addStaticImport(support.peerClass(TemplateFile.SUITE_SUPPORT), "*")
        .addStaticImport(support.peerClass(TemplateFile.RESPONSE_CHECK), "*"), packageName, specFile);
  }

  private static RenderedFile file(JavaFile.Builder builder, String packageName, String specFile) {
    JavaFile javaFile = builder
        .addFileComment("$L", Types.fileComment(specFile))
        .skipJavaLangImports(true)
        .indent("    ")
        .build();
    String path = packageName.replace('.', '/') + "/" + javaFile.typeSpec().name() + ".java";
    return new RenderedFile(path, JavaText.escapeLoneSurrogates(Layout.compact(javaFile.toString())));
  }
}
