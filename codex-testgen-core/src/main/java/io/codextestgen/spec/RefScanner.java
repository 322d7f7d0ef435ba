package io.codextestgen.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.codextestgen.diag.Diagnostic;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the spec files before swagger-parser does, following relative {@code $ref}s, to give precise errors
 * (syntax with line and column, dangling references with their location) and to refuse remote references
 * before anything could open a connection.
 */
final class RefScanner {

  /** Large specs (the GitHub API's is 13 MB) exceed SnakeYAML's default 3 MB limit: allow up to 256 MB. */
  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .loaderOptions(loaderOptions()).build());
  private static final ObjectMapper JSON = new ObjectMapper();

  private static org.yaml.snakeyaml.LoaderOptions loaderOptions() {
    org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
    options.setCodePointLimit(256 * 1024 * 1024);
    options.setMaxAliasesForCollections(1000);
    return options;
  }

  private final Path rootDirectory;
  private final List<String> remoteAllowList;
  private final Map<String, Path> refMappings;
  private final Map<Path, JsonNode> documents = new TreeMap<>();
  private final Map<Path, byte[]> contents = new TreeMap<>();
  /** Each distinct (file, $ref) is checked once: large specs repeat the same references thousands of times. */
  private final java.util.Set<String> checked = new java.util.HashSet<>();
  private boolean externalRefs;
  private final List<Diagnostic> errors = new ArrayList<>();

  RefScanner(Path rootFile, List<String> remoteAllowList) {
    this(rootFile, remoteAllowList, Map.of());
  }

  RefScanner(Path rootFile, List<String> remoteAllowList, Map<String, Path> refMappings) {
    this.rootDirectory = rootFile.toAbsolutePath().normalize().getParent();
    this.remoteAllowList = remoteAllowList;
    this.refMappings = refMappings;
  }

  /** Files read, by normalized absolute path, in a stable order (for hashing). */
  Map<Path, JsonNode> documents() {
    return documents;
  }

  /** The bytes of every file read, by the same keys as {@link #documents()}. */
  Map<Path, byte[]> contents() {
    return contents;
  }

  /** Whether any $ref points outside its own file (another file, or an allowed URL). */
  boolean hasExternalRefs() {
    return externalRefs;
  }

  List<Diagnostic> errors() {
    return errors;
  }

  /** Reads {@code file} and everything it references; returns its tree, or null when it could not be read. */
  JsonNode scan(Path file) {
    Path normalized = file.toAbsolutePath().normalize();
    if (documents.containsKey(normalized)) {
      return documents.get(normalized); // read and walked already (files may reference each other in a cycle)
    }
    JsonNode root = readOnly(normalized);
    if (root != null) {
      checkReferences(file, root);
    }
    return root;
  }

  /**
   * Reads {@code file} without following its references (then call {@link #checkReferences}): the caller may
   * start work on the tree meanwhile. Returns null when it could not be read.
   */
  JsonNode readOnly(Path file) {
    Path normalized = file.toAbsolutePath().normalize();
    if (documents.containsKey(normalized)) {
      return documents.get(normalized);
    }
    JsonNode root = read(normalized);
    if (root != null) {
      documents.put(normalized, root);
    }
    return root;
  }

  /** Checks every {@code $ref} of a tree {@link #readOnly} returned, reading the files they point into. */
  void checkReferences(Path file, JsonNode root) {
    Path normalized = file.toAbsolutePath().normalize();
    walk(normalized, root, root, new StringBuilder());
  }

  private JsonNode read(Path file) {
    String name = displayName(file);
    try {
      byte[] bytes = Files.readAllBytes(file);
      contents.put(file, bytes);
      JsonNode tree = (looksLikeJson(bytes) ? JSON : YAML).readTree(bytes);
      if (tree == null || !tree.isObject()) {
        errors.add(Diagnostic.error(name, "", "not an OpenAPI document: expected a YAML or JSON object at the top"));
        return null;
      }
      return tree;
    } catch (NoSuchFileException e) {
      errors.add(Diagnostic.error(name, "", "file not found"));
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
      errors.add(Diagnostic.error(name, where, "syntax error: " + problemOf(e.getOriginalMessage())));
    } catch (IOException | RuntimeException e) {
      errors.add(Diagnostic.error(name, "", "cannot read: " + e.getMessage()));
    }
    return null;
  }

  /** JSON when the first character after a byte order mark and whitespace is an opening brace. */
  /**
   * A parser's message on one line. SnakeYAML's spans lines: a context, the problem, each followed by the place
   * again (" in 'reader', line 5, column 10:"), the line quoted and a caret; the place is in the location already.
   */
  static String problemOf(String message) {
    List<String> words = new ArrayList<>();
    boolean quoting = false;
    for (String line : message.lines().map(String::strip).toList()) {
      if (line.startsWith("in 'reader', line ")) {
        quoting = true; // the quoted line and its caret follow
      } else if (quoting) {
        quoting = !line.equals("^");
      } else if (!line.isEmpty()) {
        words.add(line);
      }
    }
    return words.isEmpty() ? message : String.join(", ", words);
  }

  static boolean looksLikeJson(byte[] bytes) {
    int i = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf
        ? 3 : 0;
    while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t')) {
      i++;
    }
    return i < bytes.length && bytes[i] == '{';
  }

  /** {@code location} is appended to and cut back on the way (no string per node: specs have millions). */
  private void walk(Path file, JsonNode document, JsonNode node, StringBuilder location) {
    int length = location.length();
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isTextual() && checked.add(file + "#" + ref.asText())) {
        check(file, document, ref.asText(), location.toString());
      }
      boolean underProperties = endsWith(location, "properties");
      boolean underExamples = location.indexOf("examples") >= 0;
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String key = field.getKey();
        if (!underProperties && (key.equals("example") || key.equals("value") && underExamples)) {
          continue; // example values are data: a "$ref" key inside one is not a reference
        }
        JsonNode value = field.getValue();
        if (value.isContainerNode()) {
          walk(file, document, value, (length == 0 ? location : location.append('.')).append(key));
          location.setLength(length);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        JsonNode item = node.get(i);
        if (item.isContainerNode()) {
          walk(file, document, item, location.append('[').append(i).append(']'));
          location.setLength(length);
        }
      }
    }
  }

  private static boolean endsWith(StringBuilder text, String suffix) {
    int start = text.length() - suffix.length();
    return start >= 0 && text.indexOf(suffix, start) == start;
  }

  private void check(Path file, JsonNode document, String ref, String location) {
    String name = displayName(file);
    String lower = ref.toLowerCase(Locale.ROOT);
    externalRefs |= !ref.startsWith("#");
    if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("//")) {
      if (MappedRefs.mappingOf(ref, refMappings) != null) {
        // the spec file's own mapped refs were rewritten before this check: this one is in a file it references
        errors.add(Diagnostic.error(name, location, "$ref " + Diagnostic.quote(ref)
            + " in a referenced file: refMappings apply to the spec file's own $refs (swagger-parser reads"
            + " referenced files itself). Reference the file relatively from " + name));
        return;
      }
      if (remoteAllowList.stream().noneMatch(ref::startsWith)) {
        String metaSchema = MetaSchemaRefs.isMetaSchema(ref) ? " (JSON Schema's meta-schemas are read offline only"
            + " in the spec's own file)" : "";
        errors.add(Diagnostic.error(name, location, "remote $ref " + Diagnostic.quote(ref)
            + " refused: loading it would make a network call" + metaSchema + ". Copy the file next to the spec and"
            + " reference it relatively, or allow its URL prefix in remoteRefAllowList"));
      }
      return;
    }
    int hash = ref.indexOf('#');
    String filePart = hash < 0 ? ref : ref.substring(0, hash);
    // A fragment is URI-encoded: '#/paths/~1users~1%7Bid%7D' points at the path '/users/{id}'.
    String pointer = hash < 0 ? "" : percentDecode(ref.substring(hash + 1));
    JsonNode target = document;
    if (!filePart.isEmpty()) {
      Path referenced = file.getParent().resolve(URLDecoder.decode(filePart, StandardCharsets.UTF_8)).normalize();
      if (!Files.isRegularFile(referenced)) {
        errors.add(Diagnostic.error(name, location, "$ref " + Diagnostic.quote(ref)
            + " points to a file that does not exist: " + displayName(referenced)));
        return;
      }
      target = scan(referenced);
      if (target == null) {
        return;
      }
    }
    if (!pointer.isEmpty() && target.at(pointer.startsWith("/") ? pointer : "/" + pointer).isMissingNode()) {
      errors.add(Diagnostic.error(name, location, "$ref " + Diagnostic.quote(ref) + " points to nothing: no element"
          + " at " + Diagnostic.quote(pointer) + (filePart.isEmpty() ? "" : " in " + filePart)
          + ". Fix the reference or add the element"));
    }
  }

  /** %XX sequences decoded as UTF-8; not URLDecoder, which would also turn '+' into a space. */
  private static String percentDecode(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < text.length(); ) {
      int high = i + 2 < text.length() && text.charAt(i) == '%' ? Character.digit(text.charAt(i + 1), 16) : -1;
      int low = high < 0 ? -1 : Character.digit(text.charAt(i + 2), 16);
      if (low >= 0) {
        bytes.write(high * 16 + low);
        i += 3;
      } else {
        int codePoint = text.codePointAt(i);
        bytes.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(codePoint);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** Paths relative to the root spec's directory, so messages stay short and machine-independent. */
  String displayName(Path file) {
    Path normalized = file.toAbsolutePath().normalize();
    if (rootDirectory != null && normalized.startsWith(rootDirectory)) {
      return rootDirectory.relativize(normalized).toString().replace('\\', '/');
    }
    return normalized.toString();
  }
}
