package io.codextestgen.plan;

import java.util.List;

/**
 * One HTTP rule that only shows across requests, checked on one resource: an item of a collection (made by
 * {@code create}, named by {@code idParameter} taken from the create response at {@code idPointer}, or from its
 * {@code Location} when that is null) or a singleton ({@code create} null: {@code read} and {@code write} address
 * it as they are).
 *
 * <p>{@code setup} (with {@code setupBody}), when not null, gives the resource a known state first (a PUT). {@code write}
 * is the request the rule is about (the PUT, the DELETE, the malformed write); {@code body} is what it sends (the
 * full representation for a PUT, the malformed body for a rejected write, the patch document). For PUT_REPLACES,
 * {@code partialBody} is {@code body} with the optional {@code member} left out, {@code memberValue} what
 * {@code body} sends for it and {@code memberDefault} its declared default (JSON, or null); for PATCH_APPLIES,
 * {@code member} is what the patch sets, to {@code memberValue}. {@code ignored} members are not compared (readOnly: the server's; writeOnly: never read back).
 * {@code delete} removes what the test created (null: it stays).
 */
public record SemanticsPlan(
    Rule rule,
    RequestPlan create,
    ExpectationPlan createExpect,
    String idParameter,
    String idPointer,
    RequestPlan read,
    ExpectationPlan readExpect,
    RequestPlan setup,
    ExpectationPlan setupExpect,
    String setupBody,
    RequestPlan write,
    ExpectationPlan writeExpect,
    String body,
    String partialBody,
    String member,
    String memberValue,
    String memberDefault,
    ExpectationPlan goneExpect,
    RequestPlan delete,
    List<String> ignored) {

  /** The rules, each with the HTTP text it enforces. */
  public enum Rule {
    /** RFC 9110 15.3.2: 201 Created names the new resource; what was created can be read there. */
    CREATED_READABLE,
    /** RFC 9110 9.3.5: after a successful DELETE the resource is gone; a second DELETE is no server error. */
    DELETED_GONE,
    /** RFC 9110 9.3.4: PUT replaces the state with the one sent, it does not merge. */
    PUT_REPLACES,
    /** RFC 9110 9.2.2: PUT is idempotent; sending it twice leaves the state of sending it once. */
    PUT_IDEMPOTENT,
    /** RFC 9110 15.5: a 4xx means the request was not carried out; the state is as before. */
    REJECTED_WRITE_CHANGES_NOTHING,
    /** RFC 7396 / RFC 6902: a merge patch or JSON patch changes what it names, and nothing else. */
    PATCH_APPLIES,
    /**
     * OWASP API1 (broken object-level authorization): another identity's request for an item the first one created
     * is refused (403 or 404), and the item reads as before for its owner.
     */
    OTHER_IDENTITY_DENIED;

    /** The rule in a few words, as reports and display names say it. */
    public String phrase() {
      return switch (this) {
        case CREATED_READABLE -> "created means readable";
        case DELETED_GONE -> "deleted means gone";
        case PUT_REPLACES -> "PUT replaces";
        case PUT_IDEMPOTENT -> "PUT is idempotent";
        case REJECTED_WRITE_CHANGES_NOTHING -> "a rejected write changes nothing";
        case PATCH_APPLIES -> "a patch changes what it names, no more";
        case OTHER_IDENTITY_DENIED -> "another identity is denied the item";
      };
    }
  }

  public SemanticsPlan {
    ignored = List.copyOf(ignored);
  }

  /** Whether the resource is an item the test creates first (else a singleton addressed as it is). */
  public boolean item() {
    return create != null;
  }
}
