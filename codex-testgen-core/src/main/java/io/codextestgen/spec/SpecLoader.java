package io.codextestgen.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.codextestgen.diag.Diagnostic;
import io.codextestgen.diag.GenerationException;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIResolver;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;

/**
 * Loads OpenAPI 3.0, 3.1 and Swagger 2.0 (YAML or JSON, multi-file) through swagger-parser, after checking
 * syntax and references itself so that every error names a file and a location.
 */
public final class SpecLoader {

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();
  /** swagger-parser's YAML reader refuses more code points than this; bytes are never fewer than code points. */
  private static final int SWAGGER_PARSER_YAML_LIMIT = 3 * 1024 * 1024;

  private final List<String> remoteRefAllowList;
  private final Map<String, Path> refMappings;

  public SpecLoader(List<String> remoteRefAllowList) {
    this(remoteRefAllowList, Map.of());
  }

  /** {@code refMappings}: URL prefixes of {@code $ref}s, each read from the local file or directory it maps to. */
  public SpecLoader(List<String> remoteRefAllowList, Map<String, Path> refMappings) {
    this.remoteRefAllowList = List.copyOf(remoteRefAllowList);
    this.refMappings = Map.copyOf(refMappings);
  }

  /** Returns the loaded spec, or throws {@link GenerationException} listing every problem found. */
  public LoadedSpec load(Path specFile) {
    RefScanner scanner = new RefScanner(specFile, remoteRefAllowList, refMappings);
    String name = scanner.displayName(specFile);
    if (!Files.isRegularFile(specFile)) {
      throw new GenerationException(Diagnostic.error(name, "",
          "spec file not found (looked at " + specFile.toAbsolutePath().normalize() + ")"));
    }
    JsonNode root = scanner.readOnly(specFile);
    // $refs to JSON Schema's meta-schemas are read offline, as "a JSON Schema", before anything follows references.
    int metaSchemaRefs = MetaSchemaRefs.inline(root, scanner.contents().get(specFile.toAbsolutePath().normalize()));
    // So are those the configuration maps to local files: rewritten to those files' paths.
    MappedRefs.Result mapped = MappedRefs.rewrite(root, specFile, name, refMappings);
    if (!mapped.errors().isEmpty()) {
      throw new GenerationException(mapped.errors());
    }
    boolean rewritten = metaSchemaRefs > 0 || mapped.rewritten() > 0;
    String location = specFile.toAbsolutePath().normalize().toString().replace('\\', '/');
    // OpenAPI 3.0 is deserialized while another thread checks the references: both only read the tree, and
    // deserializing opens nothing (3.1 and 2.0 go through swagger-parser's reading, which follows references, so
    // those wait until every reference is checked).
    CompletableFuture<Void> checked = CompletableFuture.runAsync(() -> {
      if (root != null) {
        scanner.checkReferences(specFile, root);
      }
    }, isOpenApi30(root) ? ForkJoinPool.commonPool() : Runnable::run);
    SwaggerParseResult early = null;
    GenerationException earlyFailure = null;
    if (isOpenApi30(root)) {
      try {
        early = deserialize30(specFile, location, root);
      } catch (GenerationException e) {
        earlyFailure = e; // reported unless the reference check finds what caused it
      }
    }
    joined(checked);
    List<Diagnostic> errors = new ArrayList<>(scanner.errors());
    if (root != null && !root.has("openapi") && !root.has("swagger")) {
      errors.add(Diagnostic.error(name, "", "not an OpenAPI or Swagger document: it has no 'openapi' or 'swagger'"
          + " version field at the top"));
    }
    if (!errors.isEmpty()) {
      throw new GenerationException(errors);
    }
    if (earlyFailure != null) {
      throw earlyFailure;
    }

    byte[] rootBytes = scanner.contents().get(specFile.toAbsolutePath().normalize());
    boolean largeYaml = rootBytes != null && rootBytes.length > SWAGGER_PARSER_YAML_LIMIT
        && !RefScanner.looksLikeJson(rootBytes);
    if (early == null && rewritten && scanner.hasExternalRefs() && root.has("swagger")) {
      throw new GenerationException(Diagnostic.error(name, "", (mapped.rewritten() > 0 ? "refMappings"
          : "a $ref to a JSON Schema meta-schema (json-schema.org)") + " in a Swagger 2.0 spec that also references"
          + " other files: swagger-parser would read the spec from its file again and fetch the URL over the network."
          + " Copy what the URL serves next to the spec and reference it relatively, or bundle the spec into one"
          + " file"));
    }
    SwaggerParseResult result = early != null ? resolveExternal(specFile, location, early, scanner.hasExternalRefs())
        : parse(specFile, location, root, scanner.hasExternalRefs(), largeYaml || rewritten);
    OpenAPI openApi = result.getOpenAPI();
    List<Diagnostic> warnings = new ArrayList<>();
    for (String message : result.getMessages() == null ? List.<String>of() : result.getMessages()) {
      warnings.add(Diagnostic.warning(name, "", "spec: " + Diagnostic.oneLine(message))); // it quotes spec text
    }
    if (openApi == null) {
      List<Diagnostic> fatal = new ArrayList<>();
      for (Diagnostic warning : warnings) {
        fatal.add(Diagnostic.error(warning.file(), warning.location(), warning.message()));
      }
      if (fatal.isEmpty()) {
        fatal.add(Diagnostic.error(name, "", "swagger-parser could not read the spec"));
      }
      throw new GenerationException(fatal);
    }
    if (openApi.getPaths() == null || openApi.getPaths().isEmpty()) {
      throw new GenerationException(Diagnostic.error(name, "paths",
          "the spec has no paths, so there is nothing to test: add at least one path with an operation"));
    }
    return new LoadedSpec(openApi, name, warnings, new ArrayList<>(scanner.documents().keySet()));
  }

