package org.foiflow.bench;

import java.util.Arrays;

/** Timings of one repeated operation, in nanoseconds; percentiles by the nearest-rank method. */
final class Latencies {

  private long[] samples = new long[256];
  private int size;

  void add(long nanos) {
    if (size == samples.length) {
      samples = Arrays.copyOf(samples, size * 2);
    }
    samples[size++] = nanos;
  }

  int count() {
    return size;
  }

  double percentileMillis(double percentile) {
    long[] sorted = Arrays.copyOf(samples, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(percentile / 100.0 * size);
    return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
  }

  double meanMillis() {
    long sum = 0;
    for (int i = 0; i < size; i++) {
      sum += samples[i];
    }
    return size == 0 ? 0 : sum / 1e6 / size;
  }
}
