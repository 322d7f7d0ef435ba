package io.codextestgen.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.codextestgen.testing.GeneratedSuite;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every spelling JavaText chooses must compile and evaluate to the exact text: short and multi-line literals,
 * line-breaking characters, runs, and text far over javac's 65,535-byte limit for one constant, with thousands of
 * lines (which, joined with {@code +}, would overflow javac's stack).
 */
class JavaTextTest {

  @TempDir Path dir;

  /**
   * The rule that keeps one escaping path: no renderer uses JavaPoet's {@code $S} (it writes U+2028 and U+2029
   * raw, and then breaks the line inside the literal), not even for a constant, so that no spec text can take it.
   */
  @Test
  void noRendererUsesJavaPoetsStringPlaceholder() throws java.io.IOException {
    Path sources = Path.of("src/main/java/io/codextestgen/render");
    List<String> found = new ArrayList<>();
    try (var files = java.nio.file.Files.list(sources)) {
      for (Path file : files.sorted().toList()) {
        if (file.getFileName().toString().equals("JavaText.java")) {
          continue; // it names $S in its documentation
        }
        List<String> lines = java.nio.file.Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          if (lines.get(i).contains("$S")) {
            found.add(file.getFileName() + ":" + (i + 1) + ": " + lines.get(i).strip());
          }
        }
      }
    }
    assertThat(found).as("use JavaText.quoted or JavaText.literal with $L").isEmpty();
  }

  /** Written in place of JavaPoet's {@code $S} for speed: the generated source must not change by a byte. */
  @Test
  void quotedWritesWhatJavaPoetWrites() {
    List<String> texts = new ArrayList<>(List.of("", "plain", "it's \"quoted\"", "back\\slash", "tab\tform\fbs\bcr\r",
        "two\nlines\n", "\n", "\n\nblank lines\n\nbetween", "nul\u0000 del\u007f c1\u0085\u009f",
        "\u00e9\u4e00\ud83d\ude00",
        "$dollar $S $L", "trailing\n\n"));
    for (char c = 0; c < 0x100; c++) {
      texts.add("a" + c + "b");
    }
    for (String text : texts) {
      CodeBlock statement = CodeBlock.of("String s = $S;\n", text);
      String poet = JavaFile.builder("p", TypeSpec.classBuilder("C").addStaticBlock(statement).build())
          .indent(JavaText.INDENT).build().toString();
      String ours = JavaFile.builder("p", TypeSpec.classBuilder("C")
          .addStaticBlock(CodeBlock.of("String s = $L;\n", JavaText.quoted(text))).build())
          .indent(JavaText.INDENT).build().toString();
      assertThat(ours).as("%s", text).isEqualTo(poet);
    }
    assertThat(JavaText.quoted(null)).isEqualTo(CodeBlock.of("$S", (Object) null).toString());
  }

  @Test
  void literalsAndTextBlocksEvaluateToTheExactText() throws Exception {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      lines.append("line ").append(i).append(" \"quoted\" \\ tab\t end \n");
    }
    StringBuilder cjk = new StringBuilder();
    for (int i = 0; i < 40_000; i++) {
      cjk.append((char) ('\u4e00' + i % 2000));
    }
    List<String> texts = List.of(
        "",
        "plain",
        "two\nlines",
        "*/ \\u000a \"\"\" ${x} $L \u2028 next \u0085 \u2029",
        "\u2028starts with a line separator",
        "run " + "x".repeat(501) + " then " + "-".repeat(40) + "\n".repeat(30),
        "control \u0001 \u007f \r",
        "emoji \uD83D\uDE00".repeat(9000),
        lines.toString(),
        cjk.toString(),
        "{\n  \"s\": \"" + cjk + "\",\n  \"end\": \"   \"\n}\n",
        "no final newline\n" + cjk + "  ",
        "lone \uD800 surrogates \uDC00 and \\\uDBFF after a backslash",
        // javac 17 misreads a backslash-u run right after an escaped high surrogate: the source spells it apart
        "lone high \uD800" + "\\u0041 and \uDBFF" + "\\\\u000a before backslashes",
        "\uD83D\uDE00".repeat(JavaText.MAX_PART)); // a cut between two parts falls inside a pair

    TypeSpec.Builder type = TypeSpec.classBuilder("Texts").addModifiers(Modifier.PUBLIC);
    for (int i = 0; i < texts.size(); i++) {
      type.addMethod(method("literal" + i, JavaText.literal(texts.get(i))));
      if (texts.get(i).chars().noneMatch(c -> c == 0x85 || c == 0x2028 || c == 0x2029)) {
        type.addMethod(method("block" + i, JavaText.textBlock(texts.get(i))));
      }
    }
    String source = JavaText.escapeLoneSurrogates(JavaFile.builder("texts", type.build()).build().toString());
    List<RenderedFile> files = new ArrayList<>();
    files.add(new RenderedFile("texts/Texts.java", source));

    try (GeneratedSuite suite = GeneratedSuite.compile(files, dir)) {
      Class<?> texts2 = suite.loadClass("texts.Texts");
      for (int i = 0; i < texts.size(); i++) {
        assertThat(invoke(texts2, "literal" + i)).as("literal %d", i).isEqualTo(texts.get(i));
        if (hasMethod(texts2, "block" + i)) {
          assertThat(invoke(texts2, "block" + i)).as("text block %d", i).isEqualTo(texts.get(i));
        }
      }
    }
    assertThat(JavaText.literal(null)).hasToString("null");
  }

  private static MethodSpec method(String name, CodeBlock value) {
    return MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(String.class)
        .addStatement("return $L", value).build();
  }

  private static String invoke(Class<?> type, String name) throws Exception {
    Method method = type.getMethod(name);
    return (String) method.invoke(null);
  }

  private static boolean hasMethod(Class<?> type, String name) {
    try {
      type.getMethod(name);
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}
