package io.codextestgen.plan;

import java.util.List;

/**
 * A resource's life, as one test: create it, read it (what was sent comes back), replace it and read it back,
 * delete it and read it again (gone). {@code idParameter} is the path parameter of the item operations; the id
 * comes from the create response at JSON pointer {@code idPointer}, or from its Location header when
 * {@code idPointer} is null. Update and delete steps are null when the API has no such operation.
 * {@code ignoredFields} are left out when comparing (writeOnly: never returned). {@code readOnlyProbe} names a
 * readOnly property a mass-assignment test sends (null: none), with the JSON value it sends.
 */
public record FlowPlan(
    String idParameter,
    String idPointer,
    RequestPlan create,
    ExpectationPlan createExpect,
    RequestPlan read,
    ExpectationPlan readExpect,
    RequestPlan update,
    ExpectationPlan updateExpect,
    RequestPlan delete,
    ExpectationPlan deleteExpect,
    ExpectationPlan goneExpect,
    List<String> ignoredFields,
    String readOnlyProbe,
    String readOnlyProbeValue) {

  public FlowPlan {
    ignoredFields = List.copyOf(ignoredFields);
  }
}
