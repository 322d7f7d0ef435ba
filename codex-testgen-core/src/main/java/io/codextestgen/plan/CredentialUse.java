package io.codextestgen.plan;

import java.util.List;

/**
 * One security scheme's credentials as a test sends them: the real ones, or a deliberately bad stand-in.
 * {@code missingScopes} are the scopes a {@link Mode#LIMITED} token lacks.
 */
public record CredentialUse(String scheme, Mode mode, List<String> missingScopes) {

  /** What is sent for the scheme. */
  public enum Mode {
    /** The configured credential, read at run time. */
    VALID,
    /** Well-formed but wrong: an unknown API key, a signed-looking token, a wrong password. */
    WRONG,
    /** Not even well-formed (bearer schemes only). */
    MALFORMED,
    /** A real token without the scopes the operation needs (OAuth2 and OpenID Connect schemes). */
    LIMITED,
    /** The credential of a second identity, read at run time. */
    OTHER_IDENTITY
  }

  public CredentialUse {
    missingScopes = List.copyOf(missingScopes);
  }

  public CredentialUse(String scheme, Mode mode) {
    this(scheme, mode, List.of());
  }

  public static CredentialUse valid(String scheme) {
    return new CredentialUse(scheme, Mode.VALID);
  }
}
