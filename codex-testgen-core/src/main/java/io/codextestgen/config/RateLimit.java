package io.codextestgen.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request limit for an operation whose API announces none: {@code requests} per {@code windowSeconds}, the window
 * 0 when unknown. Written {@code 100} or {@code 100/60s} ({@code s}, {@code m} or {@code h}).
 */
public record RateLimit(int requests, int windowSeconds) {

  private static final Pattern TEXT = Pattern.compile("(\\d{1,9})\\s*(?:/\\s*(\\d{1,7})\\s*([smh]))?",
      Pattern.CASE_INSENSITIVE);

  public static final String FORMAT = "requests or requests/window, e.g. 100 or 100/60s (window in s, m or h)";

  /** A limit of {@code requests} in a window the API does not say. */
  public static RateLimit of(int requests) {
    return new RateLimit(requests, 0);
  }

  /**
   * Reads {@code 100}, {@code 100/60s}, {@code 100/1m} or {@code 5000/1h}.
   *
   * @throws IllegalArgumentException saying what is expected when {@code text} is none of those
   */
  public static RateLimit parse(String text) {
    Matcher matcher = TEXT.matcher(text == null ? "" : text.trim());
    if (!matcher.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a rate limit: use " + FORMAT);
    }
    int requests = Integer.parseInt(matcher.group(1));
    if (matcher.group(2) == null) {
      return of(requests);
    }
    long window = Long.parseLong(matcher.group(2)) * switch (matcher.group(3).toLowerCase(Locale.ROOT)) {
      case "h" -> 3600;
      case "m" -> 60;
      default -> 1;
    };
    return new RateLimit(requests, (int) Math.min(Integer.MAX_VALUE, window));
  }

  @Override
  public String toString() {
    return windowSeconds == 0 ? String.valueOf(requests) : requests + "/" + windowSeconds + "s";
  }
}
