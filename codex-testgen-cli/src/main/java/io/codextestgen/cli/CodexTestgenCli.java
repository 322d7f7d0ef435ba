package io.codextestgen.cli;

import io.codextestgen.CodexTestgen;
import io.codextestgen.GenerationResult;
import io.codextestgen.diag.Diagnostic;
import io.codextestgen.diag.GenerationException;
import io.codextestgen.emit.DriftReport;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The codex-testgen command line: {@code generate} and {@code check}. Exit codes: 0 done (or up to date), 1 the
 * committed tests drift from the spec, 2 bad input (spec, options).
 */
@Command(name = "codex-testgen", mixinStandardHelpOptions = true, versionProvider = CodexTestgenCli.Version.class,
    description = "Generates JUnit 5 + REST Assured API tests from an OpenAPI or Swagger spec.",
    subcommands = {CodexTestgenCli.Generate.class, CodexTestgenCli.Check.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done, or the committed tests are up to date", "1:the committed tests drift from the spec",
        "2:bad input: the spec or an option"})
public final class CodexTestgenCli {

  static final int DRIFT = 1;
  static final int BAD_INPUT = 2;

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs a command line and returns its exit code; for tests and embedding. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return new CommandLine(new CodexTestgenCli()).setOut(out).setErr(err)
        .setParameterExceptionHandler((e, a) -> {
          err.println(e.getMessage());
          e.getCommandLine().usage(err);
          return BAD_INPUT;
        })
        .execute(args);
  }

  /** Writes the generated sources. */
  @Command(name = "generate", mixinStandardHelpOptions = true,
      description = "Generate the tests and write the files that changed.")
  static final class Generate implements Callable<Integer> {
    @Mixin ConfigOptions options;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try {
        GenerationResult result = CodexTestgen.generate(options.config());
        warnings(result.diagnostics(), spec.commandLine().getErr());
        result.summary(options.spec.getFileName().toString(), options.output.toString()).forEach(out::println);
        result.reportFiles().forEach(file -> out.println("  report: " + file));
        return 0;
      } catch (GenerationException e) {
        return badInput(e, spec.commandLine().getErr());
      }
    }
  }

  /** Compares what would be generated with the files on disk. */
  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "Fail (exit 1) when the files on disk differ from what the spec generates; writes nothing.")
  static final class Check implements Callable<Integer> {
    @Mixin ConfigOptions options;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try {
        DriftReport drift = CodexTestgen.check(options.config());
        if (drift.upToDate()) {
          out.println("codex-testgen: " + options.output + " is up to date with " + options.spec.getFileName());
          return 0;
        }
        out.print(drift.diff());
        drift.added().forEach(path -> out.println("added:   " + path));
        drift.changed().forEach(path -> out.println("changed: " + path));
        drift.stale().forEach(path -> out.println("stale:   " + path));
        out.println("Run 'codex-testgen generate' with the same options to update them, then review and commit the"
            + " changes.");
        return DRIFT;
      } catch (GenerationException e) {
        return badInput(e, spec.commandLine().getErr());
      }
    }
  }

  private static int badInput(GenerationException e, PrintWriter err) {
    err.println("codex-testgen: nothing was written:");
    e.diagnostics().forEach(d -> err.println("  " + d));
    return BAD_INPUT;
  }

  private static void warnings(java.util.List<Diagnostic> diagnostics, PrintWriter err) {
    diagnostics.stream().filter(d -> !d.isError()).forEach(d -> err.println(d));
  }

  /** The version from the jar's manifest (or "development" when run from classes). */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = CodexTestgenCli.class.getPackage().getImplementationVersion();
      return new String[] {"codex-testgen " + (version == null ? "development" : version)};
    }
  }
}
