package io.codextestgen.plan;

import io.codextestgen.api.ApiResponse;
import io.codextestgen.api.MediaContent;
import io.codextestgen.api.Operation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The status and content-type oracles of each family, read from an operation's documented responses. */
final class Expectations {

  private Expectations() {}

  /** Documented 2xx codes; else documented non-5xx codes; else anything below 500. */
  static ExpectationPlan valid(Operation operation) {
    List<ApiResponse> chosen = new ArrayList<>();
    List<Integer> statuses = new ArrayList<>();
    List<Integer> classes = new ArrayList<>();
    collect(operation, "2", chosen, statuses, classes);
    if (chosen.isEmpty()) {
      for (String statusClass : List.of("1", "3", "4")) {
        collect(operation, statusClass, chosen, statuses, classes);
      }
    }
    return new ExpectationPlan(statuses, classes, contentTypes(chosen));
  }

  /**
   * A rejection: those of {@code candidates} the operation documents, else all of them; with no candidates, the
   * documented ones among {@code preferred}, else any 4xx.
   */
  static ExpectationPlan rejection(Operation operation, List<Integer> preferred, boolean fallBackToCandidates) {
    List<Integer> documented = new ArrayList<>();
    for (Integer status : preferred) {
      if (operation.responses().stream().anyMatch(r -> r.status().equals(String.valueOf(status)))) {
        documented.add(status);
      }
    }
    if (!documented.isEmpty()) {
      return new ExpectationPlan(documented, List.of(), List.of());
    }
    return fallBackToCandidates ? new ExpectationPlan(preferred, List.of(), List.of())
        : new ExpectationPlan(List.of(), List.of(4), List.of());
  }

  /** Any documented status below 500 (codes and classes); anything below 500 when none is documented. */
  static ExpectationPlan documentedBelow500(Operation operation) {
    List<ApiResponse> chosen = new ArrayList<>();
    List<Integer> statuses = new ArrayList<>();
    List<Integer> classes = new ArrayList<>();
    for (String statusClass : List.of("1", "2", "3", "4")) {
      collect(operation, statusClass, chosen, statuses, classes);
    }
    return new ExpectationPlan(statuses, classes, List.of());
  }

  /** As {@link #documentedBelow500}, and 404 besides when neither it nor its class is documented. */
  static ExpectationPlan documentedBelow500OrNotFound(Operation operation) {
    ExpectationPlan documented = documentedBelow500(operation);
    if (documented.statuses().isEmpty() && documented.statusClasses().isEmpty()
        || documented.statuses().contains(404) || documented.statusClasses().contains(4)) {
      return documented;
    }
    List<Integer> statuses = new ArrayList<>(documented.statuses());
    statuses.add(404);
    statuses.sort(null);
    // A 404 may come in any media type: the response check still judges documented ones.
    return new ExpectationPlan(statuses, documented.statusClasses(), List.of());
  }

  static ExpectationPlan exactly(List<Integer> statuses) {
    return new ExpectationPlan(statuses, List.of(), List.of());
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static void collect(Operation operation, String statusClass, List<ApiResponse> chosen,
      List<Integer> statuses, List<Integer> classes) {
    for (ApiResponse response : operation.responses()) {
      String status = response.status();
      if (status.length() == 3 && status.startsWith(statusClass) && isDigit(status.charAt(1))
          && isDigit(status.charAt(2))) {
        statuses.add(Integer.parseInt(response.status()));
        chosen.add(response);
      } else if (response.status().equals(statusClass + "XX")) {
        classes.add(statusClass.charAt(0) - '0');
        chosen.add(response);
      }
    }
  }

  private static List<String> contentTypes(List<ApiResponse> responses) {
    Set<String> types = new LinkedHashSet<>();
    for (ApiResponse response : responses) {
      if (response.contents().isEmpty()) {
        return List.of();
      }
      for (MediaContent content : response.contents()) {
        if (content.mediaType().contains("*")) {
          return List.of();
        }
        types.add(content.mediaType());
      }
    }
    return new ArrayList<>(types);
  }

  /** "200", "200/201", "2XX", "non-5xx": for display names. */
  static String describe(ExpectationPlan expect) {
    List<String> parts = new ArrayList<>();
    expect.statuses().forEach(status -> parts.add(String.valueOf(status)));
    expect.statusClasses().forEach(c -> parts.add(c + "XX"));
    return parts.isEmpty() ? "non-5xx" : String.join("/", parts);
  }
}
