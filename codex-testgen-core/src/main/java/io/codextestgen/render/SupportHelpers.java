package io.codextestgen.render;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Support methods that only suites with negative or rate-limit tests need. */
final class SupportHelpers {

  private static final ClassName STRING = ClassName.get(String.class);
  private static final ClassName INTEGER = ClassName.get(Integer.class);

  private SupportHelpers() {}

  /** JSON pointer patch of the valid body: one broken constraint per row. Jackson comes with the validator. */
  static MethodSpec patch() {
    return endJsonAt(jsonAt("patch", "The JSON {@code json} with the value at JSON pointer {@code at} replaced by the"
            + " JSON text\n{@code value}, or removed when {@code value} is null; a missing member or index is added.\n",
            STRING, "value")
        .addStatement("$T pointer = $T.compile(at)", Types.JSON_POINTER, Types.JSON_POINTER)
        .beginControlFlow("if (pointer.matches())")
        .addStatement("return value == null ? \"\" : value")
        .endControlFlow()
        .addStatement("$T root = mapper.readTree(json)", Types.JSON_NODE)
        .addStatement("$T replacement = value == null ? null : mapper.readTree(value)", Types.JSON_NODE)
        .addStatement("$T parent = root.at(pointer.head())", Types.JSON_NODE)
        .beginControlFlow("if (parent instanceof $T object)", Types.OBJECT_NODE)
        .beginControlFlow("if (replacement == null)")
        .addStatement("object.remove(pointer.last().getMatchingProperty())")
        .nextControlFlow("else")
        .addStatement("object.set(pointer.last().getMatchingProperty(), replacement)")
        .endControlFlow()
        .nextControlFlow("else if (parent instanceof $T array)", Types.ARRAY_NODE)
        .addStatement("int index = pointer.last().getMatchingIndex()")
        .beginControlFlow("if (replacement == null)")
        .addStatement("array.remove(index)")
        .nextControlFlow("else if (index < 0 || index >= array.size())")
        .addStatement("array.add(replacement)")
        .nextControlFlow("else")
        .addStatement("array.set(index, replacement)")
        .endControlFlow()
        .nextControlFlow("else")
        .addStatement("throw new $T(\"nothing to patch at \" + at)", IllegalArgumentException.class)
        .endControlFlow()
        .addStatement("return mapper.writeValueAsString(root)"));
  }

  /** A maxItems violation written as what it is rather than as hundreds of copies in a literal. */
  static MethodSpec lengthened() {
    return endJsonAt(jsonAt("lengthened", "The array at JSON pointer {@code at} in the JSON {@code json}, as JSON"
            + " text, its items repeated\nin order until it has {@code size} items.\n", TypeName.INT, "size")
        .beginControlFlow("if (!(mapper.readTree(json).at(at) instanceof $T items) || items.isEmpty())",
            Types.ARRAY_NODE)
        .addStatement("throw new $T(\"no array with items at \" + at)", IllegalArgumentException.class)
        .endControlFlow()
        .addStatement("$T longer = items.deepCopy()", Types.ARRAY_NODE)
        .beginControlFlow("while (longer.size() < size)")
        .addStatement("longer.add(items.get(longer.size() % items.size()).deepCopy())")
        .endControlFlow()
        .addStatement("return mapper.writeValueAsString(longer)"));
  }

  /**
   * The start of a public helper over the JSON text {@code json} and a JSON pointer {@code at} (and one more
   * parameter): a try block with a Jackson {@code mapper}, which {@link #endJsonAt} closes.
   */
  private static MethodSpec.Builder jsonAt(String name, String javadoc, TypeName thirdType, String thirdName) {
    return MethodSpec.methodBuilder(name)
        .addJavadoc(javadoc)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(STRING)
        .addParameter(STRING, "json")
        .addParameter(STRING, "at")
        .addParameter(thirdType, thirdName)
        .beginControlFlow("try")
        .addStatement("$T mapper = new $T()", Types.OBJECT_MAPPER, Types.OBJECT_MAPPER);
  }

