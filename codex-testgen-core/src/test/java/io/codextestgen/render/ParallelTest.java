package io.codextestgen.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelTest {

  @Test
  void keepsTheOrderOfTheItemsWhateverTheirSize() {
    List<Integer> items = IntStream.range(0, 500).boxed().toList();
    List<String> mapped = Parallel.map(items, i -> i % 7 * 1000 + i, i -> "#" + i);
    assertThat(mapped).isEqualTo(items.stream().map(i -> "#" + i).toList());
    assertThat(Parallel.map(List.<Integer>of(), i -> i, i -> i)).isEmpty();
  }

  @Test
  void aFailureOnAnyThreadReachesTheCaller() {
    List<Integer> items = IntStream.range(0, 100).boxed().toList();
    assertThatThrownBy(() -> Parallel.map(items, i -> i, i -> {
      if (i == 42) {
        throw new IllegalStateException("item 42");
      }
      return i;
    })).isInstanceOf(IllegalStateException.class).hasMessage("item 42");
  }
}