  /** The result, or what the other thread threw, as if thrown here. */
  private static <T> T joined(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error cause) {
        throw cause;
      }
      throw e;
    }
  }

  private static boolean isOpenApi30(JsonNode root) {
    JsonNode version = root == null ? null : root.get("openapi");
    return version != null && version.isTextual() && version.asText().startsWith("3.0");
  }

  private static ParseOptions options(List<String> remoteRefAllowList) {
    ParseOptions options = new ParseOptions();
    // Keep internal $refs (circular schemas stay finite); external files are pulled into components.
    options.setResolve(true);
    options.setResolveFully(false);
    // A schema's type is what it declares: with items and no type it takes any value (JSON Schema), not an
    // array only; with type string and items it is a string (swagger-parser would make both arrays).
    options.setInferSchemaType(false);
    if (!remoteRefAllowList.isEmpty()) {
      options.setRemoteRefAllowList(remoteRefAllowList);
    }
    return options;
  }

  /** OpenAPI 3.0 from the tree the pre-scan read (swagger-parser would read and parse the file a second time). */
  private SwaggerParseResult deserialize30(Path specFile, String location, JsonNode root) {
    try {
      return OpenApi30Deserializer.deserialize(location, root, options(remoteRefAllowList));
    } catch (RuntimeException e) {
      throw failed(specFile, e);
    }
  }

  /**
   * The model follows internal $refs itself (and keeps path-level parameters' own pointers), so swagger-parser's
   * resolve pass is only needed to pull other files' parts into components.
   */
  private SwaggerParseResult resolveExternal(Path specFile, String location, SwaggerParseResult result,
      boolean externalRefs) {
    if (result.getOpenAPI() != null && externalRefs) {
      try {
        new OpenAPIResolver(result.getOpenAPI(), new ArrayList<>(), location, null, options(remoteRefAllowList))
            .resolve(result);
      } catch (RuntimeException e) {
        throw failed(specFile, e);
      }
    }
    return result;
  }

  private static GenerationException failed(Path specFile, Exception e) {
    return new GenerationException(Diagnostic.error(specFile.getFileName().toString(), "",
        "swagger-parser failed: " + e));
  }

  /**
   * OpenAPI 3.1 and Swagger 2.0 go through swagger-parser's own reading, which dereferences 3.1 and converts 2.0,
   * except a single-file spec it must get from the tree we read (as JSON): YAML past its YAML reader's limit, or
   * a tree whose meta-schema or mapped references were replaced (a 3.1 spec of several files from the tree too,
   * with its location).
   */
  private SwaggerParseResult parse(Path specFile, String location, JsonNode root, boolean externalRefs,
      boolean fromTree) {
    ParseOptions options = options(remoteRefAllowList);
    try {
      if (fromTree && externalRefs) {
        // OpenAPI 3.1 (Swagger 2.0 cannot be read from a tree and still resolve files): other files resolve
        // against the spec's own location.
        return new io.swagger.v3.parser.OpenAPIV3Parser().readContents(JSON.writeValueAsString(root), null, options,
            location);
      }
      if (fromTree) {
        // swagger-parser's YAML reader refuses more than 3 MiB; JSON it reads without a limit.
        return new OpenAPIParser().readContents(JSON.writeValueAsString(root), null, options);
      }
      return new OpenAPIParser().readLocation(location, null, options);
    } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw failed(specFile, e);
    }
  }


}
