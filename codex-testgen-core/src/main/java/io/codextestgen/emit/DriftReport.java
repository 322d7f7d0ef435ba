package io.codextestgen.emit;

import java.util.List;

/**
 * How the files on disk differ from what the spec and config generate now: files to add, generated files whose
 * content changed, stale generated files, and (not drift) files a person owns. {@code diff} is a unified diff of
 * all of it, as {@code git diff} would print it.
 */
public record DriftReport(
    List<String> added,
    List<String> changed,
    List<String> stale,
    List<String> humanOwned,
    String diff) {

  public DriftReport {
    added = List.copyOf(added);
    changed = List.copyOf(changed);
    stale = List.copyOf(stale);
    humanOwned = List.copyOf(humanOwned);
  }

  /** The most lines of diff {@link #message} shows; the rest is in the diff file. */
  public static final int MAX_DIFF_LINES = 60;

  /** The most files of each kind {@link #message} names. */
  public static final int MAX_FILES_LISTED = 10;

  /**
   * What a build tool prints when the check fails, the same for every front end (as Spotless does): which files
   * would be added, changed or deleted (at most {@value #MAX_FILES_LISTED} of each), the first
   * {@value #MAX_DIFF_LINES} lines of the diff, where the whole diff is ({@code diffFile}, or null when it was
   * not written), and the command that updates the files.
   */
  public String message(String specName, String output, String diffFile, String regenerateCommand) {
    StringBuilder text = new StringBuilder("The generated tests in ").append(output).append(" differ from what ")
        .append(specName).append(" generates now:\n");
    list(text, "added:  ", added);
    list(text, "changed:", changed);
    list(text, "stale:  ", stale);
    List<String> lines = diff.lines().toList();
    lines.stream().limit(MAX_DIFF_LINES).forEach(line -> text.append("    ").append(line).append('\n'));
    if (lines.size() > MAX_DIFF_LINES) {
      text.append("    ... ").append(lines.size() - MAX_DIFF_LINES).append(" more lines of diff")
          .append(diffFile == null ? "" : " in " + diffFile).append('\n');
    } else if (diffFile != null) {
      text.append("  the diff is also in ").append(diffFile).append('\n');
    }
    return text.append("To update them, run this, then review and commit the changes:\n  ").append(regenerateCommand)
        .toString();
  }

  private static void list(StringBuilder text, String label, List<String> paths) {
    paths.stream().limit(MAX_FILES_LISTED).forEach(path -> text.append("  ").append(label).append(' ')
        .append(path).append('\n'));
    if (paths.size() > MAX_FILES_LISTED) {
      text.append("  ").append(label).append(" ... and ").append(paths.size() - MAX_FILES_LISTED)
          .append(" more files\n");
    }
  }

  /** Writes the whole diff to {@code file} (a build's report, not a source: the check changes no source). */
  public void writeDiff(java.nio.file.Path file) {
    try {
      java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
      java.nio.file.Files.writeString(file, diff, java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new io.codextestgen.diag.GenerationException(io.codextestgen.diag.Diagnostic.error(
          String.valueOf(file.getFileName()), "", "cannot write the drift check's diff: " + e.getMessage()));
    }
  }

  /** True when generating now would change no file. */
  public boolean upToDate() {
    return added.isEmpty() && changed.isEmpty() && stale.isEmpty();
  }
}
