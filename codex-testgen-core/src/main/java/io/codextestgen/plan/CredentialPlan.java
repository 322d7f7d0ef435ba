package io.codextestgen.plan;

/**
 * How one security scheme's credentials are read and sent. The support class reads secrets at run time from
 * {@code property} (a system property) or {@code envVar}, through methods named {@code methodName} + "Credential"
 * (basic auth: + "Username" and + "Password", from {@code property}.username / {@code envVar}_USERNAME and so on);
 * tests send them where the scheme says ({@code location} and {@code parameterName} for API keys). OAuth2 and
 * OpenID Connect schemes have a {@code token} plan: the support class fetches their tokens (null for the others).
 */
public record CredentialPlan(
    String schemeName,
    String methodName,
    Kind kind,
    String location,
    String parameterName,
    String property,
    String envVar,
    TokenPlan token) {

  public CredentialPlan(String schemeName, String methodName, Kind kind, String location, String parameterName,
      String property, String envVar) {
    this(schemeName, methodName, kind, location, parameterName, property, envVar, null);
  }

  /** How the credential is sent. */
  public enum Kind {
    API_KEY, BASIC, BEARER
  }
}
