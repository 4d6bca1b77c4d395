package io.promptmanager.core.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fixed latency buckets, so percentiles can be added up across rollup rows: 1–9 ms one by one,
 * then the E12 series (10, 12, 15, 18, 22, 27, 33, 39, 47, 56, 68, 82 × 10ⁿ) up to 1,000,000 ms,
 * then one overflow bucket. Neighbouring bounds differ by at most 25 % from 10 ms on, which is
 * the precision of a percentile read from them. The stored arrays depend on these bounds:
 * changing them needs a migration of {@code execution_rollups.latency_histogram}.
 */
public final class LatencyHistogram {
    private static final long[] E12 = {10, 12, 15, 18, 22, 27, 33, 39, 47, 56, 68, 82};
    private static final long[] UPPER_BOUNDS_MS = bounds();
    /** Number of buckets, overflow included. */
    public static final int BUCKETS = UPPER_BOUNDS_MS.length + 1;

    private LatencyHistogram() {
    }

    /** The bucket of a latency: the first whose upper bound is at least it, else the overflow bucket. */
    public static int bucketOf(long latencyMs) {
        int index = Arrays.binarySearch(UPPER_BOUNDS_MS, Math.max(0, latencyMs));
        return index >= 0 ? index : -index - 1;
    }

    /**
     * The {@code quantile} (0–1) of the counted latencies, interpolated linearly inside its bucket;
     * null when nothing was counted. In the overflow bucket the answer is its lower bound.
     */
    public static Long percentile(long[] counts, double quantile) {
        long total = Arrays.stream(counts).sum();
        if (total == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(quantile * total));
        long before = 0;
        for (int i = 0; i < counts.length; i++) {
            if (before + counts[i] >= rank) {
                long lower = i == 0 ? 0 : UPPER_BOUNDS_MS[i - 1];
                long upper = i < UPPER_BOUNDS_MS.length ? UPPER_BOUNDS_MS[i] : lower;
                return lower + Math.round((double) (upper - lower) * (rank - before) / counts[i]);
            }
            before += counts[i];
        }
        throw new IllegalStateException("unreachable: the rank is within the total");
    }

    /**
     * The bounds for PostgreSQL's {@code width_bucket(latency_ms, thresholds)}, which then answers
     * {@link #bucketOf} for any latency of at least 0 ms: the count of thresholds at or below a
     * whole number of ms is the count of upper bounds below it.
     */
    public static long[] widthBucketThresholds() {
        long[] thresholds = new long[UPPER_BOUNDS_MS.length];
        for (int i = 0; i < thresholds.length; i++) {
            thresholds[i] = UPPER_BOUNDS_MS[i] + 1;
        }
        return thresholds;
    }

    /** The upper bound of a bucket in ms; the overflow bucket has none (Long.MAX_VALUE). */
    public static long upperBound(int bucket) {
        return bucket < UPPER_BOUNDS_MS.length ? UPPER_BOUNDS_MS[bucket] : Long.MAX_VALUE;
    }

    private static long[] bounds() {
        List<Long> bounds = new ArrayList<>();
        for (long ms = 1; ms <= 9; ms++) {
            bounds.add(ms);
        }
        for (long scale = 1; scale <= 10_000; scale *= 10) {
            for (long value : E12) {
                bounds.add(value * scale);
            }
        }
        bounds.add(1_000_000L);
        return bounds.stream().mapToLong(Long::longValue).toArray();
    }
}
