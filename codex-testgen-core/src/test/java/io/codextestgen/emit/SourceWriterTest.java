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
  void writtenFilesGetTheUsualPermissionsNotThoseOfATemporaryFile() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(out.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path plain = Files.writeString(out.resolve("plain.txt"), "made the usual way");

    new SourceWriter(out).write(List.of(new RenderedFile("p/A.java", GENERATED)));

    assertThat(Files.getPosixFilePermissions(out.resolve("p/A.java")))
        .isEqualTo(Files.getPosixFilePermissions(plain));
    try (var left = Files.list(out.resolve("p"))) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("A.java");
    }
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

  @Test
  void generatedFilesOfOperationsThatLeftTheSpecAreDeletedButNotAPersonsFiles() throws IOException {
    Files.createDirectories(out.resolve("p"));
    Files.writeString(out.resolve("p/Old.java"), GENERATED.replace("class A", "class Old"));
    Files.writeString(out.resolve("p/Mine.java"), "class Mine {}\n");
    Files.createDirectories(out.resolve("other"));
    Files.writeString(out.resolve("other/Elsewhere.java"), GENERATED.replace("class A", "class Elsewhere"));

    WriteReport report = new SourceWriter(out).write(List.of(new RenderedFile("p/A.java", GENERATED)));

    assertThat(report.deleted()).containsExactly("p/Old.java");
    assertThat(out.resolve("p/Old.java")).doesNotExist();
    assertThat(out.resolve("p/Mine.java")).exists();
    assertThat(out.resolve("other/Elsewhere.java")).as("another package: another generator run").exists();
  }

  @Test
  void driftListsAddedChangedAndStaleFilesWithAUnifiedDiff() throws IOException {
    Files.createDirectories(out.resolve("p"));
    Files.writeString(out.resolve("p/A.java"), GENERATED.replace("{}", "{ int old; }"));
    Files.writeString(out.resolve("p/Gone.java"), GENERATED.replace("class A", "class Gone"));
    Files.writeString(out.resolve("p/Mine.java"), "class Mine {}\n");

    DriftReport drift = new DriftChecker(out).check(List.of(
        new RenderedFile("p/A.java", GENERATED), new RenderedFile("p/New.java", GENERATED.replace("A", "New")),
        new RenderedFile("p/Mine.java", GENERATED.replace("A", "Mine"))));

    assertThat(drift.upToDate()).isFalse();
    assertThat(drift.added()).containsExactly("p/New.java");
    assertThat(drift.changed()).containsExactly("p/A.java");
    assertThat(drift.stale()).containsExactly("p/Gone.java");
    assertThat(drift.humanOwned()).containsExactly("p/Mine.java");
    assertThat(drift.diff()).contains("--- a/p/A.java\n+++ b/p/A.java\n").contains("-class A { int old; }\n+class A {}")
        .contains("--- /dev/null\n+++ b/p/New.java").contains("--- a/p/Gone.java\n+++ /dev/null");
    assertThat(out.resolve("p/New.java")).as("a check writes nothing").doesNotExist();
  }

  @Test
  void noDriftAfterGenerating() {
    List<RenderedFile> files = List.of(new RenderedFile("p/A.java", GENERATED));
    new SourceWriter(out).write(files);

    assertThat(new DriftChecker(out).check(files).upToDate()).isTrue();
  }
}
