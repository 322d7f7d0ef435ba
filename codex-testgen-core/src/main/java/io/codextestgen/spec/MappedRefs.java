package io.codextestgen.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.codextestgen.diag.Diagnostic;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code $ref}s to URLs the configuration maps to local files ({@code refMappings}): rewritten, in the spec file's
 * own tree and before anything follows a reference, to the local file's path relative to the spec, so the spec is
 * read with no network call.
 */
final class MappedRefs {

  /** How many references were rewritten, and what could not be. */
  record Result(int rewritten, List<Diagnostic> errors) {}

  private final Map<String, Path> mappings;
  private final Path specDirectory;
  private final String specName;
  private final List<Diagnostic> errors = new ArrayList<>();

  private MappedRefs(Map<String, Path> mappings, Path specFile, String specName) {
    this.mappings = mappings;
    this.specDirectory = specFile.toAbsolutePath().normalize().getParent();
    this.specName = specName;
  }

  /** Rewrites the mapped {@code $ref}s of {@code root}, the tree of {@code specFile}. */
  static Result rewrite(JsonNode root, Path specFile, String specName, Map<String, Path> mappings) {
    MappedRefs refs = new MappedRefs(mappings, specFile, specName);
    int rewritten = mappings.isEmpty() ? 0 : RefHolders.visit(root, (holder, ref, pointer) -> {
      String local = refs.local(ref, pointer);
      if (local != null) {
        holder.put("$ref", local);
      }
      return local != null;
    });
    return new Result(rewritten, refs.errors);
  }

  /** The mapping whose prefix {@code ref} starts with, the longest one; null when none does. */
  static Map.Entry<String, Path> mappingOf(String ref, Map<String, Path> mappings) {
    Map.Entry<String, Path> best = null;
    for (Map.Entry<String, Path> mapping : mappings.entrySet()) {
      if (ref.startsWith(mapping.getKey()) && (best == null || mapping.getKey().length() > best.getKey().length())) {
        best = mapping;
      }
    }
    return best;
  }

  /** The local reference {@code ref} maps to, or null when no mapping applies or its file is missing. */
  private String local(String ref, String pointer) {
    Map.Entry<String, Path> mapping = mappingOf(ref, mappings);
    if (mapping == null) {
      return null;
    }
    int hash = ref.indexOf('#');
    String url = hash < 0 ? ref : ref.substring(0, hash);
    String fragment = hash < 0 ? "" : ref.substring(hash);
    Path base = mapping.getValue().toAbsolutePath().normalize();
    String rest = URLDecoder.decode(url.substring(mapping.getKey().length()).replace("+", "%2B"),
        StandardCharsets.UTF_8);
    Path file = rest.isEmpty() ? base : base.resolve(rest).normalize();
    if (!file.startsWith(base) || !Files.isRegularFile(file)) {
      errors.add(Diagnostic.error(specName, pointer.isEmpty() ? "" : "#" + pointer, "$ref " + Diagnostic.quote(ref)
          + " maps to " + file + " (refMappings: " + mapping.getKey() + " -> " + mapping.getValue()
          + "), which is not a file: put what the URL serves there, or fix the mapping"));
      return null;
    }
    String relative = specDirectory == null ? file.toUri().toString()
        : specDirectory.relativize(file).toString().replace('\\', '/');
    return relative + fragment;
  }
}
