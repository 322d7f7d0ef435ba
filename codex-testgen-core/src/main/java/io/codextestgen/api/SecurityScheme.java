package io.codextestgen.api;

import java.util.List;

/**
 * A security scheme of the spec. {@code in} and {@code parameterName} are set for API keys; oauth2 and
 * openIdConnect are sent as bearer tokens, which the tests fetch through {@code flows} (oauth2: the token
 * endpoint of each flow and the scopes it declares) or {@code openIdConnectUrl} (discovery).
 */
public record SecurityScheme(String name, Kind kind, ParameterLocation in, String parameterName,
    List<OAuthFlow> flows, String openIdConnectUrl) {

  /** How credentials of a scheme are sent. */
  public enum Kind {
    API_KEY, BASIC, BEARER, OAUTH2, OPEN_ID_CONNECT, OTHER_HTTP
  }

  public SecurityScheme {
    flows = List.copyOf(flows);
  }

  public SecurityScheme(String name, Kind kind, ParameterLocation in, String parameterName) {
    this(name, kind, in, parameterName, List.of(), null);
  }

  /**
   * One OAuth2 flow: its grant, token endpoint (null for the implicit flow, which has none) and the scopes it
   * declares, in spec order.
   */
  public record OAuthFlow(Grant grant, String tokenUrl, List<String> scopes) {

    /** The OAuth2 grants a spec can declare; tests can fetch tokens through the first two. */
    public enum Grant {
      CLIENT_CREDENTIALS, PASSWORD, AUTHORIZATION_CODE, IMPLICIT
    }

    public OAuthFlow {
      scopes = List.copyOf(scopes);
    }
  }
}
