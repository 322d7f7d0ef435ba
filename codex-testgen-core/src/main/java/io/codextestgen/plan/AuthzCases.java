package io.codextestgen.plan;

import io.codextestgen.api.SecurityScheme;
import io.codextestgen.config.Family;
import java.util.ArrayList;
import java.util.List;

/**
 * The authorization family: for an operation whose security names OAuth2 or OpenID Connect scopes, a request with a
 * real token lacking them (OWASP API5, broken function-level authorization), expecting 403 as RFC 6750 3.1 says.
 */
final class AuthzCases {

  private static final List<Integer> FORBIDDEN = List.of(403);

  private final SecurityChoices security;

  AuthzCases(SecurityChoices security) {
    this.security = security;
  }

  List<TestCasePlan> plan(OperationContext context) {
    List<TestCasePlan> cases = new ArrayList<>();
    if (context.alternatives().isEmpty()) {
      return cases;
    }
    List<String> alternative = context.alternatives().get(0);
    List<String> tokenSchemes = alternative.stream().filter(this::tokens).toList();
    for (String scheme : tokenSchemes) {
      List<String> needed = security.scopes(context.operation(), scheme);
      if (needed.isEmpty()) {
        continue;
      }
      List<CredentialUse> uses = new ArrayList<>();
      for (String other : alternative) {
        uses.add(other.equals(scheme) ? new CredentialUse(scheme, CredentialUse.Mode.LIMITED, needed)
            : CredentialUse.valid(other));
      }
      String scopes = String.join(", ", needed.stream().map(s -> "'" + s + "'").toList());
      String what = "token" + (tokenSchemes.size() > 1 ? " of '" + scheme + "'" : "") + " without scope"
          + (needed.size() > 1 ? "s " : " ") + scopes;
      String stem = tokenSchemes.size() > 1 ? Names.lowerCamel("without " + scheme + " scopes", "withoutScopes")
          : "withoutScope";
      ExpectationPlan forbidden = Expectations.exactly(FORBIDDEN);
      cases.add(TestCasePlan.single(context.method(stem + "_forbidden"),
          context.label() + ": " + what + " -> " + Expectations.describe(forbidden), Family.AUTHZ.tag(),
          context.operationId(), context.operation().pointer() + "/security",
          context.primary().request().withCredentials(uses), forbidden, false));
    }
    return cases;
  }

  private boolean tokens(String scheme) {
    SecurityScheme.Kind kind = security.scheme(scheme).kind();
    return kind == SecurityScheme.Kind.OAUTH2 || kind == SecurityScheme.Kind.OPEN_ID_CONNECT;
  }
}
