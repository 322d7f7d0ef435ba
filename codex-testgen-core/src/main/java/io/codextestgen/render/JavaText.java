package io.codextestgen.render;

/**
 * Escapes spec text for the two places JavaPoet does not escape: comments and text blocks. javac decodes
 * unicode escapes everywhere, even in comments, so a backslash-u from a spec must never reach the source as is.
 */
final class JavaText {

  private JavaText() {}

  /** Safe inside a Javadoc or block comment: no comment end, no unicode escape, no JavaPoet '$' placeholders. */
  static String comment(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        out.append("&#92;");
      } else if (c == '*' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
        out.append("*&#47;");
        i++;
      } else if (c == '@' && (i == 0 || text.charAt(i - 1) == '\n')) {
        out.append("&#64;");
      } else if (c < 0x20 && c != '\n') {
        out.append(' ');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * A Java text block holding {@code text}, with the closing delimiter on its own line. Backslashes, quote runs
   * and control characters are escaped; lines keep their leading spaces.
   */
  static String textBlock(String text) {
    StringBuilder out = new StringBuilder("\"\"\"\n");
    int quotes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quotes++;
        out.append(quotes % 3 == 0 ? "\\\"" : "\"");
        continue;
      }
      quotes = 0;
      if (c == '\\') {
        out.append("\\\\");
      } else if (c == '\n') {
        out.append('\n');
      } else if (c == ' ' && (i + 1 == text.length() || text.charAt(i + 1) == '\n')) {
        out.append("\\s"); // trailing spaces would be stripped from a text block line
      } else if (c < 0x20 || c == 0x7f) {
        out.append(String.format(java.util.Locale.ROOT, "\\%03o", (int) c));
      } else if (c == 0x85 || c == 0x2028 || c == 0x2029) {
        throw new IllegalArgumentException("a text block cannot hold line-breaking character " + (int) c);
      } else {
        out.append(c);
      }
    }
    if (!text.endsWith("\n")) {
      out.append("\\\n"); // backslash-newline: the text has no line end of its own after the last line
    }
    return out.append("\"\"\"").toString();
  }

  /**
   * A string literal for any text. JavaPoet breaks lines at U+0085, U+2028 and U+2029 even inside a literal, so
   * those characters are spelled {@code (char) 0x2028} between literal parts (no unicode escape reaches the source).
   */
  static com.palantir.javapoet.CodeBlock literal(String text) {
    if (text.chars().noneMatch(JavaText::breaksLines)) {
      return com.palantir.javapoet.CodeBlock.of("$S", text);
    }
    com.palantir.javapoet.CodeBlock.Builder code = com.palantir.javapoet.CodeBlock.builder();
    StringBuilder part = new StringBuilder();
    String separator = "";
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (breaksLines(c)) {
        code.add("$L$S + (char) 0x$L", separator, part.toString(), Integer.toHexString(c));
        separator = " + ";
        part.setLength(0);
      } else {
        part.append(c);
      }
    }
    return code.add("$L$S", separator, part.toString()).build();
  }

  private static boolean breaksLines(int c) {
    return c == 0x85 || c == 0x2028 || c == 0x2029;
  }

  /** Display names: the line-breaking characters above become spaces. */
  static String display(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.chars().forEach(c -> out.append(breaksLines(c) ? ' ' : (char) c));
    return out.toString();
  }
}
