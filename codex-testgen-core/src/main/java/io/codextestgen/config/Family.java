package io.codextestgen.config;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A family of generated tests, selectable in the configuration; {@link #tag()} is its JUnit tag and its name. */
public enum Family {
  VALID("valid"),
  AUTH("auth"),
  MALFORMED("malformed"),
  RATE_LIMIT("rate-limit"),
  FLOW("flow"),
  SEMANTICS("semantics"),
  /** Authorization beyond the login: scopes, and one identity's resources kept from another. */
  AUTHZ("authz");

  /** The tag of tests whose data a model proposed; not a family one selects (see {@link LlmSettings}). */
  public static final String LLM_SUGGESTED_TAG = "llm-suggested";

  private final String tag;

  Family(String tag) {
    this.tag = tag;
  }

  public String tag() {
    return tag;
  }

  /** Every family. */
  public static Set<Family> all() {
    return EnumSet.allOf(Family.class);
  }

  /** The family named {@code text} (its tag, any case, surrounding blanks ignored), if there is one. */
  public static Optional<Family> of(String text) {
    String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(family -> family.tag.equals(wanted)).findFirst();
  }

  /** The tags of every family, comma-separated, for messages: "valid, auth, ...". */
  public static String names() {
    return Arrays.stream(values()).map(Family::tag).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return tag;
  }
}
