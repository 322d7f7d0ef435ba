package io.codextestgen.render;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.codextestgen.plan.CredentialPlan;
import io.codextestgen.plan.SupportPlan;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The support class: base URI, spec location and credentials, read at run time from system properties or the
 * environment. It holds no secret and no URL unless the user allowed the spec's server as a fallback.
 */
final class SupportClassRenderer {

  private static final ClassName STRING = ClassName.get(String.class);

  private SupportClassRenderer() {}

  /** Which optional helpers the suite's tests call; only those are emitted. */
  record Needs(boolean negative, boolean unsure, boolean wrongBearer, boolean patch, boolean lengthened,
      boolean parameters, boolean rateLimit, boolean flow, boolean semantics, boolean plain) {}

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
    if (needs.wrongBearer()) {
      type.addField(FieldSpec.builder(STRING, "WRONG_BEARER_TOKEN", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("A well-formed JWT with a signature no server issued: sent by tests that expect a 401.\n")
          .initializer("$S", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjb2RleC10ZXN0Z2VuIiwiZXhwIjo0MTAy"
              + "NDQ0ODAwfQ.c2lnbmF0dXJlLWZyb20tbm8taXNzdWVy")
          .build());
    }
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
    type.addMethod(given(plan)).addMethod(mediaTypeIn());
    for (CredentialPlan credential : plan.credentials()) {
      type.addMethods(credentials(credential));
    }
    if (needs.patch()) {
      type.addMethod(SupportHelpers.patch());
    }
    if (needs.lengthened()) {
      type.addMethod(SupportHelpers.lengthened());
    }
    if (needs.parameters()) {
      type.addMethod(SupportHelpers.replaceParameter());
    }
    if (needs.rateLimit()) {
      type.addMethod(SupportHelpers.burstRequest(responseCheck));
    }
    if (needs.flow()) {
      type.addMethods(FlowHelpers.methods());
    }
    if (needs.semantics()) {
      type.addMethods(FlowHelpers.semanticsMethods());
    }
    return type
        .addMethod(specPath())
        .addMethod(setting())
        .addMethod(secret())
        .build();
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
        .add("default {@code $L} (relative to the directory the tests run in).</li>\n",
            JavaText.comment(plan.specPathInTests()));
    for (CredentialPlan credential : plan.credentials()) {
      String scheme = JavaText.comment(credential.schemeName());
      switch (credential.kind()) {
        case API_KEY -> doc.add("<li>Security scheme {@code $L}, API key in $L {@code $L}: {@code $L} or {@code $L}.</li>\n",
            scheme, credential.location(), JavaText.comment(credential.parameterName()), credential.property(),
            credential.envVar());
        case BASIC -> doc.add("<li>Security scheme {@code $L}, HTTP basic: {@code $L.username} and {@code $L.password},"
            + " or {@code $L_USERNAME} and {@code $L_PASSWORD}.</li>\n", scheme, credential.property(),
            credential.property(), credential.envVar(), credential.envVar());
        case BEARER -> doc.add("<li>Security scheme {@code $L}, bearer token: {@code $L} or {@code $L}.</li>\n",
            scheme, credential.property(), credential.envVar());
      }
    }
    return doc.add("</ul>\n").build();
  }

