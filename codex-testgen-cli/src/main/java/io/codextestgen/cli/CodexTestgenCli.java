package io.codextestgen.cli;

import io.codextestgen.CodexTestgen;
import io.codextestgen.GenerationResult;
import io.codextestgen.config.GeneratorConfig;
import io.codextestgen.diag.Diagnostic;
import io.codextestgen.diag.GenerationException;
import io.codextestgen.emit.DriftReport;
import java.io.PrintWriter;
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
        GeneratorConfig config = options.config();
        GenerationResult result = CodexTestgen.generate(config);
        warnings(result.diagnostics(), spec.commandLine().getErr());
        result.summary(config.specFile().getFileName().toString(), shown(config.outputDirectory()))
            .forEach(out::println);
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
        GeneratorConfig config = options.config();
        DriftReport drift = CodexTestgen.check(config);
        String specName = config.specFile().getFileName().toString();
        if (drift.upToDate()) {
          out.println("codex-testgen: " + shown(config.outputDirectory()) + " is up to date with " + specName);
          return 0;
        }
        if (options.diffFile != null) {
          drift.writeDiff(options.diffFile);
        }
        out.println(drift.message(specName, shown(config.outputDirectory()),
            options.diffFile == null ? null : options.diffFile.toString(),
            regenerateCommand(spec.commandLine().getParseResult().originalArgs())));
        return DRIFT;
      } catch (GenerationException e) {
        return badInput(e, spec.commandLine().getErr());
      }
    }
  }

  /** A path as the user should read it: relative to the working directory when under it. */
  private static String shown(java.nio.file.Path path) {
    java.nio.file.Path cwd = java.nio.file.Path.of("").toAbsolutePath();
    java.nio.file.Path absolute = path.toAbsolutePath().normalize();
    return absolute.startsWith(cwd) && !absolute.equals(cwd) ? cwd.relativize(absolute).toString() : path.toString();
  }

  /** The command line that was run, as {@code generate}: it can be copied into a shell as printed. */
  static String regenerateCommand(java.util.List<String> args) {
    StringBuilder command = new StringBuilder(program());
    boolean replaced = false;
    for (String arg : args) {
      command.append(' ').append(!replaced && arg.equals("check") ? "generate" : shellQuoted(arg));
      replaced |= arg.equals("check");
    }
    return command.toString();
  }

  /** How this program was started: {@code java -jar} its jar (relative when under the working directory). */
  private static String program() {
    try {
      java.nio.file.Path jar = java.nio.file.Path.of(CodexTestgenCli.class.getProtectionDomain().getCodeSource()
          .getLocation().toURI());
      if (java.nio.file.Files.isRegularFile(jar)) {
        java.nio.file.Path cwd = java.nio.file.Path.of("").toAbsolutePath();
        return "java -jar " + shellQuoted((jar.startsWith(cwd) ? cwd.relativize(jar) : jar).toString());
      }
    } catch (java.net.URISyntaxException | RuntimeException e) {
      // fall through: the name the README gives
    }
    return "codex-testgen";
  }

  static String shellQuoted(String arg) {
    return arg.matches("[A-Za-z0-9_./:=,@+%-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
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
