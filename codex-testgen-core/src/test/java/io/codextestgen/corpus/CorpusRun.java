package io.codextestgen.corpus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the generator over a corpus of real specs and prints the figures: {@code CorpusRun <root> [list-file]}.
 * Without a list file every spec under the root runs; a list file names specs relative to the root, one per line.
 * Prints every defect and refusal, and exits 1 when there is a defect. Run it with scripts/corpus.sh.
 */
public final class CorpusRun {

  private CorpusRun() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]).toAbsolutePath().normalize();
    List<Path> specs;
    if (args.length > 1) {
      specs = new ArrayList<>();
      for (String line : Files.readAllLines(Path.of(args[1]))) {
        if (!line.isBlank() && !line.startsWith("#")) {
          specs.add(root.resolve(line.trim()));
        }
      }
    } else {
      specs = Corpus.specsUnder(root);
    }
    if (specs.isEmpty()) {
      System.err.println("no spec found under " + root + (args.length > 1 ? " from " + args[1] : ""));
      System.exit(2);
    }
    long timeout = Long.getLong("corpus.timeoutSeconds", 300);
    Path work = Files.createTempDirectory("codex-corpus");
    boolean verbose = Boolean.getBoolean("corpus.verbose");
    int[] done = {0};
    long start = System.nanoTime();
    List<Corpus.Outcome> outcomes = new Corpus(root, work, timeout, outcome -> {
      done[0]++;
      // refusals are printed too: each should name a real problem of its spec
      if (outcome.isDefect() || outcome.kind() == Corpus.Kind.DIAGNOSED || verbose) {
        System.out.printf(Locale.ROOT, "%-12s %s (%d ms)%n", outcome.kind(), outcome.spec(), outcome.millis());
        if (!outcome.detail().isEmpty()) {
          outcome.detail().lines().forEach(line -> System.out.println("    " + line));
        }
      }
      if (done[0] % 100 == 0) {
        System.out.printf(Locale.ROOT, "... %d of %d specs%n", done[0], specs.size());
      }
    }).run(specs);
    long wall = (System.nanoTime() - start) / 1_000_000;
    Corpus.summary(outcomes, wall).forEach(System.out::println);
    System.exit(outcomes.stream().anyMatch(Corpus.Outcome::isDefect) ? 1 : 0);
  }
}