  private static FieldSpec constant(String name, String value) {
    return FieldSpec.builder(STRING, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .initializer("$S", value)
        .build();
  }

  private static MethodSpec baseUri(SupportPlan plan) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("baseUri")
        .addJavadoc("The base URI of the API under test; fails at once, saying how to set it, when none is given.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(STRING)
        .addStatement("$T value = setting(BASE_URI_PROPERTY, BASE_URI_ENV)", STRING);
    if (plan.fallbackServerUrl() != null) {
      method.beginControlFlow("if (value == null)")
          .addStatement("value = $S", plan.fallbackServerUrl())
          .endControlFlow();
    }
    return method
        .beginControlFlow("if (value == null)")
        .addStatement("throw new $T($S)", IllegalStateException.class,
            "No base URI for the API under test: run the tests with -Dcodex.baseUri=http://127.0.0.1:8080 (or set"
                + " the environment variable CODEX_BASE_URI). The spec's servers are not used unless the generator"
                + " was configured with useSpecServers.")
        .endControlFlow()
        .addStatement("return value")
        .build();
  }

  private static MethodSpec request(ClassName responseCheck) {
    return MethodSpec.methodBuilder("request")
        .addJavadoc("A request aimed at the base URI whose response is judged against the spec, status included.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(Types.REQUEST_SPECIFICATION)
        .addStatement("return given($T.strict(specPath()))", responseCheck)
        .build();
  }

  private static MethodSpec unsureRequest(ClassName responseCheck) {
    return MethodSpec.methodBuilder("unsureRequest")
        .addJavadoc("Like {@link #request()}, for a valid request on an id that was made up: the test judges the\n"
            + "status (404 may be right); documented responses are still judged against the spec.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(Types.REQUEST_SPECIFICATION)
        .addStatement("return given($T.unsure(specPath()))", responseCheck)
        .build();
  }

  private static MethodSpec negativeRequest(ClassName responseCheck) {
    return MethodSpec.methodBuilder("negativeRequest")
        .addJavadoc("Like {@link #request()}, for tests that expect a rejection: their own status check judges the\n"
            + "status (APIs rightly answer 401 or 400 without documenting it); documented responses are still\n"
            + "judged against the spec.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(Types.REQUEST_SPECIFICATION)
        .addStatement("return given($T.lenient(specPath()))", responseCheck)
        .build();
  }

  private static MethodSpec given(SupportPlan plan) {
    ClassName httpClientConfig = ClassName.get("io.restassured.config", "HttpClientConfig");
    ClassName redirectConfig = ClassName.get("io.restassured.config", "RedirectConfig");
    CodeBlock.Builder config = CodeBlock.builder()
        .add("$T.config()\n$>$>.httpClient($T.httpClientConfig()\n$>$>.setParam(\"http.connection.timeout\", millis)\n"
            + ".setParam(\"http.socket.timeout\", millis))$<$<", Types.REST_ASSURED, httpClientConfig)
        .add("\n.redirect($T.redirectConfig().followRedirects(false))", redirectConfig);
    String javadoc = "A server that does not answer within {@code codex.http.timeoutSeconds} (default 30) fails the\n"
        + "test instead of hanging the run. Redirects are not followed: a documented 3xx is judged as such. ";
    if (plan.logFailures()) {
      CodeBlock headers = plan.sensitiveHeaders().stream().map(h -> CodeBlock.of("$S", h))
          .collect(CodeBlock.joining(", "));
      config.add("\n.logConfig($T.logConfig()\n$>$>.enableLoggingOfRequestAndResponseIfValidationFails()\n"
          + ".blacklistHeader($L))$<$<", Types.LOG_CONFIG, headers);
      javadoc += "When a test fails, request and response are logged with credential headers\nmasked.\n";
    } else {
      javadoc += "Failed requests are not logged: a credential travels in the query string,\nwhere it cannot be"
          + " masked.\n";
    }
    return MethodSpec.methodBuilder("given")
        .addJavadoc(javadoc)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(Types.REQUEST_SPECIFICATION)
        .addParameter(ClassName.get("io.restassured.filter", "Filter"), "filter")
        .addStatement("$T timeout = setting($S, $S)", STRING, "codex.http.timeoutSeconds", "CODEX_HTTP_TIMEOUT_SECONDS")
        .addStatement("int millis = 1000 * (timeout == null ? 30 : Integer.parseInt(timeout))")
        .addStatement("return $T.given()\n$>$>.baseUri(baseUri())\n.filter(filter)\n.config($L$<$<)$<$<", Types.REST_ASSURED,
            config.build())
        .build();
  }

  private static MethodSpec mediaTypeIn() {
    ParameterizedTypeName matcherOfString = ParameterizedTypeName.get(Types.MATCHER, STRING);
    TypeSpec matcher = TypeSpec.anonymousClassBuilder("")
        .superclass(ParameterizedTypeName.get(Types.TYPE_SAFE_MATCHER, STRING))
        .addMethod(MethodSpec.methodBuilder("matchesSafely")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PROTECTED)
            .returns(boolean.class)
            .addParameter(STRING, "actual")
            .addStatement("$T base = actual.split(\";\", 2)[0].trim().toLowerCase($T.ROOT)", STRING, Types.LOCALE)
            .beginControlFlow("for ($T type : types)", STRING)
            .beginControlFlow("if (type.split(\";\", 2)[0].trim().toLowerCase($T.ROOT).equals(base))", Types.LOCALE)
            .addStatement("return true")
            .endControlFlow()
            .endControlFlow()
            .addStatement("return false")
            .build())
        .addMethod(MethodSpec.methodBuilder("describeTo")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addParameter(Types.DESCRIPTION, "description")
            .addStatement("description.appendText($S + $T.toString(types))", "a content type among ", Types.ARRAYS)
            .build())
        .build();
    return MethodSpec.methodBuilder("mediaTypeIn")
        .addJavadoc("Matches a Content-Type whose media type (parameters such as charset aside) is one of "
            + "{@code types}.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(matcherOfString)
        .addParameter(String[].class, "types")
        .varargs()
        .addStatement("return $L", matcher)
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
    String what = credential.kind() == CredentialPlan.Kind.API_KEY ? "API key" : "Bearer token";
    return List.of(secretGetter(credential.methodName() + "Credential",
        what + " of security scheme {@code " + scheme + "}.", credential.property(), credential.envVar(),
        credential.schemeName()));
  }

  private static MethodSpec secretGetter(String name, String javadoc, String property, String env, String scheme) {
    return MethodSpec.methodBuilder(name)
        .addJavadoc("$L\n", javadoc)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(STRING)
        .addStatement("return secret($S, $S, $S)", property, env, scheme)
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

  private static MethodSpec setting() {
    return MethodSpec.methodBuilder("setting")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(STRING)
        .addParameter(STRING, "property")
        .addParameter(STRING, "environmentVariable")
        .addStatement("$T value = System.getProperty(property)", STRING)
        .beginControlFlow("if (value == null || value.isBlank())")
        .addStatement("value = System.getenv(environmentVariable)")
        .endControlFlow()
        .addStatement("return value == null || value.isBlank() ? null : value.trim()")
        .build();
  }

  private static MethodSpec secret() {
    return MethodSpec.methodBuilder("secret")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(STRING)
        .addParameter(STRING, "property")
        .addParameter(STRING, "environmentVariable")
        .addParameter(STRING, "scheme")
        .addStatement("$T value = setting(property, environmentVariable)", STRING)
        .beginControlFlow("if (value == null)")
        .addStatement("throw new $T(\"No credential for security scheme '\" + scheme + \"': run the tests with -D\"\n"
            + "$>$>+ property + \"=... (or set the environment variable \" + environmentVariable + \")\")$<$<",
            IllegalStateException.class)
        .endControlFlow()
        .addStatement("return value")
        .build();
  }
}
