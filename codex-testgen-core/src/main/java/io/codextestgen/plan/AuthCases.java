package io.codextestgen.plan;

import io.codextestgen.api.SecurityScheme;
import io.codextestgen.config.Family;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The auth-failure family: no credentials, wrong and malformed ones for each scheme, and each scheme of an AND
 * requirement left out. Public operations get a check that they answer without credentials.
 */
final class AuthCases {

  private static final List<Integer> REJECTIONS = List.of(401, 403);

  private final SecurityChoices security;

  AuthCases(SecurityChoices security) {
    this.security = security;
  }

  List<TestCasePlan> plan(OperationContext context) {
    RequestPlan base = context.primary().request();
    List<TestCasePlan> cases = new ArrayList<>();
    if (context.operation().security().isEmpty()) {
      if (security.specHasSecurity()) {
        ExpectationPlan expect = Expectations.valid(context.operation());
        cases.add(single(context, context.method("public_acceptedWithoutCredentials"),
            "public: answers without credentials -> " + Expectations.describe(expect), base, expect, true));
      }
      return cases;
    }
    // 401 or 403 whatever the spec documents: servers rightly answer either to missing or wrong credentials.
    ExpectationPlan rejected = Expectations.exactly(REJECTIONS);
    String verdict = " -> " + Expectations.describe(rejected);
    cases.add(single(context, context.method("noCredentials_rejected"), "no credentials" + verdict,
        base.withCredentials(List.of()), rejected, false));
    Set<String> done = new HashSet<>();
    for (List<String> alternative : context.alternatives()) {
      for (String scheme : alternative) {
        if (!done.add(scheme)) {
          continue;
        }
        for (CredentialUse.Mode mode : badModes(security.scheme(scheme).kind())) {
          List<CredentialUse> uses = new ArrayList<>();
          for (String other : alternative) {
            uses.add(other.equals(scheme) ? new CredentialUse(scheme, mode) : CredentialUse.valid(other));
          }
          String what = describe(security.scheme(scheme).kind(), mode);
          cases.add(single(context, context.method(methodStem(security.scheme(scheme).kind(), mode, scheme)
                  + "_rejected"),
              what + " for '" + scheme + "'" + verdict, base.withCredentials(uses), rejected, false));
        }
      }
      if (alternative.size() > 1) {
        for (String dropped : alternative) {
          // Left out, but another scheme of the requirement sends the same header: the request is the valid one.
          if (alternative.stream().anyMatch(other -> !other.equals(dropped)
              && carrier(security.scheme(other)).equals(carrier(security.scheme(dropped))))) {
            continue;
          }
          List<CredentialUse> uses = new ArrayList<>();
          alternative.stream().filter(s -> !s.equals(dropped)).forEach(s -> uses.add(CredentialUse.valid(s)));
          cases.add(single(context, context.method(Names.lowerCamel("without " + dropped, "without") + "_rejected"),
              "all required schemes but '" + dropped + "'" + verdict, base.withCredentials(uses), rejected, false));
        }
      }
    }
    return cases;
  }

  /** Where a scheme's credential travels: Authorization for HTTP and token schemes, else its parameter. */
  private static String carrier(SecurityScheme scheme) {
    return scheme.kind() == SecurityScheme.Kind.API_KEY
        ? scheme.in() + " " + (scheme.in() == io.codextestgen.api.ParameterLocation.HEADER
            ? scheme.parameterName().toLowerCase(java.util.Locale.ROOT) : scheme.parameterName())
        : "header authorization";
  }

  private static List<CredentialUse.Mode> badModes(SecurityScheme.Kind kind) {
    return switch (kind) {
      case BEARER, OAUTH2, OPEN_ID_CONNECT -> List.of(CredentialUse.Mode.MALFORMED, CredentialUse.Mode.WRONG);
      default -> List.of(CredentialUse.Mode.WRONG);
    };
  }

  /** wrongApiKey, wrongAdminToken, malformedBearerToken, wrongOauthToken, wrongBasicPassword. */
  private static String methodStem(SecurityScheme.Kind kind, CredentialUse.Mode mode, String scheme) {
    String name = Names.upperCamel(scheme, "Scheme");
    return switch (kind) {
      case API_KEY -> "wrong" + name;
      case BASIC -> "wrong" + name + "Password";
      default -> (mode == CredentialUse.Mode.MALFORMED ? "malformed" : "wrong") + name + "Token";
    };
  }

  private static String describe(SecurityScheme.Kind kind, CredentialUse.Mode mode) {
    return switch (kind) {
      case API_KEY -> "wrong API key";
      case BASIC -> "wrong password";
      default -> mode == CredentialUse.Mode.MALFORMED ? "malformed token" : "wrong token";
    };
  }

  private static TestCasePlan single(OperationContext context, String methodName, String what, RequestPlan request,
      ExpectationPlan expect, boolean strictStatus) {
    return TestCasePlan.single(methodName, context.label() + ": " + what, Family.AUTH.tag(), context.operationId(),
        context.operation().pointer() + "/security", request, expect, strictStatus);
  }
}
