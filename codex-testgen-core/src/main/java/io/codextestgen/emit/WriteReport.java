package io.codextestgen.emit;

import io.codextestgen.diag.Diagnostic;
import java.util.List;

/**
 * What a write did, by path relative to the output directory: files written, already up to date, deleted (generated
 * files of operations that left the spec) and left alone because a person owns them.
 */
public record WriteReport(
    List<String> written,
    List<String> unchanged,
    List<String> deleted,
    List<String> humanOwned,
    List<Diagnostic> warnings) {

  public WriteReport {
    written = List.copyOf(written);
    unchanged = List.copyOf(unchanged);
    deleted = List.copyOf(deleted);
    humanOwned = List.copyOf(humanOwned);
    warnings = List.copyOf(warnings);
  }
}
