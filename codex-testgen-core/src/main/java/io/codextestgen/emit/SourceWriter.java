package io.codextestgen.emit;

import io.codextestgen.diag.Diagnostic;
import io.codextestgen.diag.GenerationException;
import io.codextestgen.render.RenderedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes rendered files under the output directory: UTF-8, only when the content changed, each through a
 * temporary file moved into place, and never over a file that codex-testgen did not generate.
 */
public final class SourceWriter {

  /** Present in every generated file; a file without it belongs to a human. */
  private static final java.util.regex.Pattern MARKER =
      java.util.regex.Pattern.compile("@Generated\\(\\s*value\\s*=\\s*\"io\\.codextestgen\"");

  private final Path outputDirectory;

  public SourceWriter(Path outputDirectory) {
    this.outputDirectory = outputDirectory.toAbsolutePath().normalize();
  }

  /** Writes every file; returns what happened to each. */
  public WriteReport write(List<RenderedFile> files) {
    List<Path> targets = new ArrayList<>();
    for (RenderedFile file : files) {
      targets.add(target(file));
    }
    List<String> written = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    List<Diagnostic> warnings = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      RenderedFile file = files.get(i);
      Path target = targets.get(i);
      byte[] content = file.content().getBytes(StandardCharsets.UTF_8);
      try {
        if (Files.exists(target)) {
          byte[] existing = Files.readAllBytes(target);
          if (Arrays.equals(existing, content)) {
            unchanged.add(file.relativePath());
            continue;
          }
          if (!isGenerated(new String(existing, StandardCharsets.UTF_8))) {
            warnings.add(Diagnostic.warning(file.relativePath(), "", "not overwritten: this file has no codex-testgen"
                + " marker, so it belongs to a person. Move it away to let the generator write it again"));
            continue;
          }
        }
        writeAtomically(target, content);
        written.add(file.relativePath());
      } catch (IOException e) {
        throw new GenerationException(Diagnostic.error(file.relativePath(), "", "cannot write under "
            + outputDirectory + ": " + e.getMessage()));
      }
    }
    return new WriteReport(written, unchanged, warnings);
  }

  static boolean isGenerated(String content) {
    return MARKER.matcher(content).find();
  }

  private Path target(RenderedFile file) {
    Path target = outputDirectory.resolve(file.relativePath()).normalize();
    if (!target.startsWith(outputDirectory) || target.equals(outputDirectory)) {
      throw new GenerationException(Diagnostic.error(file.relativePath(), "",
          "refusing to write outside the output directory " + outputDirectory));
    }
    return target;
  }

  private static void writeAtomically(Path target, byte[] content) throws IOException {
    Files.createDirectories(target.getParent());
    Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    try {
      Files.write(temp, content);
      try {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
