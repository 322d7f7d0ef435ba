package io.codextestgen.diag;

import java.util.Objects;

/**
 * One finding about the input: where it is (file and location such as {@code paths./pets.post.requestBody}),
 * how bad it is, and what is wrong; one line (control characters written as {@code \\uXXXX}).
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
    // one line each: a location (a JSON pointer) and a message hold the spec's text, which must not start a log line
    file = file == null ? "" : oneLine(file);
    location = location == null ? "" : oneLine(location);
    message = oneLine(message);
  }

  public static Diagnostic error(String file, String location, String message) {
    return new Diagnostic(Severity.ERROR, file, location, message);
  }

  public static Diagnostic warning(String file, String location, String message) {
    return new Diagnostic(Severity.WARNING, file, location, message);
  }

  /** Longest spec text a message quotes whole. */
  private static final int MAX_QUOTED = 200;

  /**
   * Spec text as a message quotes it: in single quotes, on one line (control characters and line separators as
   * {@code \\uXXXX}, so a spec cannot start a log line of its own), cut after 200 characters.
   */
  public static String quote(String specText) {
    if (specText == null) {
      return "null";
    }
    String shown = oneLine(specText.length() > MAX_QUOTED ? specText.substring(0, MAX_QUOTED) : specText);
    return "'" + shown + (specText.length() > MAX_QUOTED ? "...(" + specText.length() + " characters)" : "") + "'";
  }

  /** {@code text} on one line: control characters and line separators as {@code \\uXXXX}. */
  public static String oneLine(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean escape = Character.isISOControl(c) || c == 0x2028 || c == 0x2029;
      if (escape && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (escape) {
        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
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
