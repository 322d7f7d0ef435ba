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

  /** True when generating now would change no file. */
  public boolean upToDate() {
    return added.isEmpty() && changed.isEmpty() && stale.isEmpty();
  }
}
