package io.codextestgen.plan;

/** The test families, by the JUnit tag each generated test carries. */
public final class Families {

  public static final String VALID = "valid";
  public static final String AUTH = "auth";
  public static final String MALFORMED = "malformed";
  public static final String RATE_LIMIT = "rate-limit";
  public static final String FLOW = "flow";
  public static final String SEMANTICS = "semantics";

  private Families() {}
}
