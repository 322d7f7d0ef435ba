package io.codextestgen.config;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which operations get tests. Each dimension (tag, operationId, path glob, HTTP method) has an include list and an
 * exclude list: an operation is selected when it matches every non-empty include list and no exclude list. Path
 * globs use {@code *} within a segment and {@code **} across segments ({@code /admin/**}).
 */
public record Selection(
    List<String> includeTags,
    List<String> excludeTags,
    List<String> includeOperations,
    List<String> excludeOperations,
    List<String> includePaths,
    List<String> excludePaths,
    List<String> includeMethods,
    List<String> excludeMethods) {

  public static final Selection ALL = new Selection(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
      List.of(), List.of());

  public Selection {
    includeTags = List.copyOf(includeTags);
    excludeTags = List.copyOf(excludeTags);
    includeOperations = List.copyOf(includeOperations);
    excludeOperations = List.copyOf(excludeOperations);
    includePaths = List.copyOf(includePaths);
    excludePaths = List.copyOf(excludePaths);
    includeMethods = includeMethods.stream().map(m -> m.toUpperCase(Locale.ROOT)).toList();
    excludeMethods = excludeMethods.stream().map(m -> m.toUpperCase(Locale.ROOT)).toList();
  }

  /** Why the operation is not selected, or empty when it is. */
  public Optional<String> rejects(List<String> tags, String operationId, String path, String method) {
    if (!includeTags.isEmpty() && tags.stream().noneMatch(includeTags::contains)) {
      return Optional.of("no tag in includeTags " + includeTags);
    }
    if (tags.stream().anyMatch(excludeTags::contains)) {
      return Optional.of("tag in excludeTags " + excludeTags);
    }
    if (!includeOperations.isEmpty() && !includeOperations.contains(operationId)) {
      return Optional.of("not in includeOperations");
    }
    if (excludeOperations.contains(operationId)) {
      return Optional.of("in excludeOperations");
    }
    if (!includePaths.isEmpty() && includePaths.stream().noneMatch(glob -> matches(glob, path))) {
      return Optional.of("path matches no includePaths glob " + includePaths);
    }
    if (excludePaths.stream().anyMatch(glob -> matches(glob, path))) {
      return Optional.of("path matches excludePaths " + excludePaths);
    }
    if (!includeMethods.isEmpty() && !includeMethods.contains(method)) {
      return Optional.of("method not in includeMethods " + includeMethods);
    }
    if (excludeMethods.contains(method)) {
      return Optional.of("method in excludeMethods " + excludeMethods);
    }
    return Optional.empty();
  }

  static boolean matches(String glob, String path) {
    // Braces of path templates would read as glob alternatives: match them literally.
    String escaped = glob.replace("{", "\\{").replace("}", "\\}");
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + escaped);
    return matcher.matches(Path.of(path)) || glob.endsWith("/**") && path.equals(glob.substring(0, glob.length() - 3));
  }
}
