package io.codextestgen.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Members that look like the two ends of a range ({@code startsAt}/{@code endsAt}, {@code from}/{@code to},
 * {@code validFrom}/{@code validUntil}, {@code notBefore}/{@code notAfter}): a server often requires the end to
 * follow the start, or to lie in the future. Synthesized dates of such a pair make a range that is open now and
 * stays open: the start in the past, the end far in the future. Fixed values, not the clock, so that generating
 * twice gives the same bytes; they hold for every run until the end's year.
 */
final class DateRanges {

  static final String START_DATE_TIME = "2025-01-01T00:00:00Z";
  static final String END_DATE_TIME = "2099-12-31T23:59:59Z";
  static final String START_DATE = "2025-01-01";
  static final String END_DATE = "2099-12-31";

  private static final Set<String> STARTS = Set.of("start", "starts", "started", "starting", "begin", "begins",
      "from", "since", "after", "earliest", "checkin", "opens", "notbefore");
  private static final Set<String> ENDS = Set.of("end", "ends", "ended", "ending", "until", "till", "to", "before",
      "latest", "expires", "expiry", "expiration", "checkout", "closes", "finish", "finishes", "stop", "stops",
      "notafter");

  private DateRanges() {}

  /** Of {@code names}, those that pair up as a range: true for a start, false for an end; sorted by name. */
  static Map<String, Boolean> ends(Collection<String> names) {
    Map<String, List<String>> words = new TreeMap<>();
    for (String name : names) {
      words.put(name, words(name));
    }
    Map<String, Boolean> ends = new TreeMap<>();
    for (Map.Entry<String, List<String>> start : words.entrySet()) {
      for (Map.Entry<String, List<String>> end : words.entrySet()) {
        if (pair(start.getValue(), end.getValue())) {
          ends.putIfAbsent(start.getKey(), true);
          ends.putIfAbsent(end.getKey(), false);
        }
      }
    }
    return ends;
  }

  /** Whether {@code start} and {@code end} differ in one word only, a start word in one and an end word in the other. */
  private static boolean pair(List<String> start, List<String> end) {
    if (start.size() != end.size()) {
      return false;
    }
    int differences = 0;
    boolean range = false;
    for (int i = 0; i < start.size(); i++) {
      if (!start.get(i).equals(end.get(i))) {
        differences++;
        range = STARTS.contains(start.get(i)) && ENDS.contains(end.get(i));
      }
    }
    return differences == 1 && range;
  }

  /** Lower-case words of a camelCase, snake_case or kebab-case name; "not before", "check in" as one word. */
  static List<String> words(String name) {
    List<String> split = new ArrayList<>(Arrays.asList(name.split("(?<=[a-z0-9])(?=[A-Z])|[^A-Za-z0-9]+")));
    split.replaceAll(word -> word.toLowerCase(Locale.ROOT));
    split.removeIf(String::isEmpty);
    List<String> words = new ArrayList<>();
    for (int i = 0; i < split.size(); i++) {
      String word = split.get(i);
      String next = i + 1 < split.size() ? split.get(i + 1) : "";
      if (word.equals("not") && (next.equals("before") || next.equals("after"))
          || word.equals("check") && (next.equals("in") || next.equals("out"))) {
        words.add(word + next);
        i++;
      } else {
        words.add(word);
      }
    }
    return words;
  }

  /** The value for one end of a range in {@code format} (date or date-time), or null for another format. */
  static String value(String format, boolean start) {
    if ("date-time".equals(format)) {
      return start ? START_DATE_TIME : END_DATE_TIME;
    }
    if ("date".equals(format)) {
      return start ? START_DATE : END_DATE;
    }
    return null;
  }
}
