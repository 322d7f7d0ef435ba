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
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes rendered files under the output directory: UTF-8, only when the content changed, each through a
 * temporary file moved into place, never over a file without codex-testgen's marker; then deletes the generated
 * files of operations that left the spec (only those with the marker).
 */
public final class SourceWriter {

  private final OutputDirectory output;

  public SourceWriter(Path outputDirectory) {
    this.output = new OutputDirectory(outputDirectory);
  }

  /** Present in every generated file; a file without it belongs to a person. */
  public static boolean isGenerated(String content) {
    return OutputDirectory.isGenerated(content);
  }

  /** Writes every file and removes stale generated ones; returns what happened to each. */
  public WriteReport write(List<RenderedFile> files) {
    return write(files, Map.of());
  }

  /**
   * Writes every file and removes stale generated ones, and writes {@code besides} (files outside the output
   * directory that belong to the same generation, such as the LLM lock file) in the same two phases: all or none.
   */
  public WriteReport write(List<RenderedFile> files, Map<Path, String> besides) {
    for (RenderedFile file : files) {
      output.target(file.relativePath()); // every path checked before anything is written
    }
    List<String> written = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    List<String> humanOwned = new ArrayList<>();
    List<Diagnostic> warnings = new ArrayList<>();
    List<RenderedFile> toWrite = new ArrayList<>();
    for (RenderedFile file : files) {
      Optional<String> existing = output.read(file.relativePath());
      if (existing.isPresent() && existing.get().equals(file.content())) {
        unchanged.add(file.relativePath());
      } else if (existing.isPresent() && !isGenerated(existing.get())) {
        humanOwned.add(file.relativePath());
        warnings.add(Diagnostic.warning(file.relativePath(), "", "not overwritten: this file has no codex-testgen"
            + " marker, so it belongs to a person. Move it away to let the generator write it again"));
      } else {
        toWrite.add(file);
      }
    }
    // Two phases: every new content goes to a temporary file first; only when all are written do they replace
    // the old files, so a failure (a full disk) leaves the previous files as they were.
    Map<Path, Path> staged = new LinkedHashMap<>();
    try {
      for (RenderedFile file : toWrite) {
        Path target = output.target(file.relativePath());
        staged.put(stage(target, file.content()), target);
      }
      for (Map.Entry<Path, String> beside : new java.util.TreeMap<>(besides).entrySet()) {
        Path target = beside.getKey().toAbsolutePath().normalize();
        if (!Optional.of(beside.getValue()).equals(readIfPresent(target))) {
          staged.put(stage(target, beside.getValue()), target);
        }
      }
      for (Map.Entry<Path, Path> move : staged.entrySet()) {
        moveIntoPlace(move.getKey(), move.getValue());
      }
    } finally {
      staged.keySet().forEach(SourceWriter::deleteQuietly);
    }
    toWrite.forEach(file -> written.add(file.relativePath()));
    List<String> deleted = new ArrayList<>();
    for (String stale : output.staleGenerated(files)) {
      try {
        Files.deleteIfExists(output.target(stale));
        deleted.add(stale);
      } catch (IOException e) {
        throw new GenerationException(Diagnostic.error(stale, "", "cannot delete stale file: " + e.getMessage()));
      }
    }
    return new WriteReport(written, unchanged, deleted, humanOwned, warnings);
  }

  private static Optional<String> readIfPresent(Path file) {
    try {
      return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty(); // unreadable: written anew
    }
  }

  private Path stage(Path target, String content) {
    try {
      Files.createDirectories(target.getParent());
      // Not Files.createTempFile: its owner-only permissions would carry over to the committed source.
      Path temp = target.resolveSibling("." + target.getFileName() + "." + java.util.UUID.randomUUID() + ".tmp");
      Files.writeString(temp, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
      return temp;
    } catch (IOException e) {
      throw new GenerationException(Diagnostic.error(shown(target), "",
          "cannot write under " + target.getParent() + " (no file was changed): " + e.getMessage()));
    }
  }

  /** Relative to the output directory when under it, else the file's name. */
  private String shown(Path target) {
    return target.startsWith(output.root()) ? output.root().relativize(target).toString()
        : String.valueOf(target.getFileName());
  }

  private void moveIntoPlace(Path temp, Path target) {
    try {
      try {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new GenerationException(Diagnostic.error(shown(target), "",
          "cannot replace the file: " + e.getMessage()));
    }
  }

  private static void deleteQuietly(Path temp) {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      // a leftover temporary file is harmless: it starts with a dot and ends in .tmp
    }
  }
}
