package io.promptmanager.server.analytics;

import io.promptmanager.core.analytics.Measures;

/**
 * Totals of a set of runs: {@code cost} is the exact sum (decimal string, USD) of the known
 * costs, {@code unknownCostRuns} the runs without one; latencies in milliseconds, null without runs.
 */
public record MeasuresDto(long runs, long successes, long errors, long promptTokens, long completionTokens,
                          long totalTokens, String cost, long unknownCostRuns, Long meanLatencyMs,
                          Long p95LatencyMs) {
    static MeasuresDto from(Measures m) {
        return new MeasuresDto(m.runs(), m.successes(), m.errors(), m.promptTokens(), m.completionTokens(),
                m.promptTokens() + m.completionTokens(), m.cost().toPlainString(), m.unknownCostRuns(),
                m.meanLatencyMs(), m.p95LatencyMs());
    }
}
