package io.codextestgen.diag;

import java.util.List;
import java.util.stream.Collectors;

/** Generation stopped on bad input; the diagnostics say where and why. Nothing was written. */
public final class GenerationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<Diagnostic> diagnostics;

  public GenerationException(List<Diagnostic> diagnostics) {
    super(describe(diagnostics));
    this.diagnostics = List.copyOf(diagnostics);
  }

  public GenerationException(Diagnostic diagnostic) {
    this(List.of(diagnostic));
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  private static String describe(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("\n"));
  }
}
