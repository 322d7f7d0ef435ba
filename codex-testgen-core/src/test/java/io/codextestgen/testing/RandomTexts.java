package io.codextestgen.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random strings over an alphabet, to check a plain loop against the regular expressions it replaces. */
public final class RandomTexts {

  private RandomTexts() {}

  /** {@code count} strings of 0 to 11 characters drawn from {@code alphabet}, the same for the same seed. */
  public static List<String> of(String alphabet, long seed, int count) {
    Random random = new Random(seed);
    List<String> texts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      StringBuilder text = new StringBuilder();
      for (int length = random.nextInt(12); length > 0; length--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      texts.add(text.toString());
    }
    return texts;
  }
}
