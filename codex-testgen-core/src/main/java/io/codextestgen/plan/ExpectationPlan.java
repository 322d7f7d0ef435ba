package io.codextestgen.plan;

import java.util.List;

/**
 * What a response must show. The status is one of {@code statuses}, or in one of the classes of
 * {@code statusClasses} (2 for "2XX"); when both are empty, any status below 500. {@code contentTypes} empty
 * means the content type is left to schema validation (some expected responses have no body).
 */
public record ExpectationPlan(List<Integer> statuses, List<Integer> statusClasses, List<String> contentTypes) {

  public ExpectationPlan {
    statuses = List.copyOf(statuses);
    statusClasses = List.copyOf(statusClasses);
    contentTypes = List.copyOf(contentTypes);
  }
}
