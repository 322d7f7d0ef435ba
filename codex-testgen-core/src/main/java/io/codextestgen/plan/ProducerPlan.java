package io.codextestgen.plan;

/**
 * How tests of one class get an existing resource: method {@code methodName} sends {@code create} and returns the
 * new id, and {@link #sharedName} returns one created on first use and shared (tests that delete get their own).
 * The id is found
 * at JSON pointer {@code idPointer} of the response, or in its Location header when null; the class
 * deletes what it created after all its tests with {@code delete} (null: the API cannot delete). {@code parameter}
 * is the path parameter the id fills.
 */
public record ProducerPlan(
    String methodName,
    String parameter,
    RequestPlan create,
    ExpectationPlan createExpect,
    String idPointer,
    RequestPlan delete) {

  /** The method returning one resource shared by the class's tests that do not delete it: newBook -> existingBook. */
  public static String sharedName(String methodName) {
    return "existing" + methodName.substring("new".length());
  }
}
