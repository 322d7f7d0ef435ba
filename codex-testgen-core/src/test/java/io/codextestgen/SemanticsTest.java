package io.codextestgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.codextestgen.config.GeneratorConfig;
import io.codextestgen.testing.GeneratedSuite;
import io.codextestgen.testing.GeneratedSuite.Outcome;
import io.codextestgen.testing.StatefulFake;
import io.codextestgen.testing.StatefulFake.Fault;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The semantics family against a stateful fake on 127.0.0.1 with an item resource ({@code /books/{bookId}}) and a
 * singleton ({@code /settings}): the correct fake passes every test, and each faulty variant fails exactly the
 * tests that guard the rule it breaks, on the item and on the singleton. And one response, every problem: a valid
 * request answered with an undocumented status and a body that breaks the documented one fails with both.
 */
class SemanticsTest {

  private static final Path SPEC = Path.of("src/test/resources/semantics/shop.yaml");

  static StatefulFake fake;
  static GeneratedSuite suite;
  static CodexTestgen.Generated generated;

  @BeforeAll
  static void start(@TempDir Path work) throws IOException {
    fake = new StatefulFake("/books", "/settings", List.of("id", "updatedAt"), List.of(),
        Map.of("title", "string", "pages", "integer", "tags", "array", "subtitle", "string", "currency", "string",
            "favourites", "array", "motto", "string", "pageSize", "integer"));
    GeneratorConfig config = GeneratorConfig.builder(SPEC, work.resolve("unused"))
        .basePackage("semantics.shop")
        .specPathInTests(SPEC.toString())
        .families(Set.of(io.codextestgen.config.Family.SEMANTICS, io.codextestgen.config.Family.VALID))
        .includeDestructive(true)
        .build();
    generated = CodexTestgen.render(config);
    suite = GeneratedSuite.compile(generated.files(), work);
  }

  @AfterAll
  static void stop() throws IOException {
    fake.close();
    suite.close();
  }

  private static Map<String, Outcome> run(Fault fault) {
    fake.fault(fault);
    return suite.run(Map.of("codex.baseUri", "http://127.0.0.1:" + fake.port()), "semantics");
  }

  @Test
  void everyRuleIsCheckedOnTheItemAndTheSingletonAndPassesAgainstACorrectServer() {
    Map<String, Outcome> outcomes = run(Fault.NONE);

    assertThat(outcomes).containsOnlyKeys("createBook_createdIsReadable", "deleteBook_deletedIsGone",
        "replaceBook_putReplaces", "replaceBook_putIsIdempotent", "replaceBook_rejectedPutChangesNothing",
        "putSettings_putReplaces", "putSettings_putIsIdempotent", "putSettings_rejectedPutChangesNothing",
        "deleteSettings_deletedIsGone", "patchBook_patchChangesOnlyWhatItNames",
        "patchSettings_patchChangesOnlyWhatItNames");
    assertThat(outcomes.values()).allSatisfy(o -> assertThat(o.passed()).as(o.displayName() + ": " + o.failure())
        .isTrue());
  }

  /**
   * A resource under a path parameter nothing gives a value for is unknown: no rule is tested on it, and the report
   * says why.
   */
  @Test
  void aResourceNothingNamesGetsNoSemanticsTestsAndTheReportSaysWhy() {
    var summary = generated.plan().operations().stream()
        .filter(operation -> "putShopProfile".equals(operation.operationId())).findFirst().orElseThrow();

    assertThat(summary.tests()).doesNotContainKey("semantics");
    assertThat(summary.notGenerated().get("semantics"))
        .isEqualTo("no fixture or producer for path parameter 'shopId': the resource is unknown");
  }

  static Stream<Arguments> faults() {
    return Stream.of(
        Arguments.of(Fault.LOCATION_TO_NOWHERE, Set.of("createBook_createdIsReadable"), "GET"),
        Arguments.of(Fault.DELETE_DOES_NOT_DELETE, Set.of("deleteBook_deletedIsGone", "deleteSettings_deletedIsGone"),
            "but was <200>"),
        Arguments.of(Fault.PUT_MERGES, Set.of("replaceBook_putReplaces", "putSettings_putReplaces"),
            "the PUT merged instead of replacing"),
        Arguments.of(Fault.PUT_ACCUMULATES, Set.of("replaceBook_putIsIdempotent", "putSettings_putIsIdempotent"),
            "after the same PUT again"),
        Arguments.of(Fault.REJECTED_WRITE_APPLIES, Set.of("replaceBook_rejectedPutChangesNothing",
            "putSettings_rejectedPutChangesNothing"), "after the rejected write"),
        Arguments.of(Fault.PATCH_REPLACES_ALL, Set.of("patchBook_patchChangesOnlyWhatItNames",
            "patchSettings_patchChangesOnlyWhatItNames"), "missing"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void eachFaultFailsExactlyTheTestsGuardingItsRule(Fault fault, Set<String> failing, String message) {
    Map<String, Outcome> failed = new TreeMap<>();
    run(fault).forEach((name, outcome) -> {
      if (!outcome.passed()) {
        failed.put(name, outcome);
      }
    });

    assertThat(failed).containsOnlyKeys(failing);
    assertThat(failed.values()).allSatisfy(o -> assertThat(o.failed()).as(o.failure()).isTrue());
    assertThat(failed.values()).allSatisfy(o -> assertThat(o.failure()).contains(message));
  }

  @Test
  void anUndocumentedStatusStillHasItsBodyJudgedAndTheFailureListsBoth() {
    fake.fault(Fault.UNDOCUMENTED_STATUS_INVALID_BODY);
    Map<String, Outcome> outcomes = suite.run(Map.of("codex.baseUri", "http://127.0.0.1:" + fake.port()), "valid");

    assertThat(outcomes.get("createBook_valid").failure())
        .contains("status 200 is not documented (documented: 201, 400)")
        .contains("/title: integer found, string expected");
    assertThat(outcomes.get("putSettings_valid").failure())
        .contains("status 202 is not documented (documented: 200, 400)")
        .contains("/currency: integer found, string expected");
    assertThat(outcomes.get("getSettings_valid").passed()).isTrue();
  }
}
