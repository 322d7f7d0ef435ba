package io.codextestgen.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixed subset of the real-world corpus that every build runs (src/test/resources/corpus, described in its
 * README): no spec crashes the generator or leaves a suite that does not compile, and only the specs known to be
 * broken are refused. scripts/corpus.sh runs the whole corpus.
 */
class CorpusSubsetTest {

  private static final Path ROOT = Path.of("src/test/resources/corpus");

  /** Specs with nothing to test: no paths (webhooks only, or a fragment). Each is refused with a diagnostic. */
  private static final List<String> REFUSED = List.of(
      "oas-examples/3.0/json/openapi-workshop/title.json",
      "oas-examples/3.1/yaml/webhooks.yaml");

  @TempDir Path work;

  @Test
  void everySpecGeneratesACompilingSuiteOrIsRefusedWithDiagnostics() throws Exception {
    List<Path> specs = Corpus.specsUnder(ROOT);
    assertThat(specs).hasSizeGreaterThan(100);

    List<Corpus.Outcome> outcomes = new Corpus(ROOT, work, 120, outcome -> { }).run(specs);

    assertThat(outcomes.stream().filter(Corpus.Outcome::isDefect)
        .map(o -> o.kind() + " " + o.spec() + "\n" + o.detail())).isEmpty();
    assertThat(outcomes.stream().filter(o -> o.kind() == Corpus.Kind.DIAGNOSED).map(Corpus.Outcome::spec))
        .containsExactlyInAnyOrderElementsOf(REFUSED);
    assertThat(outcomes.stream().filter(o -> o.kind() == Corpus.Kind.DIAGNOSED)
        .collect(Collectors.toMap(Corpus.Outcome::spec, Corpus.Outcome::detail)))
        .allSatisfy((spec, detail) -> assertThat(detail).startsWith("error: ").doesNotContain("Exception"));
    assertThat(outcomes.stream().mapToInt(Corpus.Outcome::tests).sum()).isGreaterThan(5_000);
  }
}
