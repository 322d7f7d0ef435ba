package io.codextestgen.render;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import javax.lang.model.element.Modifier;

/** Support methods that only suites with negative or rate-limit tests need. */
final class SupportHelpers {

  private static final ClassName STRING = ClassName.get(String.class);

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

  /**
   * {@code burstRequest()}: requests of a rate-limit burst, whose 429 alone is judged against the spec (the valid
   * tests judge the other answers); the burst itself is {@code RateLimitBurst}, a file of its own.
   */
  static MethodSpec burstRequest(ClassName responseCheck) {
    return MethodSpec.methodBuilder("burstRequest")
        .addJavadoc("Like {@link #negativeRequest()}, for the requests of a rate-limit burst: only a 429 is judged\n"
            + "against the spec (the valid tests judge the other answers).\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(Types.REQUEST_SPECIFICATION)
        .addStatement("return given($T.onlyStatus(specPath(), 429))", responseCheck)
        .build();
  }
}
