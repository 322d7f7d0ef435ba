package io.codextestgen.spec;

import io.codextestgen.diag.Diagnostic;
import io.swagger.v3.oas.models.OpenAPI;
import java.util.List;

/**
 * A parsed spec with its references resolved into one model, the warnings met on the way, and every local file it
 * was read from.
 */
public record LoadedSpec(OpenAPI openApi, String fileName, List<Diagnostic> warnings,
    List<java.nio.file.Path> files) {

  public LoadedSpec {
    warnings = List.copyOf(warnings);
    files = List.copyOf(files);
  }
}
