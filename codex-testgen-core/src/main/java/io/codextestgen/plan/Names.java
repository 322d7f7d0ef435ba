package io.codextestgen.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/** Java identifiers from spec names: tags, operation ids, scheme names. Only [A-Za-z0-9_] survives. */
public final class Names {

  private Names() {}

  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    if (text == null) {
      return words;
    }
    // Letters with accents keep their base letter (Täg -> Tag); then split on anything not a letter or digit,
    // and on lower-to-upper camel humps.
    // A plain loop, not regular expressions: names are made for every operation, parameter and test.
    String ascii = text.chars().allMatch(c -> c < 0x80) ? text
        : MARKS.matcher(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)).replaceAll("");
    int start = -1;
    for (int i = 0; i <= ascii.length(); i++) {
      boolean alphanumeric = i < ascii.length() && isAsciiLetterOrDigit(ascii.charAt(i));
      if (alphanumeric && start < 0) {
        start = i;
      } else if (!alphanumeric && start >= 0) {
        int word = start;
        for (int j = start + 1; j < i; j++) {
          char previous = ascii.charAt(j - 1);
          boolean hump = previous >= 'a' && previous <= 'z' || previous >= '0' && previous <= '9';
          if (hump && isAsciiUpper(ascii.charAt(j))) {
            words.add(ascii.substring(word, j));
            word = j;
          }
        }
        words.add(ascii.substring(word, i));
        start = -1;
      }
    }
    return words;
  }

  private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");
  private static final java.util.regex.Pattern IDENTIFIER = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  private static boolean isAsciiUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return isAsciiUpper(c) || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
  }

  static String upperCamel(String text, String fallback) {
    StringBuilder name = new StringBuilder();
    for (String word : words(text)) {
      name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return safeStart(name.length() == 0 ? fallback : name.toString(), fallback);
  }

  static String lowerCamel(String text, String fallback) {
    String upper = upperCamel(text, fallback);
    String lower = Character.toLowerCase(upper.charAt(0)) + upper.substring(1);
    return SourceVersion.isKeyword(lower) ? lower + "_" : lower;
  }

  /** An operation id as written when it is already an identifier, else camel-cased. */
  static String identifier(String text, String fallback) {
    if (text != null && IDENTIFIER.matcher(text).matches() && !SourceVersion.isKeyword(text)) {
      return text;
    }
    return lowerCamel(text, fallback);
  }

  /** A local variable name for a value such as a path parameter: {@code bookId}, {@code id}, {@code class_}. */
  public static String variable(String name) {
    return lowerCamel(name, "id");
  }

  /**
   * A constant's name, e.g. {@code CREATE_BOOK} for {@code createBook}: {@code fallback} when the text has no letter
   * or digit, and in front when it starts with a digit ({@code 2. Send payments} -> {@code REQUEST_2_SEND_PAYMENTS}).
   */
  public static String constant(String text, String fallback) {
    List<String> words = words(text);
    String name = String.join("_", words).toUpperCase(Locale.ROOT);
    return words.isEmpty() ? fallback : Character.isDigit(name.charAt(0)) ? fallback + "_" + name : name;
  }

  public static String upperSnake(String text) {
    List<String> words = words(text);
    return words.isEmpty() ? "SCHEME" : String.join("_", words).toUpperCase(Locale.ROOT);
  }

  private static String safeStart(String name, String fallback) {
    return Character.isDigit(name.charAt(0)) ? fallback + name : name;
  }

  /** Hands out names unique within one scope: the second "x" becomes "x2", and so on. */
  static final class Unique {
    private final Set<String> taken = new HashSet<>();

    String claim(String name) {
      String candidate = name;
      for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
        candidate = name + n;
      }
      return candidate;
    }
  }
}
