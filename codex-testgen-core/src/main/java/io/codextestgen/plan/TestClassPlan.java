package io.codextestgen.plan;

import java.util.List;

/** One generated test class: the operations of one tag (or path group), in spec order. */
public record TestClassPlan(String className, String groupName, List<TestCasePlan> cases) {

  public TestClassPlan {
    cases = List.copyOf(cases);
  }
}
