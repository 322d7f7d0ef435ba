package io.codextestgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.codextestgen.config.GeneratorConfig;
import io.codextestgen.render.RenderedFile;
import io.codextestgen.testing.RenderMain;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same spec and config, same bytes: in one JVM, across JVMs with other locales and time zones, and on disk. */
class DeterminismTest {

  static java.util.stream.Stream<String> cases() throws IOException {
    return GoldenFilesTest.cases();
  }

  private static GeneratorConfig config(String name) throws IOException {
    return GeneratorConfig.builder(GoldenFilesTest.specOf(name), Path.of("unused")).basePackage("det").build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aSecondJvmWithAnotherLocaleTimeZoneAndCharsetProducesTheSameBytes(String name) throws Exception {
    String here = RenderMain.digest(CodexTestgen.render(config(name)).files());
    String again = RenderMain.digest(CodexTestgen.render(config(name)).files());

    Process process = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Duser.language=ar", "-Duser.country=EG", "-Duser.timezone=Pacific/Kiritimati",
        "-Dfile.encoding=ISO-8859-1", "-Dline.separator=\r\n",
        "-cp", System.getProperty("java.class.path"),
        RenderMain.class.getName(), GoldenFilesTest.specOf(name).toString(), "det")
        .redirectErrorStream(false)
        .start();
    String other = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor()).as(errors).isZero();
    assertThat(again).isEqualTo(here);
    assertThat(other).as("digest from a fresh JVM").isEqualTo(here);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void outputHoldsNoTimestampAbsolutePathOrHostName(String name) throws IOException {
    List<RenderedFile> files = CodexTestgen.render(config(name)).files();
    String absoluteDir = GoldenFilesTest.specOf(name).toAbsolutePath().getParent().toString();
    String host = InetAddress.getLocalHost().getHostName();

    assertThat(files).allSatisfy(file -> {
      assertThat(file.content()).doesNotContain(absoluteDir).doesNotContain(System.getProperty("user.dir"))
          .doesNotContain("\r").doesNotContain(String.valueOf(java.time.Year.now().getValue()) + "-");
      assertThat(file.content()).doesNotContainPattern("\\b" + java.util.regex.Pattern.quote(host) + "\\b");
    });
  }

  @Test
  void regeneratingUnchangedInputWritesNothing(@TempDir Path out) throws IOException {
    GeneratorConfig config = GeneratorConfig.builder(GoldenFilesTest.specOf("bookshop-oas30"), out)
        .basePackage("det").build();
    GenerationResult first = CodexTestgen.generate(config);
    Path support = out.resolve("det/ApiTestSupport.java");
    java.nio.file.attribute.FileTime before = Files.getLastModifiedTime(support);

    GenerationResult second = CodexTestgen.generate(config);

    assertThat(first.writtenFiles()).hasSize(9);
    assertThat(second.writtenFiles()).isEmpty();
    assertThat(second.unchangedFiles()).hasSize(9);
    assertThat(Files.getLastModifiedTime(support)).isEqualTo(before);
  }
}
