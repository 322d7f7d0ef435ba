package io.codextestgen.emit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What the last generation was made from and what it wrote, kept in a state file so that an unchanged rerun does
 * no work: same generator, same configuration, same spec files, same output files (by hash).
 */
public record GenerationState(
    String generator,
    String config,
    Map<String, String> specFiles,
    Map<String, String> outputs,
    int testClasses,
    int testCases,
    Map<String, Integer> testsByFamily) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public GenerationState {
    specFiles = new TreeMap<>(specFiles);
    outputs = new TreeMap<>(outputs);
    testsByFamily = new TreeMap<>(testsByFamily);
  }

  /** The state after a generation from {@code specFiles} that left {@code outputs} (relative paths) on disk. */
  public static GenerationState of(String config, List<Path> specFiles, Path outputDirectory, List<String> outputs,
      int testClasses, int testCases, Map<String, Integer> testsByFamily) {
    Map<String, String> specs = new TreeMap<>();
    specFiles.forEach(file -> specs.put(file.toAbsolutePath().normalize().toString(), hashOf(file)));
    Map<String, String> files = new TreeMap<>();
    outputs.forEach(path -> files.put(path, hashOf(outputDirectory.resolve(path))));
    return new GenerationState(generatorVersion(), config, specs, files, testClasses, testCases, testsByFamily);
  }

  /** True when nothing that decides the output changed since this state was written. */
  public boolean stillCurrent(String currentConfig, Path outputDirectory) {
    if (!generator.equals(generatorVersion()) || !config.equals(currentConfig)) {
      return false;
    }
    for (Map.Entry<String, String> spec : specFiles.entrySet()) {
      if (!spec.getValue().equals(hashOf(Path.of(spec.getKey())))) {
        return false;
      }
    }
    for (Map.Entry<String, String> output : outputs.entrySet()) {
      if (!output.getValue().equals(hashOf(outputDirectory.resolve(output.getKey())))) {
        return false;
      }
    }
    return true;
  }

  public static GenerationState read(Path file) {
    try {
      return Files.isRegularFile(file) ? JSON.readValue(file.toFile(), GenerationState.class) : null;
    } catch (IOException e) {
      return null; // unreadable state: just generate
    }
  }

  public void write(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      JSON.writeValue(file.toFile(), this);
    } catch (IOException e) {
      // the fast path is an optimization: failing to record it must not fail generation
    }
  }

  private static String hashOf(Path file) {
    if (!Files.isRegularFile(file)) {
      return "missing";
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException | NoSuchAlgorithmException e) {
      return "unreadable";
    }
  }

  /** The released version; for snapshots also the build of the jar, so a rebuilt generator regenerates. */
  static String generatorVersion() {
    String version = "unknown";
    try (InputStream in = GenerationState.class.getResourceAsStream(
        "/META-INF/maven/io.codextestgen/codex-testgen-core/pom.properties")) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        version = properties.getProperty("version", version);
      }
    } catch (IOException e) {
      // fall through: treated like a snapshot
    }
    if (!version.equals("unknown") && !version.endsWith("-SNAPSHOT")) {
      return version;
    }
    CodeSource source = GenerationState.class.getProtectionDomain().getCodeSource();
    try {
      return version + "@" + fingerprint(Path.of(source.getLocation().toURI()));
    } catch (Exception e) {
      return version + "@" + System.nanoTime(); // no way to tell: never reuse
    }
  }

  /**
   * Size and time of the generator's jar; of every file when it runs from a directory (a reactor build uses
   * target/classes, whose own time does not change when a class in it is recompiled).
   */
  static String fingerprint(Path location) throws IOException {
    if (!Files.isDirectory(location)) {
      return Files.size(location) + ":" + Files.getLastModifiedTime(location).toMillis();
    }
    long count = 0;
    long size = 0;
    long newest = 0;
    try (java.util.stream.Stream<Path> files = Files.walk(location)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        count++;
        size += Files.size(file);
        newest = Math.max(newest, Files.getLastModifiedTime(file).toMillis());
      }
    }
    return "classes:" + count + ":" + size + ":" + newest;
  }
}
