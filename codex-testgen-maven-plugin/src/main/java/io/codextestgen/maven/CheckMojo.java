package io.codextestgen.maven;

import io.codextestgen.CodexTestgen;
import io.codextestgen.diag.GenerationException;
import io.codextestgen.emit.DriftReport;
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
      throw failure("codex-testgen could not check the tests generated from " + specFile, e);
    }
    drift.humanOwned().forEach(path -> getLog().info("codex-testgen: " + path + " is owned by a person (no marker); not checked"));
    if (drift.upToDate()) {
      getLog().info("codex-testgen: generated tests in " + relative(outputDirectory) + " are up to date with "
          + specFile.getName());
      return;
    }
    StringBuilder message = new StringBuilder("The generated tests in ").append(relative(outputDirectory))
        .append(" differ from what ").append(specFile.getName()).append(" generates now:\n");
    drift.added().forEach(path -> message.append("  added:   ").append(path).append('\n'));
    drift.changed().forEach(path -> message.append("  changed: ").append(path).append('\n'));
    drift.stale().forEach(path -> message.append("  stale:   ").append(path).append('\n'));
    getLog().error("codex-testgen: drift against " + specFile.getName() + ":\n" + drift.diff());
    message.append("Run 'mvn codex-testgen:generate' (or any build up to generate-test-sources) to update them, then")
        .append(" review and commit the changes.");
    throw new MojoFailureException(message.toString());
  }
}
