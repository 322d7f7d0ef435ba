package com.example.generate;

import io.codextestgen.CodexTestgen;
import io.codextestgen.GenerationResult;
import io.codextestgen.config.Family;
import io.codextestgen.config.GeneratorConfig;
import io.codextestgen.diag.GenerationException;
import io.codextestgen.emit.DriftReport;
import java.nio.file.Path;
import java.util.Set;

/**
 * codex-testgen from plain Java, as a Gradle task or a Bazel rule would call it: one config builder, one facade,
 * typed errors. Usage: {@code GenerateApiTests <spec> <output dir> [check]}.
 */
public final class GenerateApiTests {

  private GenerateApiTests() {}

  public static void main(String[] args) {
    if (args.length < 2) {
      System.err.println("usage: GenerateApiTests <spec> <output dir> [check]");
      System.exit(2);
    }
    System.exit(run(Path.of(args[0]), Path.of(args[1]), args.length > 2 && args[2].equals("check")));
  }

  /** Generates (or checks) the tests; returns an exit code: 0 done, 1 drift, 2 bad input. */
  public static int run(Path spec, Path output, boolean checkOnly) {
    try {
      GeneratorConfig config = GeneratorConfig.builder(spec, output)
          .basePackage("com.example.generated")
          .families(Set.of(Family.VALID, Family.AUTH, Family.MALFORMED))
          .reportDirectory(output.resolveSibling("codex-testgen-report"))
          .build();
      if (checkOnly) {
        DriftReport drift = CodexTestgen.check(config);
        System.out.print(drift.diff());
        return drift.upToDate() ? 0 : 1;
      }
      GenerationResult result = CodexTestgen.generate(config);
      System.out.println(result.testCases() + " tests, " + result.writtenFiles().size() + " files written, "
          + result.skipped().size() + " operations skipped");
      result.diagnostics().forEach(System.err::println);
      return 0;
    } catch (GenerationException e) {
      e.diagnostics().forEach(System.err::println); // file: location: message, one per problem
      return 2;
    }
  }
}
