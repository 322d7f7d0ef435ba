package io.codextestgen.api;

/** JSON pointer token escaping (RFC 6901). */
final class Pointers {

  private Pointers() {}

  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  static String unescape(String token) {
    return token.replace("~1", "/").replace("~0", "~");
  }
}
