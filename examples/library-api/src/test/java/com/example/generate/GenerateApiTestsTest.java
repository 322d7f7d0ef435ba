package com.example.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateApiTestsTest {

  private static final Path SPEC = Path.of("../bookshop-service/src/main/resources/openapi.yaml");

  @Test
  void generatesChecksAndReportsWithoutMaven(@TempDir Path dir) throws IOException {
    Path output = dir.resolve("tests");

    assertThat(GenerateApiTests.run(SPEC, output, false)).isZero();
    assertThat(output.resolve("com/example/generated/BooksApiIT.java")).exists();
    assertThat(Files.readString(output.resolve("com/example/generated/BooksApiIT.java")))
        .contains("@Tag(\"malformed\")").doesNotContain("rate-limit");
    assertThat(dir.resolve("codex-testgen-report/report.md")).exists();
    assertThat(GenerateApiTests.run(SPEC, output, true)).as("up to date").isZero();

    Files.writeString(output.resolve("com/example/generated/BooksApiIT.java"), "\n// edited",
        java.nio.file.StandardOpenOption.APPEND);
    assertThat(GenerateApiTests.run(SPEC, output, true)).as("drift").isEqualTo(1);
    assertThat(GenerateApiTests.run(dir.resolve("missing.yaml"), output, false)).as("bad input").isEqualTo(2);
  }
}
