package io.codextestgen.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Maps items on every core, keeping their order: the largest first, each thread taking the next item when done.
 * Test classes differ in size a hundredfold, and a parallel stream splits a list into a few fixed chunks, which
 * left one core idle for much of the rendering of a large suite.
 */
final class Parallel {

  private Parallel() {}

  static <T, R> List<R> map(List<T> items, ToIntFunction<T> size, Function<T, R> work) {
    Integer[] order = new Integer[items.size()];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingInt((Integer i) -> size.applyAsInt(items.get(i))).reversed());
    Object[] results = new Object[items.size()];
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable worker = () -> {
      for (int i = next.getAndIncrement(); i < order.length && failure.get() == null; i = next.getAndIncrement()) {
        try {
          results[order[i]] = work.apply(items.get(order[i]));
        } catch (RuntimeException | Error e) {
          failure.compareAndSet(null, e);
        }
      }
    };
    List<ForkJoinTask<?>> helpers = new ArrayList<>();
    for (int h = Math.min(items.size() - 1, ForkJoinPool.getCommonPoolParallelism()); h > 0; h--) {
      helpers.add(ForkJoinPool.commonPool().submit(worker));
    }
    worker.run();
    helpers.forEach(ForkJoinTask::join);
    if (failure.get() instanceof RuntimeException e) {
      throw e;
    }
    if (failure.get() instanceof Error e) {
      throw e;
    }
    List<R> mapped = new ArrayList<>(results.length);
    for (Object result : results) {
      @SuppressWarnings("unchecked")
      R typed = (R) result;
      mapped.add(typed);
    }
    return mapped;
  }
}
