package dev.proxywasm.bench;

import java.util.Arrays;
import java.util.Locale;

/** Per-request durations, summarised. */
final class Stats {
    private final long[] nanos;
    private int count;

    Stats(int capacity) {
        nanos = new long[capacity];
    }

    void add(long duration) {
        nanos[count++] = duration;
    }

    String summary(long wallNanos) {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0) / 1000.0;
        double p50 = sorted[count / 2] / 1000.0;
        double p99 = sorted[(int) (count * 0.99)] / 1000.0;
        double perSecond = count / (wallNanos / 1e9);
        return String.format(Locale.ROOT, "%,10d requests  mean %7.1f µs  p50 %7.1f µs  p99 %7.1f µs  %,9.0f req/s",
                count, mean, p50, p99, perSecond);
    }
}
