package io.codextestgen.testing;

import io.codextestgen.CodexTestgen;
import io.codextestgen.config.GeneratorConfig;
import io.codextestgen.render.RenderedFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/** Prints one SHA-256 over every file generated from a spec: run in a fresh JVM by DeterminismTest. */
public final class RenderMain {

  private RenderMain() {}

  public static void main(String[] args) throws Exception {
    GeneratorConfig config = GeneratorConfig.builder(Path.of(args[0]), Path.of("unused"))
        .basePackage(args[1])
        .build();
    System.out.println(digest(CodexTestgen.render(config).files()));
  }

  public static String digest(List<RenderedFile> files) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    for (RenderedFile file : files) {
      digest.update(file.relativePath().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(file.content().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
