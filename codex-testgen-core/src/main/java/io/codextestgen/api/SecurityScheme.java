package io.codextestgen.api;

/**
 * A security scheme of the spec. {@code in} and {@code parameterName} are set for API keys; oauth2 and
 * openIdConnect are sent as bearer tokens.
 */
public record SecurityScheme(String name, Kind kind, ParameterLocation in, String parameterName) {

  /** How credentials of a scheme are sent. */
  public enum Kind {
    API_KEY, BASIC, BEARER, OAUTH2, OPEN_ID_CONNECT, OTHER_HTTP
  }
}
