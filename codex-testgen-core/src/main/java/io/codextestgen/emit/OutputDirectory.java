package io.codextestgen.emit;

import io.codextestgen.diag.Diagnostic;
import io.codextestgen.diag.GenerationException;
import io.codextestgen.render.RenderedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The output directory as codex-testgen sees it: where a rendered file goes (never outside), what is there now, and
 * which files carry the generator's marker. Files without the marker belong to a person.
 */
final class OutputDirectory {

  /** Present in every generated file (JavaPoet may wrap the annotation's members). */
  private static final Pattern MARKER = Pattern.compile("@Generated\\(\\s*value\\s*=\\s*\"io\\.codextestgen\"");

  private final Path root;

  OutputDirectory(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  Path root() {
    return root;
  }

  static boolean isGenerated(String content) {
    return MARKER.matcher(content).find();
  }

  /** The file's place under the root; anything that would land outside is refused before a byte is written. */
  Path target(String relativePath) {
    Path target = root.resolve(relativePath).normalize();
    if (!target.startsWith(root) || target.equals(root)) {
      throw new GenerationException(Diagnostic.error(relativePath, "",
          "refusing to write outside the output directory " + root));
    }
    return target;
  }

  Optional<String> read(String relativePath) {
    Path file = target(relativePath);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Generated files in the packages the rendered files live in that are no longer rendered: operations that left the
   * spec. Other packages belong to other generator runs and are not looked at.
   */
  Set<String> staleGenerated(List<RenderedFile> rendered) {
    Set<String> renderedPaths = new TreeSet<>();
    Set<Path> packages = new TreeSet<>();
    for (RenderedFile file : rendered) {
      renderedPaths.add(file.relativePath());
      packages.add(target(file.relativePath()).getParent());
    }
    Set<String> stale = new TreeSet<>();
    for (Path dir : packages) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".java") && Files.isRegularFile(f))
            .toList()) {
          String relative = root.relativize(file).toString().replace('\\', '/');
          if (!renderedPaths.contains(relative) && isGenerated(Files.readString(file, StandardCharsets.UTF_8))) {
            stale.add(relative);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return stale;
  }
}
