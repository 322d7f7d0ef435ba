package io.codextestgen.plan;

/**
 * One row of a parameterized test: the violation (its display name), the JSON pointer of the constraint it breaks,
 * and what changes. For body patches {@code target} is a JSON pointer into the valid body and {@code value} the JSON
 * text to put there; for raw bodies {@code value} is the whole body; for parameters {@code location} and
 * {@code target} name the parameter. A null {@code value} removes the target.
 *
 * <p>{@code lengthenedTo}, when not null, says how {@code value} was made: the array at {@code target} in the valid
 * body, its items repeated in order until it has that many (a maxItems violation). A renderer may write the row as
 * that computation instead of the long literal.
 */
public record CaseRow(String violation, String pointer, String location, String target, String value,
    Integer lengthenedTo) {

  public CaseRow(String violation, String pointer, String location, String target, String value) {
    this(violation, pointer, location, target, value, null);
  }
}
