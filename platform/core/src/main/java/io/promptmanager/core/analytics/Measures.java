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

    public static Measures of(RollupEntry run) {
        long[] histogram = new long[LatencyHistogram.BUCKETS];
        histogram[LatencyHistogram.bucketOf(run.latencyMs())] = 1;
        return new Measures(1, run.succeeded() ? 1 : 0, run.succeeded() ? 0 : 1, run.promptTokens(),
                run.completionTokens(), run.cost() == null ? BigDecimal.ZERO : run.cost(), run.cost() == null ? 1 : 0,
                run.latencyMs(), histogram);
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
