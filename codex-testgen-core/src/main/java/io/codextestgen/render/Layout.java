package io.codextestgen.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What JavaPoet spreads over lines that a person writes on one: a Javadoc of one short sentence, an annotation
 * with one short member, and the class's {@code @Generated}, when the joined line stays within {@value #MAX_LINE}
 * characters. Text blocks (bodies, whose text comes from the spec) are never looked into: they are all field
 * initializers, so only what comes before the first and after the last is searched.
 */
final class Layout {

  /** The longest line the generated sources should have. */
  static final int MAX_LINE = 120;

  private static final Pattern ONE_LINE_JAVADOC = Pattern.compile(
      "(?m)^( {4})/\\*\\*\\n {5}\\* (Guards \\{@code [^\\n]*\\}\\.|[{A-Z][^\\n]*\\.)\\n {5}\\*/$");
  private static final Pattern ONE_MEMBER_ANNOTATION = Pattern.compile(
      "(?m)^( {4})@(ParameterizedTest|EnabledIfSystemProperty)\\(\\n {12}(name = \"[^\"\\n]*\")\\n {4}\\)$");
  private static final Pattern GENERATED = Pattern.compile(
      "(?m)^@Generated\\(\\n {8}(value = \"[^\"\\n]*\"),\\n {8}(comments = \"[^\"\\n]*\")\\n\\)$");

  private Layout() {}

  static String compact(String source) {
    int firstTextBlock = source.indexOf("\"\"\"");
    if (firstTextBlock < 0) {
      return compactPart(source);
    }
    int from = source.lastIndexOf("\"\"\"") + 3;
    return compactPart(source.substring(0, firstTextBlock)) + source.substring(firstTextBlock, from)
        + compactPart(source.substring(from));
  }

  private static String compactPart(String part) {
    part = join(part, GENERATED, m -> "@Generated(" + m.group(1) + ", " + m.group(2) + ")");
    part = join(part, ONE_LINE_JAVADOC, m -> m.group(1) + "/** " + m.group(2) + " */");
    return join(part, ONE_MEMBER_ANNOTATION, m -> m.group(1) + "@" + m.group(2) + "(" + m.group(3) + ")");
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
