package io.codextestgen.emit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codextestgen.diag.GenerationException;
import io.codextestgen.render.RenderedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceWriterTest {

  private static final String GENERATED = "@Generated(\n        value = \"io.codextestgen\",\n)\nclass A {}\n";

  @TempDir Path out;

  @Test
  void writesOnlyWhatChanged() {
    SourceWriter writer = new SourceWriter(out);
    List<RenderedFile> files = List.of(new RenderedFile("p/A.java", GENERATED));

    assertThat(writer.write(files).written()).containsExactly("p/A.java");
    assertThat(writer.write(files).unchanged()).containsExactly("p/A.java");
  }

  @Test
  void aFileWithoutTheMarkerBelongsToAPersonAndIsLeftAlone() throws IOException {
    Files.createDirectories(out.resolve("p"));
    Files.writeString(out.resolve("p/A.java"), "class A { /* mine */ }\n");

    WriteReport report = new SourceWriter(out).write(List.of(new RenderedFile("p/A.java", GENERATED)));

    assertThat(Files.readString(out.resolve("p/A.java"))).contains("mine");
    assertThat(report.written()).isEmpty();
    assertThat(report.warnings()).singleElement().satisfies(w -> assertThat(w.message()).contains("not overwritten"));
  }

  @Test
  void aGeneratedFileIsReplaced() throws IOException {
    Files.createDirectories(out.resolve("p"));
    Files.writeString(out.resolve("p/A.java"), GENERATED.replace("{}", "{ int old; }"));

    new SourceWriter(out).write(List.of(new RenderedFile("p/A.java", GENERATED)));

    assertThat(Files.readString(out.resolve("p/A.java"))).isEqualTo(GENERATED);
    try (var leftovers = Files.list(out.resolve("p"))) {
      assertThat(leftovers).as("no temporary files left").hasSize(1);
    }
  }

  @Test
  void nothingIsWrittenOutsideTheOutputDirectory() {
    assertThatThrownBy(() -> new SourceWriter(out).write(List.of(
        new RenderedFile("ok/A.java", GENERATED), new RenderedFile("../escape/B.java", GENERATED))))
        .isInstanceOf(GenerationException.class).hasMessageContaining("outside the output directory");
    assertThat(out.resolve("ok/A.java")).doesNotExist();
    assertThat(out.resolveSibling("escape")).doesNotExist();
  }
}
