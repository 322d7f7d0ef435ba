package io.codextestgen.emit;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import io.codextestgen.render.RenderedFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Compares rendered files with the output directory without writing anything. */
public final class DriftChecker {

  private static final int CONTEXT_LINES = 3;

  private final OutputDirectory output;

  public DriftChecker(Path outputDirectory) {
    this.output = new OutputDirectory(outputDirectory);
  }

  public DriftReport check(List<RenderedFile> files) {
    List<String> added = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    List<String> humanOwned = new ArrayList<>();
    StringBuilder diff = new StringBuilder();
    for (RenderedFile file : files) {
      Optional<String> existing = output.read(file.relativePath());
      if (existing.isEmpty()) {
        added.add(file.relativePath());
        diff.append(unified(file.relativePath(), "", file.content()));
      } else if (!SourceWriter.isGenerated(existing.get())) {
        humanOwned.add(file.relativePath());
      } else if (!existing.get().equals(file.content())) {
        changed.add(file.relativePath());
        diff.append(unified(file.relativePath(), existing.get(), file.content()));
      }
    }
    List<String> stale = new ArrayList<>(output.staleGenerated(files));
    for (String path : stale) {
      diff.append(unified(path, output.read(path).orElse(""), ""));
    }
    return new DriftReport(added, changed, stale, humanOwned, diff.toString());
  }

  private static String unified(String path, String before, String after) {
    List<String> old = before.isEmpty() ? List.of() : before.lines().toList();
    List<String> now = after.isEmpty() ? List.of() : after.lines().toList();
    List<String> lines = UnifiedDiffUtils.generateUnifiedDiff(before.isEmpty() ? "/dev/null" : "a/" + path,
        after.isEmpty() ? "/dev/null" : "b/" + path, old, DiffUtils.diff(old, now), CONTEXT_LINES);
    return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
  }
}
