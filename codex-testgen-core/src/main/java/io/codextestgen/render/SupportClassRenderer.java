package io.codextestgen.render;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.codextestgen.plan.CredentialPlan;
import io.codextestgen.plan.Names;
import io.codextestgen.plan.SupportPlan;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The support class: base URI, spec location and credentials, read at run time from system properties or the
 * environment, and the requests the tests start from. It holds no secret and no URL unless the user allowed the
 * spec's server as a fallback. What does not depend on the spec is in {@code SuiteSupport}, a fixed template.
 */
final class SupportClassRenderer {

  private static final ClassName STRING = ClassName.get(String.class);

  private SupportClassRenderer() {}

  /** Which optional entry points the suite's tests call; only those are emitted. */
  record Needs(boolean negative, boolean unsure, boolean rateLimit, boolean semantics, boolean plain,
      boolean otherIdentity) {}

  static TypeSpec render(SupportPlan plan, Needs needs, ClassName responseCheck) {
    TypeSpec.Builder type = TypeSpec.classBuilder(plan.className())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addAnnotation(Types.generated(plan.specFileName()))
        .addJavadoc(javadoc(plan))
        .addField(constant("BASE_URI_PROPERTY", "codex.baseUri"))
        .addField(constant("BASE_URI_ENV", "CODEX_BASE_URI"))
        .addField(constant("SPEC_PATH_PROPERTY", "codex.specPath"))
        .addField(constant("SPEC_PATH_ENV", "CODEX_SPEC_PATH"))
        .addField(constant("DEFAULT_SPEC_PATH", plan.specPathInTests()));
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(baseUri(plan))
        .addMethod(request(responseCheck));
    if (needs.unsure()) {
      type.addMethod(unsureRequest(responseCheck));
    }
    if (needs.negative()) {
      type.addMethod(negativeRequest(responseCheck));
    }
    if (needs.plain()) {
      type.addMethod(MethodSpec.methodBuilder("plainRequest")
          .addJavadoc("A request aimed at the base URI that nothing validates: for cleaning up after tests.\n")
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .returns(Types.REQUEST_SPECIFICATION)
          .addStatement("return $T.given().baseUri(baseUri())", Types.REST_ASSURED)
          .build());
    }
    type.addMethod(given(plan, responseCheck.peerClass(TemplateFile.OAUTH2_TOKENS)));
    for (CredentialPlan credential : plan.credentials()) {
      if (credential.token() != null) {
        type.addField(tokens(credential, responseCheck.peerClass(TemplateFile.OAUTH2_TOKENS)));
        if (needs.otherIdentity()) {
          type.addField(FieldSpec.builder(responseCheck.peerClass(TemplateFile.OAUTH2_TOKENS),
                  "OTHER_" + tokensField(credential), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
              .addJavadoc("Tokens of the second identity, for the object-level authorization tests.\n")
              .initializer("$L\n$>$>.identity($L, $L)$<$<", tokensField(credential),
                  JavaText.quoted(otherProperty(credential)), JavaText.quoted(otherEnvVar(credential)))
              .build());
        }
      }
      type.addMethods(credentials(credential));
      if (needs.otherIdentity()) {
        type.addMethods(otherCredentials(credential));
      }
    }
    if (needs.rateLimit()) {
      type.addMethod(burstRequest(responseCheck));
    }
    if (needs.semantics()) {
      type.addMethod(MethodSpec.methodBuilder("url")
          .addJavadoc("A Location header's URL, resolved against the base URI when it is relative (RFC 9110"
              + " 10.2.2).\n")
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .returns(STRING)
          .addParameter(STRING, "location")
          .addStatement("return $T.create(baseUri()).resolve(location).toString()", Types.URI)
          .build());
    }
    return type.addMethod(specPath()).build();
  }

  private static CodeBlock javadoc(SupportPlan plan) {
    CodeBlock.Builder doc = CodeBlock.builder()
        .add("Run-time configuration of the generated API tests; every value comes from a system property or,\n")
        .add("when that is unset, an environment variable. Nothing secret is written in this source.\n")
        .add("\n<ul>\n")
        .add("<li>Base URI of the API under test: {@code -Dcodex.baseUri=http://127.0.0.1:8080} or\n")
        .add("{@code CODEX_BASE_URI}.");
    if (plan.fallbackServerUrl() != null) {
      doc.add(" When neither is set, the spec's server {@code $L} is used.", JavaText.comment(plan.fallbackServerUrl()));
    } else {
      doc.add(" Required: the spec's {@code servers} are never used.");
    }
    doc.add("</li>\n")
        .add("<li>Spec for request and response validation: {@code codex.specPath} or {@code CODEX_SPEC_PATH},\n")
        .add("default {@code $L}\n(relative to the directory the tests run in).</li>\n",
            JavaText.comment(plan.specPathInTests()));
    for (CredentialPlan credential : plan.credentials()) {
      String scheme = JavaText.comment(credential.schemeName());
      switch (credential.kind()) {
        case API_KEY -> doc.add("<li>Security scheme {@code $L}, API key in $L {@code $L}:\n{@code $L} or {@code $L}.</li>\n",
            scheme, credential.location(), JavaText.comment(credential.parameterName()), credential.property(),
            credential.envVar());
        case BASIC -> doc.add("<li>Security scheme {@code $L}, HTTP basic: {@code $L.username} and\n{@code $L.password},"
            + " or {@code $L_USERNAME} and {@code $L_PASSWORD}.</li>\n", scheme, credential.property(),
            credential.property(), credential.envVar(), credential.envVar());
        case BEARER -> {
          if (credential.token() == null) {
            doc.add("<li>Security scheme {@code $L}, bearer token: {@code $L}\nor {@code $L}.</li>\n",
                scheme, credential.property(), credential.envVar());
          } else {
            doc.add("<li>Security scheme {@code $L}, $L: a token in {@code $L}\nor {@code $L}, or a client in"
                + " {@code $L.clientId}\nand {@code .clientSecret} to fetch tokens (see {@link $L}).</li>\n",
                scheme, credential.token().openIdConnectUrl() != null ? "OpenID Connect" : "OAuth2",
                credential.property(), credential.envVar(), credential.property(), TemplateFile.OAUTH2_TOKENS);
          }
        }
      }
    }
    return doc.add("</ul>\n").build();
  }

  private static FieldSpec constant(String name, String value) {
    return FieldSpec.builder(STRING, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .initializer("$L", JavaText.quoted(value))
        .build();
  }

  private static MethodSpec baseUri(SupportPlan plan) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("baseUri")
        .addJavadoc("The base URI of the API under test; fails at once, saying how to set it, when none is given.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(STRING)
        .addStatement("$T value = setting(BASE_URI_PROPERTY, BASE_URI_ENV)", STRING);
    if (plan.fallbackServerUrl() != null) {
      return method.addStatement("return value != null ? value : $L", JavaText.quoted(plan.fallbackServerUrl()))
          .build();
    }
    return method
        .beginControlFlow("if (value == null)")
        .addStatement("throw new $T($L\n+ $L\n+ $L\n+ $L)", IllegalStateException.class,
            JavaText.quoted("No base URI for the API under test: run the tests with"),
            JavaText.quoted(" -Dcodex.baseUri=http://127.0.0.1:8080 (or set the environment variable CODEX_BASE_URI)."),
            JavaText.quoted(" The spec's servers are used only by a suite generated with useSpecServers,"),
            JavaText.quoted(" and only an absolute http(s) URL."))
        .endControlFlow()
        .addStatement("return value")
        .build();
  }

  /** A request entry point: the base URI and the response check {@code check} makes ({@code strict}...). */
  private static MethodSpec entry(String name, String javadoc, CodeBlock check) {
    return MethodSpec.methodBuilder(name)
        .addJavadoc(javadoc)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(Types.REQUEST_SPECIFICATION)
        .addStatement("return given($L)", check)
        .build();
  }

  private static MethodSpec request(ClassName responseCheck) {
    return entry("request", "A request aimed at the base URI whose response is judged against the spec, status"
        + " included.\n", CodeBlock.of("$T.strict(specPath())", responseCheck));
  }

  private static MethodSpec unsureRequest(ClassName responseCheck) {
    return entry("unsureRequest", "Like {@link #request()}, for a valid request on an id that was made up: the test"
        + " judges the\nstatus (404 may be right); documented responses are still judged against the spec.\n",
        CodeBlock.of("$T.unsure(specPath())", responseCheck));
  }

  private static MethodSpec negativeRequest(ClassName responseCheck) {
    return entry("negativeRequest", "Like {@link #request()}, for tests that expect a rejection: their own status"
        + " check judges the\nstatus (APIs rightly answer 401 or 400 without documenting it); documented responses"
        + " are still\njudged against the spec.\n", CodeBlock.of("$T.lenient(specPath())", responseCheck));
  }

  private static MethodSpec given(SupportPlan plan, ClassName tokensClass) {
    ClassName httpClientConfig = ClassName.get("io.restassured.config", "HttpClientConfig");
    ClassName redirectConfig = ClassName.get("io.restassured.config", "RedirectConfig");
    CodeBlock.Builder config = CodeBlock.builder()
        .add("$T.config()\n.httpClient($T.httpClientConfig()\n$>$>.setParam(\"http.connection.timeout\", millis)\n"
            + ".setParam(\"http.socket.timeout\", millis))$<$<", Types.REST_ASSURED, httpClientConfig)
        .add("\n.redirect($T.redirectConfig().followRedirects(false))", redirectConfig);
    String javadoc = "A server that does not answer within {@code codex.http.timeoutSeconds} (default 30) fails the\n"
        + "test instead of hanging the run. Redirects are not followed: a documented 3xx is judged as such.\n";
    if (plan.logFailures()) {
      List<String> quoted = plan.sensitiveHeaders().stream().map(JavaText::quoted).toList();
      // .blacklistHeader( starts at column 24 (method body 8, statement continuation 8, logConfig's 8): the headers
      // on its line when they fit, else one a line
      boolean oneLine = 24 + ".blacklistHeader(".length() + String.join(", ", quoted).length() + "));".length()
          <= Layout.MAX_LINE;
      Source headers = oneLine ? new Source().add("$L", String.join(", ", quoted))
          : new Source().add("\n$>$>$L$<$<", String.join(",\n", quoted));
      config.add(new Source().add("\n.logConfig($T.logConfig()\n$>$>"
          + ".enableLoggingOfRequestAndResponseIfValidationFails()\n.blacklistHeader($L))$<$<", Types.LOG_CONFIG,
          headers).build());
      javadoc += "When a test fails, request and response are logged with credential headers masked.\n";
    } else {
      javadoc += "Failed requests are not logged: a credential travels in the query string,\nwhere it cannot be"
          + " masked.\n";
    }
    boolean tokens = plan.credentials().stream().anyMatch(c -> c.token() != null);
    if (tokens) {
      javadoc += "A 401 to a fetched token gets the request sent once more with a new token.\n";
    }
    return MethodSpec.methodBuilder("given")
        .addJavadoc(javadoc)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(Types.REQUEST_SPECIFICATION)
        .addParameter(ClassName.get("io.restassured.filter", "Filter"), "filter")
        .addStatement("$T timeout = setting(\"codex.http.timeoutSeconds\", \"CODEX_HTTP_TIMEOUT_SECONDS\")", STRING)
        .addStatement("int millis = 1000 * (timeout == null ? 30 : Integer.parseInt(timeout))")
        .addStatement("$T config = $L", ClassName.get("io.restassured.config", "RestAssuredConfig"), config.build())
        .addStatement(tokens
            ? "return $T.given()\n.baseUri(baseUri())\n.filter(filter)\n.filter($T.refreshOnUnauthorized())\n"
                + ".config(config)"
            : "return $T.given()\n.baseUri(baseUri())\n.filter(filter)\n.config(config)",
            tokens ? new Object[] {Types.REST_ASSURED, tokensClass} : new Object[] {Types.REST_ASSURED})
        .build();
  }

  /** Secrets are methods, not fields: read when a test needs them, so a missing one fails only that test. */
  private static List<MethodSpec> credentials(CredentialPlan credential) {
    String scheme = JavaText.comment(credential.schemeName());
    if (credential.kind() == CredentialPlan.Kind.BASIC) {
      return List.of(
          secretGetter(credential.methodName() + "Username", "User name of HTTP basic scheme {@code " + scheme + "}.",
              credential.property() + ".username", credential.envVar() + "_USERNAME", credential.schemeName()),
          secretGetter(credential.methodName() + "Password", "Password of HTTP basic scheme {@code " + scheme + "}.",
              credential.property() + ".password", credential.envVar() + "_PASSWORD", credential.schemeName()));
    }
    if (credential.token() != null) {
      return List.of(MethodSpec.methodBuilder(credential.methodName() + "Credential")
          .addJavadoc("Access token of security scheme {@code $L}: configured, or fetched and kept fresh.\n", scheme)
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .returns(STRING)
          .addStatement("return $L.token()", tokensField(credential))
          .build(),
          MethodSpec.methodBuilder(credential.methodName() + "TokenWithout")
          .addJavadoc("A token of security scheme {@code $L} without {@code scopes}, for the tests of\nscopes;"
              + " aborts the test, saying what to configure, when none can be had.\n", scheme)
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .varargs()
          .returns(STRING)
          .addParameter(String[].class, "scopes")
          .addStatement("return $L.tokenWithout(scopes)", tokensField(credential))
          .build());
    }
    String what = credential.kind() == CredentialPlan.Kind.API_KEY ? "API key" : "Bearer token";
    return List.of(secretGetter(credential.methodName() + "Credential",
        what + " of security scheme {@code " + scheme + "}.", credential.property(), credential.envVar(),
        credential.schemeName()));
  }

  /** The second identity's setting: {@code codex.auth2.<scheme>} for {@code codex.auth.<scheme>}. */
  static String otherProperty(CredentialPlan credential) {
    return credential.property().replaceFirst("^codex\\.auth\\.", "codex.auth2.");
  }

  static String otherEnvVar(CredentialPlan credential) {
    return credential.envVar().replaceFirst("^CODEX_AUTH_", "CODEX_AUTH2_");
  }

  /** The getter name of the second identity's credential: {@code otherApiKeyCredential}. */
  static String otherGetter(CredentialPlan credential, String suffix) {
    return "other" + Character.toUpperCase(credential.methodName().charAt(0)) + credential.methodName().substring(1)
        + suffix;
  }

  /**
   * The second identity's credentials, read when a test needs them; a test without them aborts, saying what to
   * set.
   */
  private static List<MethodSpec> otherCredentials(CredentialPlan credential) {
    String scheme = JavaText.comment(credential.schemeName());
    if (credential.token() != null) {
      return List.of(MethodSpec.methodBuilder(otherGetter(credential, "Credential"))
          .addJavadoc("Access token of the second identity for scheme {@code $L}.\n", scheme)
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .returns(STRING)
          .addStatement("return OTHER_$L.tokenOfSecondIdentity()", tokensField(credential))
          .build());
    }
    if (credential.kind() == CredentialPlan.Kind.BASIC) {
      return List.of(
          otherGetter(credential, "Username", "User name of the second identity for scheme {@code " + scheme + "}.",
              otherProperty(credential) + ".username", otherEnvVar(credential) + "_USERNAME", credential.schemeName()),
          otherGetter(credential, "Password", "Password of the second identity for scheme {@code " + scheme + "}.",
              otherProperty(credential) + ".password", otherEnvVar(credential) + "_PASSWORD", credential.schemeName()));
    }
    return List.of(otherGetter(credential, "Credential", "Credential of the second identity for scheme {@code "
        + scheme + "}.", otherProperty(credential), otherEnvVar(credential), credential.schemeName()));
  }

  private static MethodSpec otherGetter(CredentialPlan credential, String suffix, String javadoc, String property,
      String env, String scheme) {
    return getter(otherGetter(credential, suffix), javadoc, "otherSecret", property, env, scheme);
  }

  /** The field of an OAuth2 or OpenID Connect scheme's tokens: where the spec says they come from. */
  private static FieldSpec tokens(CredentialPlan credential, ClassName tokensClass) {
    io.codextestgen.plan.TokenPlan token = credential.token();
    String arguments = String.join(", ", JavaText.quoted(credential.schemeName()),
        JavaText.quoted(credential.property()), JavaText.quoted(credential.envVar()));
    // the field's declaration takes the line's first 4 + 44 characters and its name; past 120, the arguments go
    // on the next line
    boolean fits = 4 + "private static final OAuth2Tokens  = OAuth2Tokens.of();".length()
        + tokensField(credential).length() + arguments.length() <= Layout.MAX_LINE;
    Source init = new Source().add(fits ? "$T.of($L)$>$>" : "$T.of(\n$>$>$L)", tokensClass, arguments);
    if (token.clientCredentialsUrl() != null) {
      init.add("\n.clientCredentials($L)", JavaText.quoted(token.clientCredentialsUrl()));
    }
    if (token.passwordUrl() != null) {
      init.add("\n.password($L)", JavaText.quoted(token.passwordUrl()));
    }
    if (token.openIdConnectUrl() != null) {
      init.add("\n.openIdConnect($L)", JavaText.quoted(token.openIdConnectUrl()));
    }
    if (!token.scopes().isEmpty()) {
      init.add("\n.scopes($L)", String.join(", ", token.scopes().stream().map(JavaText::quoted).toList()));
    }
    if (!token.declaredScopes().isEmpty()) {
      init.add("\n.declaredScopes($L)",
          String.join(", ", token.declaredScopes().stream().map(JavaText::quoted).toList()));
    }
    return FieldSpec.builder(tokensClass, tokensField(credential), Modifier.PRIVATE, Modifier.STATIC,
            Modifier.FINAL)
        .addJavadoc("Tokens of security scheme {@code $L}, fetched as the spec says unless configured.\n",
            JavaText.comment(credential.schemeName()))
        .initializer(init.add("$<$<").build())
        .build();
  }

  static String tokensField(CredentialPlan credential) {
    return Names.constant(credential.methodName(), "SCHEME") + "_TOKENS";
  }

  private static MethodSpec secretGetter(String name, String javadoc, String property, String env, String scheme) {
    return getter(name, javadoc, "secret", property, env, scheme);
  }

  /** A credential's getter: through {@code secret}, which fails without one, or {@code otherSecret}, which aborts. */
  private static MethodSpec getter(String name, String javadoc, String reader, String property, String env,
      String scheme) {
    return MethodSpec.methodBuilder(name)
        .addJavadoc("$L\n", javadoc)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(STRING)
        .addStatement("return $L($L, $L, $L)", reader, JavaText.quoted(property), JavaText.quoted(env),
            JavaText.quoted(scheme))
        .build();
  }

  private static MethodSpec specPath() {
    return MethodSpec.methodBuilder("specPath")
        .addJavadoc("The spec the responses are judged against.\n")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(STRING)
        .addStatement("$T spec = setting(SPEC_PATH_PROPERTY, SPEC_PATH_ENV)", STRING)
        .addStatement("return spec == null ? DEFAULT_SPEC_PATH : spec")
        .build();
  }

  /**
   * {@code burstRequest()}: requests of a rate-limit burst, whose 429 alone is judged against the spec (the valid
   * tests judge the other answers); the burst itself is {@code RateLimitBurst}, a file of its own.
   */
  private static MethodSpec burstRequest(ClassName responseCheck) {
    return entry("burstRequest", "Like {@link #negativeRequest()}, for the requests of a rate-limit burst: only a"
        + " 429 is judged\nagainst the spec (the valid tests judge the other answers).\n",
        CodeBlock.of("$T.onlyStatus(specPath(), 429)", responseCheck));
  }

}
