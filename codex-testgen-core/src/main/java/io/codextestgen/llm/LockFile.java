package io.codextestgen.llm;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.codextestgen.diag.Diagnostic;
import io.codextestgen.diag.GenerationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The committed record of the model's answers, keyed by a hash of everything that decides an answer (model,
 * prompt version, prompt, schema, parameters). Sorted, LF: a build replays it offline. Read
 * here; written by the emit stage with the sources.
 */
final class LockFile {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final Map<String, ModelAnswers.Recorded> entries = new TreeMap<>();
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
      root.path("entries").fields().forEachRemaining(e -> lock.entries.put(e.getKey(), new ModelAnswers.Recorded(
          e.getValue().path("model").asText(), e.getValue().path("operation").asText(),
          e.getValue().path("content").asText())));
      return lock;
    } catch (IOException e) {
      throw new GenerationException(Diagnostic.error(file.getFileName().toString(), "",
          "the LLM lock file cannot be read: " + e.getMessage() + ". Restore it from version control or record it"
              + " again (llmMode record)"));
    }
  }

  ModelAnswers.Recorded get(String key) {
    ModelAnswers.Recorded entry = entries.get(key);
    if (entry != null) {
      used.add(key);
    }
    return entry;
  }

  void put(String key, ModelAnswers.Recorded entry) {
    entries.put(key, entry);
    used.add(key);
  }

  /** The used entries only (answers to prompts no longer asked are pruned), sorted, indented, LF. */
  String prunedContent() {
    ObjectNode root = JSON.createObjectNode().put("version", 1);
    ObjectNode out = root.putObject("entries");
    for (String key : used) {
      ModelAnswers.Recorded entry = entries.get(key);
      out.putObject(key).put("model", entry.model()).put("operation", entry.operation())
          .put("content", entry.content());
    }
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    try {
      return JSON.writer(new DefaultPrettyPrinter().withObjectIndenter(indenter).withArrayIndenter(indenter))
          .writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
