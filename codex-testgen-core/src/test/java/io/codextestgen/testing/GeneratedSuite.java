package io.codextestgen.testing;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.codextestgen.render.RenderedFile;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * A generated suite compiled with javax.tools against the test class path, then run with the JUnit Platform
 * launcher, the way a user's build would run it.
 */
public final class GeneratedSuite implements AutoCloseable {

  private final URLClassLoader loader;
  private final List<String> classNames;

  private GeneratedSuite(URLClassLoader loader, List<String> classNames) {
    this.loader = loader;
    this.classNames = classNames;
  }

  /** Compiles {@code files}; fails with javac's messages when they do not compile. */
  public static GeneratedSuite compile(List<RenderedFile> files, Path workDir) throws IOException {
    Path sources = workDir.resolve("src");
    Path classes = workDir.resolve("classes");
    Files.createDirectories(classes);
    List<File> sourceFiles = new ArrayList<>();
    List<String> classNames = new ArrayList<>();
    for (RenderedFile file : files) {
      Path target = sources.resolve(file.relativePath());
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.content(), StandardCharsets.UTF_8);
      sourceFiles.add(target.toFile());
      classNames.add(file.relativePath().replace('/', '.').replaceAll("\\.java$", ""));
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    StringWriter output = new StringWriter();
    try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      Iterable<? extends JavaFileObject> units = fileManager.getJavaFileObjectsFromFiles(sourceFiles);
      List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-d", classes.toString(),
          "--release", "17", "-Xlint:all", "-Werror", "-encoding", "UTF-8", "-proc:none");
      boolean ok = compiler.getTask(output, fileManager, null, options, null, units).call();
      if (!ok) {
        throw new AssertionError("generated sources do not compile:\n" + output);
      }
    }
    URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        GeneratedSuite.class.getClassLoader());
    return new GeneratedSuite(loader, classNames);
  }

  /** A compiled class, e.g. to call a generated helper directly. */
  public Class<?> loadClass(String name) throws ClassNotFoundException {
    return loader.loadClass(name);
  }

  /** Runs every test with the given system properties set; returns each test's outcome by method name. */
  public Map<String, Outcome> run(Map<String, String> systemProperties) {
    return run(systemProperties, null);
  }

  /**
   * Runs the tests tagged {@code tag} (all when null); outcomes by method name (rows: "method > row"). The triage
   * is printed and written only when {@code codex.triageFile} is among {@code systemProperties}.
   */
  public Map<String, Outcome> run(Map<String, String> systemProperties, String tag) {
    Properties saved = (Properties) System.getProperties().clone();
    Thread thread = Thread.currentThread();
    ClassLoader previousLoader = thread.getContextClassLoader();
    try {
      systemProperties.forEach(System::setProperty);
      if (!systemProperties.containsKey("codex.triageFile")) {
        System.setProperty("codex.triage", "off"); // a run that does not ask for the triage neither prints nor writes it
      }
      thread.setContextClassLoader(loader);
      List<ClassSelector> selectors = new ArrayList<>();
      for (String name : classNames) {
        selectors.add(selectClass(loader.loadClass(name)));
      }
      LauncherDiscoveryRequestBuilder builder = LauncherDiscoveryRequestBuilder.request().selectors(selectors);
      if (tag != null) {
        builder.filters(org.junit.platform.launcher.TagFilter.includeTags(tag));
      }
      LauncherDiscoveryRequest request = builder.build();
      Map<String, Outcome> outcomes = new LinkedHashMap<>();
      Launcher launcher = LauncherFactory.create();
      launcher.execute(request, new TestExecutionListener() {
        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
          String key = id.isTest() ? methodName(id) : id.getDisplayName();
          if (outcomes.containsKey(key)) {
            key = className(id) + "." + key; // the same method in several classes: the later ones say which
          }
          if (id.isTest() || result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            outcomes.put(key, new Outcome(id.getDisplayName(), result.getStatus() == TestExecutionResult.Status.SUCCESSFUL,
                result.getThrowable().map(GeneratedSuite::describe).orElse(""),
                result.getStatus() == TestExecutionResult.Status.ABORTED));
          }
        }
      });
      return outcomes;
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    } finally {
      thread.setContextClassLoader(previousLoader);
      System.setProperties(saved);
    }
  }

  /** The simple name of the class a test belongs to, from its unique id. */
  private static String className(TestIdentifier id) {
    String uniqueId = id.getUniqueId();
    int start = uniqueId.indexOf("[class:");
    if (start < 0) {
      return "";
    }
    String name = uniqueId.substring(start + "[class:".length(), uniqueId.indexOf(']', start));
    return name.substring(name.lastIndexOf('.') + 1);
  }

  /** The test method's name; a row of a parameterized test adds " > " and the row's display name. */
  private static String methodName(TestIdentifier id) {
    String uniqueId = id.getUniqueId();
    int method = uniqueId.lastIndexOf("[method:");
    int template = uniqueId.lastIndexOf("[test-template:");
    int start = Math.max(method, template);
    if (start < 0) {
      return id.getDisplayName();
    }
    int nameStart = uniqueId.indexOf(':', start) + 1;
    String name = uniqueId.substring(nameStart, uniqueId.indexOf('(', nameStart));
    // JUnit 6 quotes string arguments in display names; 5.x does not: compare without quotes.
    return uniqueId.contains("[test-template-invocation:") ? name + " > " + id.getDisplayName().replace("\"", "") : name;
  }

  private static String describe(Throwable throwable) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = throwable; t != null; t = t.getCause()) {
      text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append('\n');
    }
    return text.toString();
  }

  @Override
  public void close() throws IOException {
    loader.close();
  }

  /**
   * One test's result: display name, success, the failure's (or abort's) message chain, and whether the test was
   * aborted (a JUnit assumption: it could not judge) rather than failed.
   */
  public record Outcome(String displayName, boolean passed, String failure, boolean aborted) {

    /** Neither passed nor aborted: the test judged and found a fault. */
    public boolean failed() {
      return !passed && !aborted;
    }

    public Verdict verdict() {
      return passed ? Verdict.PASSED : aborted ? Verdict.ABORTED : Verdict.FAILED;
    }

    /**
     * The outcome of {@code test} among {@code outcomes}, asserted to have concluded {@code verdict} with a message
     * holding {@code message}.
     */
    /** The tests that judged and failed, by name, with their failure messages (aborted ones are not there). */
    public static Map<String, String> failures(Map<String, Outcome> outcomes) {
      Map<String, String> failed = new java.util.TreeMap<>();
      outcomes.forEach((name, outcome) -> {
        if (outcome.failed()) {
          failed.put(name, outcome.failure());
        }
      });
      return failed;
    }

    public static Outcome assertVerdict(Map<String, Outcome> outcomes, String test, Verdict verdict, String message) {
      Outcome outcome = outcomes.get(test);
      org.assertj.core.api.Assertions.assertThat(outcome).as("%s ran; these did: %s", test, outcomes.keySet())
          .isNotNull();
      org.assertj.core.api.Assertions.assertThat(outcome.verdict()).as(outcome.failure()).isEqualTo(verdict);
      org.assertj.core.api.Assertions.assertThat(outcome.failure()).contains(message);
      return outcome;
    }
  }

  /** What a test concluded: passed, failed (it judged and found a fault), or aborted (it could not judge). */
  public enum Verdict { PASSED, FAILED, ABORTED }
}
