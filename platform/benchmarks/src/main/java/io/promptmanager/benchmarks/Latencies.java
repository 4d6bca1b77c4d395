package io.promptmanager.benchmarks;

import org.HdrHistogram.Histogram;

/**
 * The latency distribution of one arm over all its slices. Each slice contributes its evenly
 * spaced quantiles, each weighted by its share of the slice's requests, so a slice with twice the
 * requests weighs twice as much; percentiles are then read from the merged histogram.
 */
final class Latencies {
    private static final long HIGHEST_MICROS = 3_600_000_000L;

    private final Histogram histogram = new Histogram(HIGHEST_MICROS, 3);

    void add(SliceResult slice) {
        long[] quantiles = slice.latencyQuantilesMicros();
        long n = slice.requests();
        if (n == 0 || quantiles.length == 0) {
            return;
        }
        int k = quantiles.length;
        for (int i = 0; i < k; i++) {
            long weight = (i + 1) * n / k - i * n / k;
            if (weight > 0) {
                histogram.recordValueWithCount(Math.clamp(quantiles[i], 1, HIGHEST_MICROS), weight);
            }
        }
    }

    boolean isEmpty() {
        return histogram.getTotalCount() == 0;
    }

    /** The percentile (0–100) in milliseconds; NaN when nothing was recorded. */
    double millis(double percentile) {
        return isEmpty() ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}
