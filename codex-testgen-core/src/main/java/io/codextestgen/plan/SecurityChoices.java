package io.codextestgen.plan;

import io.codextestgen.api.ApiModel;
import io.codextestgen.api.Operation;
import io.codextestgen.api.SecurityRequirement;
import io.codextestgen.api.SecurityScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Which security alternatives tests can satisfy, and how the support class reads each scheme's credentials. */
final class SecurityChoices {

  private final ApiModel model;
  private final Set<String> usedSchemes = new TreeSet<>();
  /** The scopes the planned operations' requirements name, per scheme. */
  private final java.util.Map<String, Set<String>> usedScopes = new java.util.TreeMap<>();

  SecurityChoices(ApiModel model) {
    this.model = model;
  }

  /** The alternatives (OR) made only of supported schemes, in spec order; each is a list of schemes (AND). */
  List<List<String>> supportedAlternatives(Operation operation) {
    List<List<String>> result = new ArrayList<>();
    for (SecurityRequirement requirement : operation.security()) {
      if (supported(requirement)) {
        result.add(requirement.schemeNames());
      }
    }
    return result;
  }

  /** Marks the schemes as used by the suite: the support class gets their credential getters. */
  void use(List<String> schemes) {
    usedSchemes.addAll(schemes);
  }

  /**
   * Marks the scopes the operation's first supported alternative names as needed: a token is asked for with them
   * (the tests send that alternative).
   */
  void useScopes(Operation operation) {
    firstSupported(operation).ifPresent(requirement -> requirement.scopes().forEach((scheme, scopes) ->
        usedScopes.computeIfAbsent(scheme, s -> new TreeSet<>()).addAll(scopes)));
  }

  /** The scopes the operation's first supported alternative names for {@code scheme}, in spec order. */
  List<String> scopes(Operation operation, String scheme) {
    return firstSupported(operation).map(requirement -> requirement.scopesOf(scheme)).orElse(List.of());
  }

  private java.util.Optional<SecurityRequirement> firstSupported(Operation operation) {
    return operation.security().stream().filter(this::supported).findFirst();
  }

  /** Whether the tests can send every scheme of the requirement (all but HTTP schemes other than basic/bearer). */
  private boolean supported(SecurityRequirement requirement) {
    return requirement.schemeNames().stream().allMatch(name -> {
      SecurityScheme scheme = model.securitySchemes().get(name);
      return scheme != null && scheme.kind() != SecurityScheme.Kind.OTHER_HTTP;
    });
  }

  SecurityScheme scheme(String name) {
    return model.securitySchemes().get(name);
  }

  boolean specHasSecurity() {
    return !model.securitySchemes().isEmpty();
  }

  /** Where an OAuth2 or OpenID Connect scheme's tokens come from; null for other schemes. */
  private TokenPlan tokenPlan(SecurityScheme scheme) {
    if (scheme.kind() != SecurityScheme.Kind.OAUTH2 && scheme.kind() != SecurityScheme.Kind.OPEN_ID_CONNECT) {
      return null;
    }
    String clientCredentials = null;
    String password = null;
    Set<String> declared = new java.util.LinkedHashSet<>();
    for (SecurityScheme.OAuthFlow flow : scheme.flows()) {
      declared.addAll(flow.scopes());
      if (flow.grant() == SecurityScheme.OAuthFlow.Grant.CLIENT_CREDENTIALS) {
        clientCredentials = flow.tokenUrl();
      } else if (flow.grant() == SecurityScheme.OAuthFlow.Grant.PASSWORD) {
        password = flow.tokenUrl();
      }
    }
    return new TokenPlan(clientCredentials, password, scheme.openIdConnectUrl(),
        new ArrayList<>(usedScopes.getOrDefault(scheme.name(), Set.of())), new ArrayList<>(declared));
  }

  List<CredentialPlan> credentialPlans() {
    List<CredentialPlan> result = new ArrayList<>();
    // Scheme names may differ only in case or punctuation ("BearerAuth" and "bearerAuth"): each gets its own
    // getter, property and variable.
    Names.Unique methods = new Names.Unique();
    Names.Unique properties = new Names.Unique();
    Names.Unique envVars = new Names.Unique();
    for (String name : usedSchemes) {
      SecurityScheme scheme = model.securitySchemes().get(name);
      String property = properties.claim("codex.auth." + name.replaceAll("[^A-Za-z0-9._-]", "_"));
      String env = envVars.claim("CODEX_AUTH_" + Names.upperSnake(name));
      CredentialPlan.Kind kind = switch (scheme.kind()) {
        case API_KEY -> CredentialPlan.Kind.API_KEY;
        case BASIC -> CredentialPlan.Kind.BASIC;
        default -> CredentialPlan.Kind.BEARER;
      };
      result.add(new CredentialPlan(name, methods.claim(Names.lowerCamel(name, "scheme")), kind,
          scheme.in() == null ? null : scheme.in().name().toLowerCase(Locale.ROOT), scheme.parameterName(),
          property, env, tokenPlan(scheme)));
    }
    return result;
  }
}
