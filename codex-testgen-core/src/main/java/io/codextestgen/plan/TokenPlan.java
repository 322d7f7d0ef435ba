package io.codextestgen.plan;

import java.util.List;

/**
 * How the tests get an OAuth2 or OpenID Connect access token at run time: the token endpoint of the spec's
 * client-credentials and password flows (null when the spec has no such flow), the OpenID Connect discovery URL
 * (null unless openIdConnect), the scopes the suite's operations name for the scheme (asked for by default, sorted)
 * and every scope the scheme's flows declare (in spec order: the scope tests ask for the others).
 */
public record TokenPlan(String clientCredentialsUrl, String passwordUrl, String openIdConnectUrl,
    List<String> scopes, List<String> declaredScopes) {

  public TokenPlan {
    scopes = List.copyOf(scopes);
    declaredScopes = List.copyOf(declaredScopes);
  }
}
