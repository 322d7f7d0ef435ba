package io.codextestgen.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What JavaPoet spreads over lines that a person writes on one: a Javadoc of one short sentence, and an annotation
 * with one short member, when the joined line stays within {@value #MAX_LINE} characters. Only the methods are
 * looked at: text blocks (bodies, whose text comes from the spec) are all field initializers, which JavaPoet
 * writes before the methods, so the search starts after the last text block.
 */
final class Layout {

  /** The longest line the generated sources should have. */
  static final int MAX_LINE = 120;

  private static final Pattern ONE_LINE_JAVADOC = Pattern.compile(
      "(?m)^( {4})/\\*\\*\\n {5}\\* (Guards \\{@code [^\\n]*\\}\\.|[{A-Z][^\\n]*\\.)\\n {5}\\*/$");
  private static final Pattern ONE_MEMBER_ANNOTATION = Pattern.compile(
      "(?m)^( {4})@(ParameterizedTest|EnabledIfSystemProperty)\\(\\n {12}(name = \"[^\"\\n]*\")\\n {4}\\)$");

  private Layout() {}

  static String compact(String source) {
    int lastTextBlock = source.lastIndexOf("\"\"\"");
    int from = lastTextBlock < 0 ? 0 : lastTextBlock + 3;
    String methods = source.substring(from);
    methods = join(methods, ONE_LINE_JAVADOC, m -> m.group(1) + "/** " + m.group(2) + " */");
    methods = join(methods, ONE_MEMBER_ANNOTATION, m -> m.group(1) + "@" + m.group(2) + "(" + m.group(3) + ")");
    return source.substring(0, from) + methods;
  }

  private static String join(String source, Pattern pattern, java.util.function.Function<Matcher, String> joined) {
    Matcher matcher = pattern.matcher(source);
    StringBuilder out = new StringBuilder(source.length());
    while (matcher.find()) {
      String line = joined.apply(matcher);
      matcher.appendReplacement(out, Matcher.quoteReplacement(line.length() <= MAX_LINE ? line : matcher.group()));
    }
    return matcher.appendTail(out).toString();
  }
}
