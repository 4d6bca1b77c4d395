package io.promptmanager.core.analytics;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Additive totals of a set of runs. {@code cost} is the exact sum of the known costs;
 * {@code unknownCostRuns} counts the runs whose cost is unknown.
 */
public record Measures(long runs, long successes, long errors, long promptTokens, long completionTokens,
                       BigDecimal cost, long unknownCostRuns, long latencyMsSum, long[] latencyHistogram) {
    public static final Measures NONE = new Measures(0, 0, 0, 0, 0, BigDecimal.ZERO, 0, 0,
            new long[LatencyHistogram.BUCKETS]);

    /**
     * The totals of {@code runs} runs that all succeeded or all failed and whose latencies all
     * fall in one histogram bucket; {@code cost} is the sum of their costs, or null when their
     * cost is unknown.
     */
    public static Measures ofRuns(long runs, boolean succeeded, long promptTokens, long completionTokens,
                                  BigDecimal cost, long latencyMsSum, int latencyBucket) {
        long[] histogram = new long[LatencyHistogram.BUCKETS];
        histogram[latencyBucket] = runs;
        return new Measures(runs, succeeded ? runs : 0, succeeded ? 0 : runs, promptTokens, completionTokens,
                cost == null ? BigDecimal.ZERO : cost, cost == null ? runs : 0, latencyMsSum, histogram);
    }

    public Measures plus(Measures other) {
        long[] histogram = new long[LatencyHistogram.BUCKETS];
        for (int i = 0; i < histogram.length; i++) {
            histogram[i] = latencyHistogram[i] + other.latencyHistogram[i];
        }
        return new Measures(runs + other.runs, successes + other.successes, errors + other.errors,
                promptTokens + other.promptTokens, completionTokens + other.completionTokens, cost.add(other.cost),
                unknownCostRuns + other.unknownCostRuns, latencyMsSum + other.latencyMsSum, histogram);
    }

    /** Mean latency in whole milliseconds (rounded), or null without runs. */
    public Long meanLatencyMs() {
        return runs == 0 ? null : Math.round((double) latencyMsSum / runs);
    }

    /** The 95th percentile latency in milliseconds from the histogram, or null without runs. */
    public Long p95LatencyMs() {
        return LatencyHistogram.percentile(latencyHistogram, 0.95);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Measures m && runs == m.runs && successes == m.successes && errors == m.errors
                && promptTokens == m.promptTokens && completionTokens == m.completionTokens
                && cost.compareTo(m.cost) == 0 && unknownCostRuns == m.unknownCostRuns
                && latencyMsSum == m.latencyMsSum && Arrays.equals(latencyHistogram, m.latencyHistogram);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(runs) * 31 + Arrays.hashCode(latencyHistogram);
    }

    @Override
    public String toString() {
        return "Measures[runs=" + runs + ", successes=" + successes + ", errors=" + errors + ", promptTokens="
                + promptTokens + ", completionTokens=" + completionTokens + ", cost=" + cost + ", unknownCostRuns="
                + unknownCostRuns + ", latencyMsSum=" + latencyMsSum + "]";
    }
}
