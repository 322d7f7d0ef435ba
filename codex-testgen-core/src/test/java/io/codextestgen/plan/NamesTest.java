package io.codextestgen.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import io.codextestgen.testing.RandomTexts;
import org.junit.jupiter.api.Test;

/** Names are split into words by a plain loop for speed; it must split exactly as the rule it implements. */
class NamesTest {

  @Test
  void splitsOnNonAlphanumericsAndCamelHumps() {
    assertThat(Names.words("getHTTPResponse_v2Code")).containsExactly("get", "HTTPResponse", "v2", "Code");
    assertThat(Names.words("/orgs/{org}/codespaces")).containsExactly("orgs", "org", "codespaces");
    assertThat(Names.words("Täg naïve")).containsExactly("Tag", "naive");
    assertThat(Names.words("")).isEmpty();
    assertThat(Names.words(null)).isEmpty();
    assertThat(Names.upperCamel("42 answers", "Api")).isEqualTo("Api42Answers");
  }

  @Test
  void constantsAreValidNamesWhateverTheTextStartsWith() {
    assertThat(Names.constant("createBook", "REQUEST")).isEqualTo("CREATE_BOOK");
    assertThat(Names.constant("2. Send payments public", "REQUEST")).isEqualTo("REQUEST_2_SEND_PAYMENTS_PUBLIC");
    assertThat(Names.constant("---", "REQUEST")).isEqualTo("REQUEST");
  }

  @Test
  void agreesWithTheRegularExpressionsItReplaces() {
    for (String text : RandomTexts.of("aZz09-_ /{}.AéÉßü\u0301\u4e00\ud83d\ude00", 7, 20_000)) {
      assertThat(Names.words(text)).as("%s", text).isEqualTo(byRegex(text));
    }
  }

  private static List<String> byRegex(String text) {
    List<String> words = new ArrayList<>();
    String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    for (String part : ascii.split("[^A-Za-z0-9]+")) {
      for (String word : part.split("(?<=[a-z0-9])(?=[A-Z])")) {
        if (!word.isEmpty()) {
          words.add(word);
        }
      }
    }
    return words;
  }
}
