package io.codextestgen.plan;

import com.github.curiousoddman.rgxgen.RgxGen;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

/** Strings matching an OpenAPI {@code pattern} (ECMA-262 style, unanchored), drawn with RgxGen. */
final class PatternStrings {

  private static final int ATTEMPTS = 50;

  private final Map<String, RgxGen> generators = new HashMap<>();

  /** A matching string within the length bounds, or null when none was found (the caller falls back). */
  String matching(String pattern, Integer minLength, Integer maxLength, Random random) {
    Pattern compiled;
    RgxGen generator;
    try {
      compiled = Pattern.compile(pattern);
      generator = generators.computeIfAbsent(pattern, p -> RgxGen.parse(stripAnchors(p)));
    } catch (RuntimeException e) { // PatternSyntaxException, or a construct RgxGen does not know
      return null;
    }
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      String candidate;
      try {
        candidate = generator.generate(random);
      } catch (RuntimeException e) {
        return null;
      }
      if (fits(candidate, minLength, maxLength) && compiled.matcher(candidate).find()) {
        return candidate;
      }
    }
    return null;
  }

  private static boolean fits(String value, Integer minLength, Integer maxLength) {
    int length = value.codePointCount(0, value.length());
    return (minLength == null || length >= minLength) && (maxLength == null || length <= maxLength);
  }

  /** RgxGen reads ^ and $ as literal characters; a match of the rest is a match of the anchored pattern. */
  static String stripAnchors(String pattern) {
    String result = pattern;
    if (result.startsWith("^")) {
      result = result.substring(1);
    }
    if (result.endsWith("$") && !result.endsWith("\\$")) {
      result = result.substring(0, result.length() - 1);
    }
    return result;
  }
}
