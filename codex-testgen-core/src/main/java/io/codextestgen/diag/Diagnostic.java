package io.codextestgen.diag;

import java.util.Objects;

/**
 * One finding about the input: where it is (file and location such as {@code paths./pets.post.requestBody}),
 * how bad it is, and what is wrong.
 */
public record Diagnostic(Severity severity, String file, String location, String message) {

  /** How a diagnostic affects generation. */
  public enum Severity {
    /** Generation goes on; the finding is reported. */
    WARNING,
    /** Generation stops; nothing is written. */
    ERROR
  }

  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    file = file == null ? "" : file;
    location = location == null ? "" : location;
  }

  public static Diagnostic error(String file, String location, String message) {
    return new Diagnostic(Severity.ERROR, file, location, message);
  }

  public static Diagnostic warning(String file, String location, String message) {
    return new Diagnostic(Severity.WARNING, file, location, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code file: location: message}, the form editors and CI logs link to. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(severity.name().toLowerCase(java.util.Locale.ROOT)).append(": ");
    if (!file.isEmpty()) {
      text.append(file).append(": ");
    }
    if (!location.isEmpty()) {
      text.append(location).append(": ");
    }
    return text.append(message).toString();
  }
}
