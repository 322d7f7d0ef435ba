package io.codextestgen.plan;

import java.util.List;

/**
 * One generated test class: the operations of one tag (or path group), in spec order, and the producers of the
 * resources its tests need.
 */
public record TestClassPlan(String className, String groupName, List<TestCasePlan> cases,
    List<ProducerPlan> producers) {

  public TestClassPlan {
    cases = List.copyOf(cases);
    producers = List.copyOf(producers);
  }

  public TestClassPlan(String className, String groupName, List<TestCasePlan> cases) {
    this(className, groupName, cases, List.of());
  }
}
