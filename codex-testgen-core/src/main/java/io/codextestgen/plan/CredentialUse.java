package io.codextestgen.plan;

/** One security scheme's credentials as a test sends them: the real ones, or a deliberately bad stand-in. */
public record CredentialUse(String scheme, Mode mode) {

  /** What is sent for the scheme. */
  public enum Mode {
    /** The configured credential, read at run time. */
    VALID,
    /** Well-formed but wrong: an unknown API key, a signed-looking token, a wrong password. */
    WRONG,
    /** Not even well-formed (bearer schemes only). */
    MALFORMED
  }

  public static CredentialUse valid(String scheme) {
    return new CredentialUse(scheme, Mode.VALID);
  }
}
