package io.codextestgen.testing;

import io.codextestgen.api.ApiModel;
import io.codextestgen.api.ApiModelReader;
import io.codextestgen.spec.SpecLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Inline specs for unit tests: written to a temporary file and loaded like a user's. */
public final class Specs {

  private Specs() {}

  public static Path write(Path dir, String yaml) {
    try {
      Path file = dir.resolve("openapi.yaml");
      Files.writeString(file, yaml, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An API model of a spec whose components/schemas are {@code schemasYaml} (indented by four spaces). */
  public static ApiModel modelWithSchemas(Path dir, String schemasYaml) {
    String yaml = """
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /ping:
            get:
              responses: { '204': { description: ok } }
        components:
          schemas:
        """ + schemasYaml.indent(4);
    return ApiModelReader.read(new SpecLoader(List.of()).load(write(dir, yaml)));
  }
}