  /** JSON that does not parse is the caller's mistake: an IllegalArgumentException saying so. */
  private static MethodSpec endJsonAt(MethodSpec.Builder method) {
    return method
        .nextControlFlow("catch ($T e)", Types.JSON_PROCESSING_EXCEPTION)
        .addStatement("throw new $T(\"not JSON: \" + e.getOriginalMessage(), e)", IllegalArgumentException.class)
        .endControlFlow()
        .build();
  }

  static MethodSpec replaceParameter() {
    return MethodSpec.methodBuilder("replaceParameter")
        .addJavadoc("Replaces parameter {@code name} in {@code in} (path, query, header or cookie) by {@code value},\n"
            + "or leaves it out when {@code value} is null.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(Types.REQUEST_SPECIFICATION)
        .addParameter(Types.REQUEST_SPECIFICATION, "request")
        .addParameter(STRING, "in")
        .addParameter(STRING, "name")
        .addParameter(STRING, "value")
        .addStatement("$T spec = ($T) request", Types.FILTERABLE_REQUEST, Types.FILTERABLE_REQUEST)
        .beginControlFlow("switch (in)")
        .addCode("case \"path\" -> spec.removePathParam(name).pathParam(name, value == null ? \"\" : value);\n")
        .addCode("case \"query\" -> spec.removeQueryParam(name);\n")
        .addCode("case \"header\" -> spec.removeHeader(name);\n")
        .addCode("case \"cookie\" -> spec.removeCookie(name);\n")
        .addCode("default -> throw new $T(\"unknown parameter location \" + in);\n", IllegalArgumentException.class)
        .endControlFlow()
        .beginControlFlow("if (value != null && !in.equals(\"path\"))")
        .beginControlFlow("switch (in)")
        .addCode("case \"query\" -> spec.queryParam(name, value);\n")
        .addCode("case \"header\" -> spec.header(name, value);\n")
        .addCode("default -> spec.cookie(name, value);\n")
        .endControlFlow()
        .endControlFlow()
        .addStatement("return request")
        .build();
  }

  /** The burst, its checks, and the header parsing they need. */
  static List<MethodSpec> rateLimit() {
    MethodSpec assertRateLimited = MethodSpec.methodBuilder("assertRateLimited")
        .addJavadoc("Sends requests until a 429, at most the announced (RateLimit-Limit, X-RateLimit-Limit) or given\n"
            + "limit plus a margin, never more than {@code maxRequests}; checks the documented headers of the 429,\n"
            + "waits as told (at most {@code maxWaitSeconds}) and expects the API to accept a request again.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(ParameterizedTypeName.get(Types.SUPPLIER, Types.RESPONSE), "send")
        .addParameter(INTEGER, "configuredLimit")
        .addParameter(int.class, "maxRequests")
        .addParameter(boolean.class, "expectRetryAfter")
        .addParameter(boolean.class, "expectReset")
        .addParameter(int.class, "maxWaitSeconds")
        .addStatement("$T first = send.get()", Types.RESPONSE)
        .addStatement("$T announced = leadingNumber(first.getHeader($S), first.getHeader($S))", INTEGER,
            "RateLimit-Limit", "X-RateLimit-Limit")
        .addStatement("int limit = announced != null ? announced : configuredLimit != null ? configuredLimit : maxRequests")
        .addStatement("int budget = Math.min(maxRequests, limit + Math.max(5, limit / 10))")
        .addStatement("$T limited = first.getStatusCode() == 429 ? first : null", Types.RESPONSE)
        .beginControlFlow("for (int sent = 1; limited == null && sent < budget; sent++)")
        .addStatement("$T response = send.get()", Types.RESPONSE)
        .addStatement("int status = response.getStatusCode()")
        .addStatement("$T.assertTrue(status < 500, \"status \" + status + \" during the burst, after \" + sent + \" requests\")",
            Types.ASSERTIONS)
        .addStatement("limited = status == 429 ? response : null")
        .endControlFlow()
        .addStatement("$T.assertNotNull(limited, \"no 429 within \" + budget + \" requests (limit \" + limit + \")\")",
            Types.ASSERTIONS)
        .addStatement("$T retryAfter = secondsToWait(limited.getHeader($S))", INTEGER, "Retry-After")
        .addStatement("$T reset = secondsToWait(limited.getHeader($S) != null ? limited.getHeader($S) : limited.getHeader($S))",
            INTEGER, "RateLimit-Reset", "RateLimit-Reset", "X-RateLimit-Reset")
        .addStatement("int wait = retryAfter != null ? retryAfter : reset != null ? reset : -1")
        .addStatement("$T.assertTrue(wait <= maxWaitSeconds, \"the API asks to wait \" + wait + \" s, more than \" + maxWaitSeconds + \" s\")",
            Types.ASSERTIONS)
        .addComment("Recover before judging the headers, so that later tests find the API usable again: wait as told,")
        .addComment("or poll when the API does not say how long.")
        .addStatement("long deadline = System.currentTimeMillis() + maxWaitSeconds * 1000L")
        .addStatement("int after")
        .beginControlFlow("do")
        .addStatement("pause(wait >= 0 ? wait * 1000L + 250 : 500)")
        .addStatement("after = send.get().getStatusCode()")
        .endControlFlow("while (wait < 0 && after == 429 && System.currentTimeMillis() < deadline)")
        .beginControlFlow("if (expectRetryAfter)")
        .addStatement("$T.assertNotNull(retryAfter, \"the 429 lacks a valid Retry-After header, which the spec documents\")",
            Types.ASSERTIONS)
        .endControlFlow()
        .beginControlFlow("if (expectReset)")
        .addStatement("$T.assertNotNull(reset, \"the 429 lacks a RateLimit-Reset or X-RateLimit-Reset header, which the spec documents\")",
            Types.ASSERTIONS)
        .endControlFlow()
        .addStatement("$T.assertTrue(after != 429 && after < 500, \"status \" + after + \" after waiting as told\")",
            Types.ASSERTIONS)
        .build();
    MethodSpec pause = MethodSpec.methodBuilder("pause")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(long.class, "millis")
        .beginControlFlow("try")
        .addStatement("Thread.sleep(millis)")
        .nextControlFlow("catch ($T e)", InterruptedException.class)
        .addStatement("Thread.currentThread().interrupt()")
        .addStatement("$T.fail(\"interrupted while waiting for the rate limit to reset\")", Types.ASSERTIONS)
        .endControlFlow()
        .build();
    MethodSpec leadingNumber = MethodSpec.methodBuilder("leadingNumber")
        .addJavadoc("The first number in the first present header value (\"100\", \"100, 100;w=60\"), or null.\n")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(INTEGER)
        .addParameter(String[].class, "values")
        .varargs()
        .beginControlFlow("for ($T value : values)", STRING)
        .beginControlFlow("if (value != null && value.trim().matches($S))", "\\d{1,9}\\b.*")
        .addStatement("return Integer.valueOf(value.trim().split(\"\\\\D\", 2)[0])")
        .endControlFlow()
        .endControlFlow()
        .addStatement("return null")
        .build();
    MethodSpec secondsToWait = MethodSpec.methodBuilder("secondsToWait")
        .addJavadoc("Seconds to wait from a delay (\"30\"), an epoch time in seconds, or an HTTP date; null if none.\n")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(INTEGER)
        .addParameter(STRING, "value")
        .beginControlFlow("if (value == null || value.isBlank())")
        .addStatement("return null")
        .endControlFlow()
        .addStatement("long now = System.currentTimeMillis() / 1000")
        .addStatement("$T number = leadingNumber(value)", INTEGER)
        .beginControlFlow("if (number != null)")
        .addStatement("return (int) Math.max(0, number > 1_000_000_000 ? number - now : number)")
        .endControlFlow()
        .beginControlFlow("try")
        .addStatement("long at = $T.parse(value.trim(), $T.RFC_1123_DATE_TIME).toEpochSecond()",
            ClassName.get("java.time", "ZonedDateTime"), ClassName.get("java.time.format", "DateTimeFormatter"))
        .addStatement("return (int) Math.max(0, at - now)")
        .nextControlFlow("catch ($T e)", ClassName.get("java.time.format", "DateTimeParseException"))
        .addStatement("return null")
        .endControlFlow()
        .build();
    return List.of(assertRateLimited, pause, leadingNumber, secondsToWait);
  }
}
