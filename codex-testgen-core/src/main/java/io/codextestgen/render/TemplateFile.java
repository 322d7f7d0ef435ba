package io.codextestgen.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * A class emitted beside the support class whose code does not depend on the spec ({@code ResponseCheck},
 * {@code Triage}, {@code RateLimitBurst}): a source template (a resource, written like JavaPoet's output) with the package, the
 * generated marker and a few configured values filled in.
 */
final class TemplateFile {

  static final String RESPONSE_CHECK = "ResponseCheck";
  static final String RATE_LIMIT_BURST = "RateLimitBurst";
  static final String TRIAGE = "Triage";
  static final String SUITE_SUPPORT = "SuiteSupport";
  /** Fetches and refreshes OAuth2 / OpenID Connect tokens: only in suites with such a scheme. */
  static final String OAUTH2_TOKENS = "OAuth2Tokens";

  private TemplateFile() {}

  /** Template {@code className}, its {@code @NAME@} placeholders replaced by {@code values}. */
  static RenderedFile render(String className, String packageName, String specFileName,
      Map<String, String> values) {
    StringBuilder text = new StringBuilder();
    for (String line : Types.fileComment(specFileName).split("\n", -1)) {
      text.append("// ").append(line).append('\n');
    }
    text.append("package ").append(packageName).append(";\n\n");
    String generated = "@Generated(value = " + JavaText.quoted(Types.GENERATOR) + ", comments = "
        + JavaText.quoted("from " + specFileName) + ")";
    if (generated.length() > Layout.MAX_LINE) {
      generated = "@Generated(\n        value = " + JavaText.quoted(Types.GENERATOR) + ",\n        comments = "
          + JavaText.quoted("from " + specFileName) + "\n)";
    }
    String body = load(className).replace("@GENERATED@", generated);
    for (Map.Entry<String, String> value : new TreeMap<>(values).entrySet()) {
      body = body.replace("@" + value.getKey() + "@", value.getValue());
    }
    text.append(body);
    return new RenderedFile(packageName.replace('.', '/') + "/" + className + ".java", text.toString());
  }

  private static String load(String className) {
    try (InputStream in = TemplateFile.class.getResourceAsStream(className + ".java.txt")) {
      if (in == null) {
        throw new IllegalStateException(className + ".java.txt is missing from the generator's resources");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
