package io.codextestgen.emit;

import io.codextestgen.diag.Diagnostic;
import java.util.List;

/** What a write did: files written, files already up to date, and files left alone (with why). */
public record WriteReport(List<String> written, List<String> unchanged, List<Diagnostic> warnings) {

  public WriteReport {
    written = List.copyOf(written);
    unchanged = List.copyOf(unchanged);
    warnings = List.copyOf(warnings);
  }
}
