package io.codextestgen.render;

import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way spec text reaches generated Java, a function per kind of position: {@link #quoted} and
 * {@link #literal} for string literals (never JavaPoet's {@code $S}, which writes U+2028 and U+2029 raw, and JavaPoet
 * breaks lines there), {@link #textBlock} for text blocks, {@link #comment} for Javadoc and comments, {@link #display}
 * for display names; identifiers come from {@code plan.Names}. javac decodes unicode escapes everywhere, even in
 * comments, so a backslash-u from a spec never reaches the source as is. {@code HostileSpecsTest} puts hostile
 * text in every position the generator reads and compiles what comes out.
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
      } else if (c < 0x20 && c != '\n' || breaksLines(c)) {
        out.append(' '); // a control character, or one JavaPoet would take for a line end
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Longest run of characters in one literal or text block: 3 bytes a char in the class file's modified UTF-8
   * keeps it below javac's 65,535-byte limit for a constant.
   */
  static final int MAX_PART = 16_000;

  /**
   * Most lines in one literal, and most pieces joined with {@code +}: JavaPoet writes a literal's lines joined
   * with {@code +}, and javac recurses once per {@code +}, so thousands of them overflow its stack.
   */
  private static final int MAX_LINES = 40;

  /** Long runs of one character (a string just over maxLength) read better as {@code "x".repeat(501)}. */
  private static final Pattern RUN = Pattern.compile("(.)\\1{19,}", Pattern.DOTALL);

  /**
   * A Java text block holding {@code text}, with the closing delimiter on its own line. Backslashes, quote runs
   * and control characters are escaped; lines keep their leading spaces. Text longer than one constant may be
   * becomes several text blocks joined at run time.
   */
  static CodeBlock textBlock(String text) {
    if (text.length() <= MAX_PART) {
      return CodeBlock.of("$L", oneTextBlock(text));
    }
    List<CodeBlock> parts = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int end = Math.min(text.length(), start + MAX_PART);
      int lineEnd = text.lastIndexOf('\n', end - 1);
      if (end < text.length() && lineEnd >= start) {
        end = lineEnd + 1; // cut after a line end where there is one, so each block reads as whole lines
      }
      parts.add(CodeBlock.of("$L", oneTextBlock(text.substring(start, end))));
      start = end;
    }
    return joinAtRunTime(parts);
  }

  private static String oneTextBlock(String text) {
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
        out.append(afterLoneHighSurrogate(text, i) ? "\\134" : "\\\\");
      } else if (c == '\n') {
        out.append('\n');
      } else if (c == ' ' && (i + 1 == text.length() || text.charAt(i + 1) == '\n')) {
        out.append("\\s"); // trailing spaces would be stripped from a text block line
      } else if (c < 0x20 || c == 0x7f) {
        out.append(octal(c));
      } else if (breaksLines(c)) {
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
   * A string expression for any text, null included. Short text is one literal as JavaPoet writes it. JavaPoet
   * breaks lines at U+0085, U+2028 and U+2029 even inside a literal, so those characters are spelled
   * {@code (char) 0x2028} between literal parts (no unicode escape reaches the source); long runs of one
   * character become {@code repeat}; text longer than a constant may be is cut into parts joined at run time.
   */
  static CodeBlock literal(String text) {
    if (text == null) {
      return CodeBlock.of("null");
    }
    if (isPlain(text)) {
      return quotedBlock(text);
    }
    List<CodeBlock> parts = new ArrayList<>();
    Matcher run = RUN.matcher(text);
    int start = 0;
    while (run.find()) {
      addPlain(parts, text.substring(start, run.start()));
      parts.add(CodeBlock.of("$L.repeat($L)", quoted(run.group(1)), (run.end() - run.start()) / run.group(1).length()));
      start = run.end();
    }
    addPlain(parts, text.substring(start));
    if (parts.isEmpty()) {
      return quotedBlock("");
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    if (parts.size() <= MAX_LINES / 4 && text.length() <= MAX_PART
        && text.chars().filter(c -> c == '\n').count() < MAX_LINES) {
      // A (char) first would add as a number: start from a String.
      CodeBlock.Builder code = CodeBlock.builder();
      if (parts.get(0).toString().startsWith("(char)")) {
        code.add("\"\" + ");
      }
      return code.add(CodeBlock.join(parts, " + ")).build();
    }
    List<CodeBlock> strings = parts.stream().map(p -> p.toString().startsWith("(char)")
        ? CodeBlock.of("$T.valueOf($L)", String.class, p) : p).toList();
    return joinAtRunTime(strings);
  }

  /** {@link #literal} as source text when it is one plain literal (or null), else null. */
  /**
   * As {@link #plainLiteral}, for a literal that starts at {@code column}: when it would run past
   * {@link Layout#MAX_LINE}, cut after commas into literals joined with {@code +} on the following lines (a long
   * JSON array reads item by item). A text without such a place to cut stays whole.
   */
  static String plainLiteral(String text, int column) {
    String whole = plainLiteral(text);
    if (text == null || whole == null || text.indexOf('\n') >= 0 || column + whole.length() + 2 <= Layout.MAX_LINE) {
      return whole;
    }
    int width = Layout.MAX_LINE - column - INDENT.length() * 2 - "+ ".length() - 2;
    StringBuilder out = new StringBuilder();
    int start = 0;
    while (start < text.length()) {
      int end = text.length();
      while (quoted(text.substring(start, end)).length() > width) {
        int comma = text.lastIndexOf(',', end - 2);
        if (comma < start) {
          break; // no comma left to cut at: the rest stays whole
        }
        end = comma + 1;
      }
      if (start > 0) {
        out.append('\n').append(INDENT).append(INDENT).append("+ ");
      }
      out.append(quoted(text.substring(start, end)));
      start = end;
    }
    return out.toString();
  }

  static String plainLiteral(String text) {
    if (text == null) {
      return "null";
    }
    return isPlain(text) ? quoted(text) : null;
  }

  /**
   * One JavaPoet literal will do: short, few lines, no line-breaking character, no run of 20 (the common case,
   * checked in one pass: generated suites hold tens of thousands of literals).
   */
  private static boolean isPlain(String text) {
    if (text.length() > MAX_PART) {
      return false;
    }
    int lines = 0;
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      run = i > 0 && c == text.charAt(i - 1) ? run + 1 : 1;
      if (breaksLines(c) || run >= 20 || c == '\n' && ++lines >= MAX_LINES) {
        return false;
      }
    }
    return true;
  }

  /** {@link #literal} where an operand is needed, e.g. before {@code .getBytes()}: in parentheses if composed. */
  static CodeBlock operand(String text) {
    CodeBlock literal = literal(text);
    return literal.toString().startsWith("\"") && literal.toString().endsWith("\"")
        && !literal.toString().contains("\" + ") ? literal : CodeBlock.of("($L)", literal);
  }

  private static void addPlain(List<CodeBlock> parts, String text) {
    StringBuilder part = new StringBuilder();
    int lines = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (breaksLines(c)) {
        flush(parts, part);
        lines = 0;
        parts.add(CodeBlock.of("(char) 0x$L", Integer.toHexString(c)));
      } else {
        part.append(c);
        lines += c == '\n' ? 1 : 0;
        if ((part.length() >= MAX_PART || lines == MAX_LINES) && !Character.isHighSurrogate(c)) {
          flush(parts, part);
          lines = 0;
        }
      }
    }
    flush(parts, part);
  }

  private static void flush(List<CodeBlock> parts, StringBuilder part) {
    if (part.length() > 0) {
      parts.add(quotedBlock(part.toString()));
      part.setLength(0);
    }
  }

  /** The indent every generated file uses; JavaPoet indents a literal's continuation lines twice by it. */
  static final String INDENT = "    ";

  /**
   * {@code text} as the Java string literal JavaPoet's {@code $S} writes (same escapes, a multi-line text cut into
   * {@code "...\n" + "..."} lines), built in one pass: given as {@code $L}, it saves JavaPoet a string per
   * character, which dominated rendering large suites. Null gives {@code null}, as with {@code $S}.
   */
  static String quoted(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append(afterLoneHighSurrogate(text, i) ? "\\134" : "\\\\");
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        case '\n' -> {
          out.append("\\n");
          if (i + 1 < text.length()) {
            out.append("\"\n").append(INDENT).append(INDENT).append("+ \"");
          }
        }
        default -> {
          // JavaPoet breaks lines at U+2028 and U+2029 (and U+0085, a control) too: never written raw
          if (Character.isISOControl(c) || breaksLines(c)) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** {@link #quoted} as a code block. */
  static CodeBlock quotedBlock(String text) {
    return CodeBlock.of("$L", quoted(text));
  }

  private static String octal(char c) {
    return String.format(Locale.ROOT, "\\%03o", (int) c);
  }

  /** {@code String.join("", parts...)}: concatenated at run time, so no constant exceeds javac's limit. */
  private static CodeBlock joinAtRunTime(List<CodeBlock> parts) {
    return CodeBlock.builder().add("$T.join(\"\",\n$>$>", String.class)
        .add(CodeBlock.join(parts, ",\n")).add("$<$<)").build();
  }

  /**
   * A spec may hold a lone surrogate (JSON allows the escape), and text cut into parts may split a pair: no
   * encoding can write one, so it becomes a unicode escape, which javac reads back as that char wherever it is.
   */
  static String escapeLoneSurrogates(String source) {
    int first = 0;
    while (first < source.length() && !Character.isSurrogate(source.charAt(first))) {
      first++; // the common case, a suite without any: one cheap test per character
    }
    StringBuilder out = null;
    for (int i = first; i < source.length(); i++) {
      char c = source.charAt(i);
      boolean paired = Character.isHighSurrogate(c) && i + 1 < source.length()
          && Character.isLowSurrogate(source.charAt(i + 1));
      if (paired) {
        if (out != null) {
          out.append(c).append(source.charAt(i + 1));
        }
        i++;
      } else if (Character.isSurrogate(c)) {
        if (out == null) {
          out = new StringBuilder(source.length() + 16).append(source, 0, i);
        }
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? source : out.toString();
  }

  /**
   * Whether the char before {@code i} is a high surrogate without its pair. It is written as a unicode escape (see
   * {@link #escapeLoneSurrogates}), and javac 17, looking after an escaped high surrogate for an
   * escaped low one, misreads a following {@code \\\\u...} as a broken escape: a backslash there is written in
   * octal, {@code \\134}, instead.
   */
  private static boolean afterLoneHighSurrogate(String text, int i) {
    return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
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
