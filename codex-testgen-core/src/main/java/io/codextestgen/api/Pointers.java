package io.codextestgen.api;

/** JSON pointer token escaping (RFC 6901). */
public final class Pointers {

  private Pointers() {}

  public static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  public static String unescape(String token) {
    return token.replace("~1", "/").replace("~0", "~");
  }
}
