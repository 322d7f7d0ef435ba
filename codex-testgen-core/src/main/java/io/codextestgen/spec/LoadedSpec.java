package io.codextestgen.spec;

import io.codextestgen.diag.Diagnostic;
import io.swagger.v3.oas.models.OpenAPI;
import java.util.List;

/**
 * A parsed spec with its references resolved into one model, the warnings met on the way, and a hash of every
 * file it was read from (so a change to any of them is seen).
 */
public record LoadedSpec(OpenAPI openApi, String fileName, String sha256, List<Diagnostic> warnings) {

  public LoadedSpec {
    warnings = List.copyOf(warnings);
  }
}
