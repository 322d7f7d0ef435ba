package io.codextestgen.render;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Support methods of flow tests: the created id, and comparing what was sent with what is read back. */
final class FlowHelpers {

  private static final ClassName STRING = ClassName.get(String.class);
  private static final ClassName OFFSET_DATE_TIME = ClassName.get("java.time", "OffsetDateTime");
  private static final ClassName ENTRY = ClassName.get("java.util", "Map", "Entry");

  private FlowHelpers() {}

  static List<MethodSpec> methods() {
    MethodSpec idFromBody = MethodSpec.methodBuilder("idFromBody")
        .addJavadoc("The created resource's id, at JSON pointer {@code at} of the create response.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(STRING)
        .addParameter(Types.RESPONSE, "created")
        .addParameter(STRING, "at")
        .addStatement("$T id = json(created.asString()).at(at)", Types.JSON_NODE)
        .addStatement("$T.assertFalse(id.isMissingNode() || id.isNull(), \"the create response has no id at \" + at)",
            Types.ASSERTIONS)
        .addStatement("return id.asText()")
        .build();
    MethodSpec idFromLocation = MethodSpec.methodBuilder("idFromLocation")
        .addJavadoc("The created resource's id: the last segment of the create response's Location header.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(STRING)
        .addParameter(Types.RESPONSE, "created")
        .addStatement("$T location = created.getHeader(\"Location\")", STRING)
        .addStatement("$T.assertNotNull(location, \"the create response has no Location header\")", Types.ASSERTIONS)
        .addStatement("$T path = location.replaceAll(\"[?#].*$$\", \"\").replaceAll(\"/+$$\", \"\")", STRING)
        .addStatement("return path.substring(path.lastIndexOf('/') + 1)")
        .build();
    MethodSpec assertEchoes = MethodSpec.methodBuilder("assertEchoes")
        .addJavadoc("Every property of {@code sent} (but {@code ignored} ones) comes back equal in {@code received}:\n"
            + "numbers by value, date-times by instant, objects property by property, arrays item by item.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(STRING, "sent")
        .addParameter(STRING, "received")
        .addParameter(String[].class, "ignored")
        .varargs()
        .addStatement("$T expected = json(sent)", Types.JSON_NODE)
        .addStatement("$T actual = json(received)", Types.JSON_NODE)
        .addStatement("$T<$T> skip = $T.asList(ignored)", List.class, STRING, Types.ARRAYS)
        .beginControlFlow("for ($T<$T, $T> field : expected.properties())", ENTRY, STRING, Types.JSON_NODE)
        .beginControlFlow("if (!skip.contains(field.getKey()))")
        .addStatement("$T.assertTrue(same(field.getValue(), actual.get(field.getKey())), \"'\" + field.getKey()\n"
            + "$>$>+ \"' was sent as \" + field.getValue() + \" but reads back as \" + actual.get(field.getKey()))$<$<",
            Types.ASSERTIONS)
        .endControlFlow()
        .endControlFlow()
        .build();
    MethodSpec acceptedOrRejected = MethodSpec.methodBuilder("acceptedOrRejected")
        .addJavadoc("True when the request was accepted with one of {@code accepted}, false when rejected with a\n"
            + "4xx; anything else fails the test.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(boolean.class)
        .addParameter(Types.RESPONSE, "response")
        .addParameter(int[].class, "accepted")
        .varargs()
        .addStatement("int status = response.getStatusCode()")
        .beginControlFlow("if (status >= 400 && status < 500)")
        .addStatement("return false")
        .endControlFlow()
        .addStatement("$T.assertTrue($T.stream(accepted).anyMatch(s -> s == status) || accepted.length == 0 && status < 300,\n"
            + "$>$>\"status \" + status + \", neither a documented success nor a rejection\")$<$<",
            Types.ASSERTIONS, Types.ARRAYS)
        .addStatement("return true")
        .build();
    MethodSpec assertNotTaken = MethodSpec.methodBuilder("assertNotTaken")
        .addJavadoc("The readOnly {@code property} reads back with the server's value, not the one a client sent.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(STRING, "property")
        .addParameter(STRING, "sentJson")
        .addParameter(STRING, "received")
        .addStatement("$T.assertFalse(same(json(sentJson), json(received).get(property)),\n"
            + "$>$>\"readOnly '\" + property + \"' took the client's value \" + sentJson + \": mass assignment\")$<$<",
            Types.ASSERTIONS)
        .build();
    MethodSpec same = MethodSpec.methodBuilder("same")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(boolean.class)
        .addParameter(Types.JSON_NODE, "expected")
        .addParameter(Types.JSON_NODE, "actual")
        .beginControlFlow("if (actual == null)")
        .addStatement("return expected == null || expected.isNull()")
        .endControlFlow()
        .beginControlFlow("if (expected.isNumber() && actual.isNumber())")
        .addStatement("return expected.decimalValue().compareTo(actual.decimalValue()) == 0")
        .endControlFlow()
        .beginControlFlow("if (expected.isTextual() && actual.isTextual() && !expected.equals(actual))")
        .beginControlFlow("try")
        .addStatement("return $T.parse(expected.asText()).isEqual($T.parse(actual.asText()))", OFFSET_DATE_TIME,
            OFFSET_DATE_TIME)
        .nextControlFlow("catch ($T e)", ClassName.get("java.time.format", "DateTimeParseException"))
        .addStatement("return false")
        .endControlFlow()
        .endControlFlow()
        .beginControlFlow("if (expected.isObject() && actual.isObject())")
        .beginControlFlow("for ($T<$T, $T> field : expected.properties())", ENTRY, STRING, Types.JSON_NODE)
        .beginControlFlow("if (!same(field.getValue(), actual.get(field.getKey())))")
        .addStatement("return false")
        .endControlFlow()
        .endControlFlow()
        .addStatement("return true")
        .endControlFlow()
        .beginControlFlow("if (expected.isArray() && actual.isArray() && expected.size() == actual.size())")
        .beginControlFlow("for (int i = 0; i < expected.size(); i++)")
        .beginControlFlow("if (!same(expected.get(i), actual.get(i)))")
        .addStatement("return false")
        .endControlFlow()
        .endControlFlow()
        .addStatement("return true")
        .endControlFlow()
        .addStatement("return expected.equals(actual)")
        .build();
    MethodSpec json = MethodSpec.methodBuilder("json")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(Types.JSON_NODE)
        .addParameter(STRING, "text")
        .beginControlFlow("try")
        .addStatement("return new $T().readTree(text)", Types.OBJECT_MAPPER)
        .nextControlFlow("catch ($T e)", Types.JSON_PROCESSING_EXCEPTION)
        .addStatement("throw new $T(\"not JSON: \" + text, e)", AssertionError.class)
        .endControlFlow()
        .build();
    return List.of(idFromBody, idFromLocation, assertEchoes, acceptedOrRejected, assertNotTaken, same, json);
  }

  private static final ClassName ASSUMPTIONS = ClassName.get("org.junit.jupiter.api", "Assumptions");

  /** Support methods of semantics tests (with {@link #methods()}): a Location to read, states to compare. */
  static List<MethodSpec> semanticsMethods() {
    MethodSpec url = MethodSpec.methodBuilder("url")
        .addJavadoc("A Location header's URL, resolved against the base URI when it is relative (RFC 9110 10.2.2).\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(STRING)
        .addParameter(STRING, "location")
        .addStatement("return $T.create(baseUri()).resolve(location).toString()", Types.URI)
        .build();
    MethodSpec assertLeftOut = MethodSpec.methodBuilder("assertLeftOut")
        .addJavadoc("A member a PUT left out does not read back as the previous PUT sent it ({@code sentJson}), unless\n"
            + "that is its declared default ({@code defaultJson}, or null): PUT replaces the whole state, it does not\n"
            + "merge into it. Absent, or another value the server sets, is a replacement.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(STRING, "member")
        .addParameter(STRING, "sentJson")
        .addParameter(STRING, "defaultJson")
        .addParameter(STRING, "received")
        .addStatement("$T value = json(received).get(member)", Types.JSON_NODE)
        .addStatement("boolean kept = value != null && !value.isNull() && same(json(sentJson), value)\n"
            + "$>$>&& !(defaultJson != null && same(json(defaultJson), value))$<$<")
        .addStatement("$T.assertFalse(kept, \"'\" + member + \"' was left out of the PUT but still reads back as \"\n"
            + "$>$>+ value + \", as the previous PUT sent it: the PUT merged instead of replacing\")$<$<",
            Types.ASSERTIONS)
        .build();
    MethodSpec assertSameState = MethodSpec.methodBuilder("assertSameState")
        .addJavadoc("Two reads of one resource hold the same state, {@code ignored} members (the server's) aside.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(STRING, "what")
        .addParameter(STRING, "before")
        .addParameter(STRING, "after")
        .addParameter(String[].class, "ignored")
        .varargs()
        .addStatement("$T first = json(before)", Types.JSON_NODE)
        .addStatement("$T second = json(after)", Types.JSON_NODE)
        .addStatement("$T<$T> skip = $T.asList(ignored)", List.class, STRING, Types.ARRAYS)
        .addStatement("$T<$T> names = new $T<>()", ClassName.get("java.util", "Set"), STRING,
            ClassName.get("java.util", "TreeSet"))
        .addStatement("first.fieldNames().forEachRemaining(names::add)")
        .addStatement("second.fieldNames().forEachRemaining(names::add)")
        .beginControlFlow("for ($T name : names)", STRING)
        .beginControlFlow("if (!skip.contains(name) && !(same(first.get(name), second.get(name))"
            + " && same(second.get(name), first.get(name))))")
        .addStatement("$T.fail(\"'\" + name + \"' read \" + first.get(name) + \" before and \" + second.get(name)"
            + "\n$>$>+ \" \" + what)$<$<", Types.ASSERTIONS)
        .endControlFlow()
        .endControlFlow()
        .build();
    MethodSpec assertNoServerError = MethodSpec.methodBuilder("assertNoServerError")
        .addJavadoc("{@code response} is no 5xx: {@code what} must not break the server.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(Types.RESPONSE, "response")
        .addParameter(STRING, "what")
        .addStatement("$T.assertTrue(response.getStatusCode() < 500, what + \" answered \" + response.getStatusCode())",
            Types.ASSERTIONS)
        .build();
    MethodSpec requireRejected = MethodSpec.methodBuilder("requireRejected")
        .addJavadoc("The write was rejected with a 4xx; a 5xx fails, and an accepted write aborts the test: the\n"
            + "malformed family judges that, and there is no rejection whose effect to check.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(Types.RESPONSE, "response")
        .addStatement("int status = response.getStatusCode()")
        .addStatement("$T.assertTrue(status < 500, \"the malformed write answered \" + status)", Types.ASSERTIONS)
        .beginControlFlow("if (status < 400)")
        .addStatement("$T.abort(\"the malformed write was accepted (\" + status + \"): not judged here, the malformed\""
            + "\n$>$>+ \" tests report it\")$<$<", ASSUMPTIONS)
        .endControlFlow()
        .build();
    MethodSpec assertPatched = MethodSpec.methodBuilder("assertPatched")
        .addJavadoc("After a patch that set {@code member} to {@code valueJson}, it reads so, and every other member\n"
            + "as {@code before} had it, {@code ignored} ones (the server's) aside.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(STRING, "member")
        .addParameter(STRING, "valueJson")
        .addParameter(STRING, "before")
        .addParameter(STRING, "after")
        .addParameter(String[].class, "ignored")
        .varargs()
        .addStatement("$T value = json(after).get(member)", Types.JSON_NODE)
        .addStatement("$T.assertTrue(same(json(valueJson), value), \"the patch set '\" + member + \"' to \" + valueJson\n"
            + "$>$>+ \" but it reads back as \" + value)$<$<", Types.ASSERTIONS)
        .addStatement("$T<$T> skip = new $T<>($T.asList(ignored))", List.class, STRING,
            ClassName.get("java.util", "ArrayList"), Types.ARRAYS)
        .addStatement("skip.add(member)")
        .addStatement("assertSameState(\"after a patch of '\" + member + \"' only\", before, after, skip.toArray(new $T[0]))",
            STRING)
        .build();
    return List.of(url, assertLeftOut, assertSameState, assertNoServerError, requireRejected, assertPatched);
  }
}
