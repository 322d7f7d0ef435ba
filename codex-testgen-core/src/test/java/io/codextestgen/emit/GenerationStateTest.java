package io.codextestgen.emit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerationStateTest {

  @TempDir Path classes;

  /** A reactor build runs the generator from target/classes: a class recompiled there must count as a new one. */
  @Test
  void aRecompiledClassInAClassesDirectoryChangesTheGeneratorFingerprint() throws IOException {
    Path nested = Files.createDirectories(classes.resolve("io/codextestgen/plan"));
    Path planner = Files.writeString(nested.resolve("TestPlanner.class"), "old bytes");
    Files.setLastModifiedTime(planner, FileTime.fromMillis(1_000_000));
    FileTime directoryTime = Files.getLastModifiedTime(nested);
    String before = GenerationState.fingerprint(classes);

    Files.writeString(planner, "new bytes!");
    Files.setLastModifiedTime(planner, FileTime.fromMillis(2_000_000));
    Files.setLastModifiedTime(nested, directoryTime);

    assertThat(GenerationState.fingerprint(classes)).isNotEqualTo(before);
  }
}
