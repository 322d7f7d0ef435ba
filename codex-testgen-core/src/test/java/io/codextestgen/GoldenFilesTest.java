package io.codextestgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.codextestgen.config.GeneratorConfig;
import io.codextestgen.render.RenderedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated sources compared whole with {@code src/test/resources/golden/<case>/expected}. Run with
 * {@code -Dcodex.updateGolden=true} to rewrite the expected files, then review their diff like any change.
 */
class GoldenFilesTest {

  static final Path GOLDEN = Path.of("src/test/resources/golden");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(GOLDEN)) {
      return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList().stream();
    }
  }

  static Path specOf(String name) throws IOException {
    try (Stream<Path> files = Files.list(GOLDEN.resolve(name))) {
      return files.filter(f -> f.getFileName().toString().matches("(openapi|swagger)\\.(ya?ml|json)"))
          .findFirst().orElseThrow(() -> new IllegalStateException("no openapi.yaml or swagger.json in " + name));
    }
  }

  static GeneratorConfig configFor(String name, Path output) throws IOException {
    return GeneratorConfig.builder(specOf(name), output)
        .basePackage("golden." + name.replaceAll("[^a-z0-9]", ""))
        .specPathInTests(specOf(name).toString())
        .build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void generatedSourcesMatchTheGoldenFiles(String name) throws IOException {
    List<RenderedFile> files = CodexTestgen.render(configFor(name, Path.of("target/unused"))).files();
    Path expectedDir = GOLDEN.resolve(name).resolve("expected");
    if (Boolean.getBoolean("codex.updateGolden")) {
      rewrite(expectedDir, files);
    }
    Set<String> expectedPaths = expectedFiles(expectedDir);
    Set<String> actualPaths = files.stream().map(RenderedFile::relativePath)
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(actualPaths)
        .as("generated files of %s (rewrite with -Dcodex.updateGolden=true)", name)
        .containsExactlyElementsOf(expectedPaths);
    for (RenderedFile file : files) {
      String expected = Files.readString(expectedDir.resolve(file.relativePath()), StandardCharsets.UTF_8);
      assertThat(file.content()).as("%s/%s (rewrite with -Dcodex.updateGolden=true)", name, file.relativePath())
          .isEqualTo(expected);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void generatedSourcesCompileWithoutWarnings(String name, @org.junit.jupiter.api.io.TempDir Path work)
      throws IOException {
    List<RenderedFile> files = CodexTestgen.render(configFor(name, work.resolve("unused"))).files();

    io.codextestgen.testing.GeneratedSuite.compile(files, work).close();
  }

  private static Set<String> expectedFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return Set.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString().replace('\\', '/'))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private static void rewrite(Path dir, List<RenderedFile> files) throws IOException {
    if (Files.isDirectory(dir)) {
      try (Stream<Path> old = Files.walk(dir)) {
        for (Path path : old.sorted((a, b) -> b.compareTo(a)).toList()) {
          Files.delete(path);
        }
      }
    }
    for (RenderedFile file : files) {
      Path target = dir.resolve(file.relativePath());
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.content(), StandardCharsets.UTF_8);
    }
  }
}
