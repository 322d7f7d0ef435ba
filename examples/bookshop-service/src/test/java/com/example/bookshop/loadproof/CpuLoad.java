package com.example.bookshop.loadproof;

/**
 * Keeps {@code threads} cores busy for at most {@code maxSeconds}, then exits: the other process of
 * {@link RateLimitUnderLoad}, which normally stops it long before.
 */
public final class CpuLoad {

  private CpuLoad() {}

  public static void main(String[] args) throws InterruptedException {
    int threads = Integer.parseInt(args[0]);
    long deadline = System.nanoTime() + Long.parseLong(args[1]) * 1_000_000_000L;
    for (int i = 0; i < threads; i++) {
      Thread spinner = new Thread(() -> {
        long x = 0;
        while (System.nanoTime() < deadline) {
          x = x * 6364136223846793005L + 1442695040888963407L;
        }
        if (x == 42) {
          System.out.println("unlikely");
        }
      });
      spinner.start();
    }
    Thread.sleep(Math.max(0, (deadline - System.nanoTime()) / 1_000_000));
  }
}
