package io.codextestgen.render;

import io.codextestgen.plan.RateLimitCaps;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code RateLimitBurst.java}, emitted beside the support class when a suite has rate-limit tests. Nothing in it
 * depends on the spec, so it is a source template (a resource, written like JavaPoet's output) with the package,
 * the generated marker and the configured caps filled in.
 */
final class RateLimitBurstFile {

  static final String CLASS_NAME = "RateLimitBurst";
  private static final String TEMPLATE = load();

  private RateLimitBurstFile() {}

  static RenderedFile render(String packageName, String specFileName, String sha256, RateLimitCaps caps) {
    StringBuilder text = new StringBuilder();
    for (String line : Types.fileComment(specFileName).split("\n", -1)) {
      text.append("// ").append(line).append('\n');
    }
    text.append("package ").append(packageName).append(";\n\n");
    String generated = "@Generated(\n        value = " + JavaText.quoted(Types.GENERATOR) + ",\n        comments = "
        + JavaText.quoted("from " + specFileName + ", sha256 " + sha256) + "\n)";
    text.append(TEMPLATE.replace("@GENERATED@", generated)
        .replace("@MAX_REQUESTS@", String.valueOf(caps.maxRequests()))
        .replace("@MAX_CONCURRENCY@", String.valueOf(caps.concurrency()))
        .replace("@MAX_WAIT_SECONDS@", String.valueOf(caps.maxWaitSeconds())));
    return new RenderedFile(packageName.replace('.', '/') + "/" + CLASS_NAME + ".java", text.toString());
  }

  private static String load() {
    try (InputStream in = RateLimitBurstFile.class.getResourceAsStream(CLASS_NAME + ".java.txt")) {
      if (in == null) {
        throw new IllegalStateException(CLASS_NAME + ".java.txt is missing from the generator's resources");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
