package io.codextestgen.maven;

import io.codextestgen.CodexTestgen;
import io.codextestgen.diag.GenerationException;
import io.codextestgen.emit.DriftReport;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Fails the build when the committed tests differ from what the spec generates now: lists added, changed and stale
 * files with a unified diff, and says how to fix it. Writes nothing.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractCodexMojo {

  /** Skip only the drift check ({@code codex-testgen.skip} skips every goal). */
  @Parameter(property = "codex-testgen.check.skip", defaultValue = "false")
  protected boolean checkSkip;

  /**
   * The command the drift check tells users to run: it works as printed in any project that configures the plugin
   * at plugin level (as the README shows), which the plugin's integration tests prove by running it.
   */
  static final String REGENERATE = "mvn codex-testgen:generate";

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip || checkSkip) {
      getLog().info("codex-testgen: check skipped (" + (skip ? "codex-testgen.skip" : "codex-testgen.check.skip") + ")");
      return;
    }
    DriftReport drift;
    try {
      drift = CodexTestgen.check(config());
    } catch (GenerationException e) {
      throw failure("codex-testgen could not check the tests generated from " + relative(specFile), e);
    }
    drift.humanOwned().forEach(path -> getLog().info("codex-testgen: " + path + " is owned by a person (no marker); not checked"));
    if (drift.upToDate()) {
      getLog().info("codex-testgen: generated tests in " + relative(outputDirectory) + " are up to date with "
          + specFile.getName());
      return;
    }
    File diffFile = new File(reportDirectory, "drift.diff");
    try {
      drift.writeDiff(diffFile.toPath());
    } catch (GenerationException e) {
      getLog().warn(e.getMessage());
      diffFile = null;
    }
    // Maven prints the message once, in its "Failed to execute goal" error.
    String message = drift.message(specFile.getName(), relative(outputDirectory),
        diffFile == null ? null : relative(diffFile), REGENERATE);
    throw new MojoFailureException(message);
  }
}
