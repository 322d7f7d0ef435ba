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
 * Flow tests (create, read, replace, read back, delete, read; and mass assignment) against a stateful fake on
 * 127.0.0.1: they pass when it behaves, and fail when it forgets to delete, reads back other data, or takes a
 * readOnly property from the client.
 */
class FlowTest {

  private static final Path SPEC = Path.of("src/test/resources/flows/library.yaml");

  static StatefulFake fake;
  static GeneratedSuite suite;

  @BeforeAll
  static void start(@TempDir Path work) throws IOException {
    fake = new StatefulFake("/books", List.of("id", "createdAt"), List.of("note"));
    GeneratorConfig config = GeneratorConfig.builder(SPEC, work.resolve("unused"))
        .basePackage("flows.library")
        .specPathInTests(SPEC.toString())
        .build();
    suite = GeneratedSuite.compile(CodexTestgen.render(config).files(), work);
  }

  @AfterAll
  static void stop() throws IOException {
    fake.close();
    suite.close();
  }

  private static Map<String, Outcome> run(Fault fault) {
    fake.fault(fault);
    return suite.run(Map.of("codex.baseUri", "http://127.0.0.1:" + fake.port()), "flow");
  }

  @Test
  void flowsPassAgainstAServerThatKeepsItsData() {
    Map<String, Outcome> outcomes = run(Fault.NONE);

    assertThat(outcomes).containsOnlyKeys("createBook_flow", "createBook_readOnlyCreatedAt_notTaken");
    assertThat(outcomes.values()).allSatisfy(o -> assertThat(o.passed()).as(o.failure()).isTrue());
  }

  static Stream<Arguments> faults() {
    return Stream.of(
        Arguments.of(Fault.DELETE_DOES_NOT_DELETE, "createBook_flow", "Expected status code <404> but was <200>"),
        Arguments.of(Fault.READ_BACK_RETURNS_OTHER_DATA, "createBook_flow", "'title' was sent as"),
        Arguments.of(Fault.READ_ONLY_TAKEN_FROM_REQUEST, "createBook_readOnlyCreatedAt_notTaken",
            "readOnly 'createdAt' took the client's value"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void eachFaultFailsTheFlowTestGuardingIt(Fault fault, String failing, String message) {
    Map<String, Outcome> failed = new TreeMap<>();
    run(fault).forEach((name, outcome) -> {
      if (!outcome.passed()) {
        failed.put(name, outcome);
      }
    });

    assertThat(failed).containsOnlyKeys(failing);
    assertThat(failed.get(failing).failure()).contains(message);
  }
}
