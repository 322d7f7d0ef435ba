package io.codextestgen.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.codextestgen.diag.GenerationException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeneratorConfigTest {

  @Test
  void defaultsAreSafe() {
    GeneratorConfig config = GeneratorConfig.builder(Path.of("specs/api.yaml"), Path.of("out")).build();

    assertThat(config.basePackage()).isEqualTo("apitests");
    assertThat(config.classSuffix()).isEqualTo("ApiIT");
    assertThat(config.specPathInTests()).isEqualTo("api.yaml");
    assertThat(config.remoteRefAllowList()).isEmpty();
    assertThat(config.useSpecServers()).isFalse();
    assertThat(config.includeDestructive()).isFalse();
  }

  @Test
  void everyBadOptionIsNamed() {
    GenerationException e = catchThrowableOfType(GenerationException.class,
        () -> GeneratorConfig.builder(Path.of("api.yaml"), Path.of("out"))
            .basePackage("com.Example.class")
            .classSuffix("IT-1")
            .remoteRefAllowList(List.of("ftp://example.com/"))
            .build());

    assertThat(e.diagnostics()).extracting(d -> d.location())
        .containsExactly("basePackage", "classSuffix", "remoteRefAllowList");
    assertThat(e.getMessage()).contains("com.Example.class").contains("IT-1").contains("ftp://example.com/");
  }
}
