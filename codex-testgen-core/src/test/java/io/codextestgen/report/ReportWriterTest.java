package io.codextestgen.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Spec text in the Markdown report: shown as written, never acted on by Markdown, never more than one line. */
class ReportWriterTest {

  @Test
  void codeSpansHoldAnyTextOnOneLine() {
    assertThat(ReportWriter.code("GET /books/{id}")).isEqualTo("`GET /books/{id}`");
    assertThat(ReportWriter.code("a`b")).isEqualTo("``a`b``");
    assertThat(ReportWriter.code("``x")).isEqualTo("``` ``x ```");
    assertThat(ReportWriter.code("a|b\nc\u2028d")).isEqualTo("`a|b c d`");
    assertThat(ReportWriter.code("a|b", true)).isEqualTo("`a\\|b`");
  }

  @Test
  void runningTextEscapesWhatMarkdownWouldActOn() {
    assertThat(ReportWriter.escape("[click](http://x) <b>*bold*</b> a_b | c\\d `e`\r\nnext"))
        .isEqualTo("\\[click\\](http://x) \\<b\\>\\*bold\\*\\</b\\> a\\_b \\| c\\\\d \\`e\\`  next");
    assertThat(ReportWriter.escape("listBooks")).isEqualTo("listBooks");
  }

  /** Which UTF-8 cannot write: the spec's JSON may hold one escaped. */
  @Test
  void loneSurrogatesBecomeEscapesInJsonAndReplacementsInMarkdown() {
    String text = "a\ud800b\ud83d\ude00c\udfff";
    assertThat(ReportWriter.replaceLoneSurrogates(text, true)).isEqualTo("a\\ud800b\ud83d\ude00c\\udfff");
    assertThat(ReportWriter.replaceLoneSurrogates(text, false)).isEqualTo("a\ufffdb\ud83d\ude00c\ufffd");
  }
}
