package io.codextestgen.maven;

import io.codextestgen.CodexTestgen;
import io.codextestgen.GenerationResult;
import io.codextestgen.config.GeneratorConfig;
import io.codextestgen.diag.GenerationException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Generates JUnit 5 + REST Assured API tests from the spec and adds their directory as a test source root.
 * Files are written only when their content changed.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_TEST_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractCodexMojo {

  /**
   * Write nothing but still compile the committed tests: for CI builds, where the {@code check} goal should judge
   * the committed files rather than a fresh generation.
   */
  @Parameter(property = "codex-testgen.generate.skip", defaultValue = "false")
  protected boolean generateSkip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("codex-testgen: skipped (codex-testgen.skip)");
      return;
    }
    if (generateSkip) {
      project.addTestCompileSourceRoot(outputDirectory.getAbsolutePath());
      getLog().info("codex-testgen: generation skipped (codex-testgen.generate.skip); compiling the committed tests in "
          + relative(outputDirectory));
      return;
    }
    GeneratorConfig config = config();
    GenerationResult result;
    try {
      result = CodexTestgen.generate(config);
    } catch (GenerationException e) {
      throw failure("codex-testgen could not generate tests from " + relative(specFile)
          + " (nothing was written; fix the spec and run again)", e);
    }
    project.addTestCompileSourceRoot(outputDirectory.getAbsolutePath());
    logWarnings(result.diagnostics());
    result.summary(specFile.getName(), relative(outputDirectory)).forEach(getLog()::info);
    result.reportFiles().stream().filter(f -> f.toString().endsWith(".md")).findFirst()
        .ifPresent(report -> getLog().info("  report for reviewers: " + relative(report.toFile())));
  }
}
