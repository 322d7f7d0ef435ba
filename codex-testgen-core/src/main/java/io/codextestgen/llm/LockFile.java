package io.codextestgen.llm;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.codextestgen.diag.Diagnostic;
import io.codextestgen.diag.GenerationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The committed record of the model's answers, keyed by a hash of everything that decides an answer (model,
 * prompt version, prompt, schema, parameters). Sorted, LF, written atomically: a build replays it offline.
 */
final class LockFile {

  /** One kept answer: which model, for which operation, and its raw content. */
  record Entry(String model, String operation, String content) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final Map<String, Entry> entries = new TreeMap<>();
  private final Set<String> used = new TreeSet<>();

  private LockFile(Path file) {
    this.file = file;
  }

  static LockFile read(Path file) {
    LockFile lock = new LockFile(file);
    if (!Files.isRegularFile(file)) {
      return lock;
    }
    try {
      JsonNode root = JSON.readTree(file.toFile());
      root.path("entries").fields().forEachRemaining(e -> lock.entries.put(e.getKey(), new Entry(
          e.getValue().path("model").asText(), e.getValue().path("operation").asText(),
          e.getValue().path("content").asText())));
      return lock;
    } catch (IOException e) {
      throw new GenerationException(Diagnostic.error(file.getFileName().toString(), "",
          "the LLM lock file cannot be read: " + e.getMessage() + ". Restore it from version control or record it"
              + " again (llmMode record)"));
    }
  }

  Entry get(String key) {
    Entry entry = entries.get(key);
    if (entry != null) {
      used.add(key);
    }
    return entry;
  }

  void put(String key, Entry entry) {
    entries.put(key, entry);
    used.add(key);
  }

  /** Writes the used entries only (answers to prompts no longer asked are pruned), atomically. */
  void writePruned() {
    ObjectNode root = JSON.createObjectNode().put("version", 1);
    ObjectNode out = root.putObject("entries");
    for (String key : used) {
      Entry entry = entries.get(key);
      out.putObject(key).put("model", entry.model()).put("operation", entry.operation())
          .put("content", entry.content());
    }
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      // Not Files.createTempFile: its owner-only permissions would carry over to the committed file.
      Path temp = file.toAbsolutePath().resolveSibling("." + file.getFileName() + "." + java.util.UUID.randomUUID()
          + ".tmp");
      Files.writeString(temp, JSON.writer(new DefaultPrettyPrinter().withObjectIndenter(indenter)
          .withArrayIndenter(indenter)).writeValueAsString(root) + "\n", StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new GenerationException(Diagnostic.error(file.getFileName().toString(), "",
          "cannot write the LLM lock file: " + e.getMessage()));
    }
  }
}
