package io.codextestgen.plan;

import com.github.curiousoddman.rgxgen.RgxGen;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;

/** Strings matching an OpenAPI {@code pattern} (ECMA-262 style, unanchored), drawn with RgxGen. */
final class PatternStrings {

  private static final int ATTEMPTS = 50;

  private final Map<String, Optional<Pattern>> compiled = new HashMap<>();
  private final Map<String, RgxGen> generators = new HashMap<>();
  private final Map<String, Optional<String>> mismatches = new HashMap<>();

  /** A matching string within the length bounds, or null when none was found (the caller falls back). */
  String matching(String pattern, Integer minLength, Integer maxLength, Random random) {
    // Memoized: large specs repeat the same patterns thousands of times (Microsoft Graph: compiling them was a
    // sixth of its planning).
    Pattern check = compiled.computeIfAbsent(pattern, PatternStrings::compile).orElse(null);
    if (check == null) {
      return null;
    }
    RgxGen generator;
    try {
      generator = generators.computeIfAbsent(pattern, p -> RgxGen.parse(boundRepetitions(stripAnchors(p))));
    } catch (RuntimeException e) { // a construct RgxGen does not know
      return null;
    }
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      String candidate;
      try {
        candidate = generator.generate(random);
      } catch (RuntimeException e) {
        return null;
      }
      if (fits(candidate, minLength, maxLength) && finds(check, candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /**
   * Whether {@code pattern} finds a match in {@code text}; false when Java cannot tell: java.util.regex recurses once
   * per repetition of a group, and image-charts' {@code ^(?:[^|]*\|?)+$} overflows the stack on a long candidate.
   */
  static boolean finds(Pattern pattern, String text) {
    try {
      return pattern.matcher(text).find();
    } catch (StackOverflowError e) {
      return false;
    }
  }

  /** The pattern as Java reads it, or empty when Java cannot (PatternSyntaxException). */
  private static Optional<Pattern> compile(String pattern) {
    try {
      return Optional.of(Pattern.compile(pattern));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Plain strings a reviewer sees at once as wrong, tried in order for a value that breaks a pattern. Not RgxGen's
   * inversion: it rebuilds large character classes for every character it draws (minutes for some AWS patterns)
   * and its strings are noise to a reader.
   */
  private static final List<String> OBVIOUS_MISMATCHES = List.of("!", "~", "?", "-", " ", "0", "a", "A", "!a0",
      "not matching", "{}", "\\", "\"");

  /**
   * A printable ASCII string within the length bounds that does not match {@code pattern}, or null when none of
   * the plain candidates breaks it (then no row is made rather than a wrong one). Memoized: large specs repeat the
   * same patterns thousands of times.
   */
  String notMatching(String pattern, Integer minLength, Integer maxLength) {
    String key = pattern + '\u0000' + minLength + '\u0000' + maxLength;
    return mismatches.computeIfAbsent(key, k -> Optional.ofNullable(findMismatch(pattern, minLength, maxLength)))
        .orElse(null);
  }

  private static String findMismatch(String pattern, Integer minLength, Integer maxLength) {
    Pattern compiled;
    try {
      compiled = Pattern.compile(pattern);
    } catch (RuntimeException e) {
      return null; // PatternSyntaxException: the spec's pattern is not one Java can check either
    }
    for (String plain : OBVIOUS_MISMATCHES) {
      String candidate = minLength == null || plain.length() >= minLength ? plain
          : plain + plain.substring(plain.length() - 1).repeat(minLength - plain.length());
      if (fits(candidate, minLength, maxLength) && !compiled.matcher(candidate).find()) {
        return candidate;
      }
    }
    return null;
  }

  private static boolean fits(String value, Integer minLength, Integer maxLength) {
    int length = value.codePointCount(0, value.length());
    return (minLength == null || length >= minLength) && (maxLength == null || length <= maxLength);
  }

  private static final Pattern LARGE_RANGE = Pattern.compile("(?<!\\\\)\\{(\\d+),(\\d+)}");
  private static final int SHORT = 24;

  /**
   * RgxGen draws a repetition's count uniformly: ".{1,2097152}" would give megabytes. Ranges reaching past
   * {@value #SHORT} are cut to end there (or at their minimum); the result still matches the original pattern,
   * which every candidate is checked against.
   */
  static String boundRepetitions(String pattern) {
    java.util.regex.Matcher range = LARGE_RANGE.matcher(pattern);
    StringBuilder out = new StringBuilder();
    while (range.find()) {
      String min = range.group(1);
      boolean large = range.group(2).length() > 6 || Integer.parseInt(range.group(2)) > SHORT;
      String max = !large ? range.group(2)
          : min.length() > 6 ? min : String.valueOf(Math.max(Integer.parseInt(min), SHORT));
      range.appendReplacement(out, java.util.regex.Matcher.quoteReplacement("{" + min + "," + max + "}"));
    }
    range.appendTail(out);
    return out.toString();
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
