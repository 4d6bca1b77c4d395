package io.promptmanager.benchmarks;

import java.util.List;
import java.util.Map;

/** Everything one run measured, as written to benchmark-result.json. */
record Results(String mode, String startedAt, Double wallSeconds, Map<String, Object> machine,
               Map<String, Object> settings, String referenceGateway, List<Figure> figures,
               List<ArmTotals.ArmReport> arms, Correctness correctness, DatabaseActivity executionDatabaseActivity,
               Idle idle,
               List<MemoryUnderLoad.Report> memoryUnderLoad, Map<String, List<ThreadBreakdown.Row>> serverThreadsPerExecution,
               CachedFetch.Result cachedProduction, AnalyticsLoad.Result analytics, CommitProbe.Result commit,
               List<JfrProfile.Result> profiles, List<String> notes) {

    /**
     * What the execution arms cost the database, read from PostgreSQL's statistics over the whole
     * load phase (warm-ups included) minus the harness's own statements: transactions per stored
     * execution, and per table the scans and written rows per execution ({@code executions} scans
     * are the harness counting rows).
     */
    record DatabaseActivity(long executions, long transactions, Double transactionsPerExecution,
                            Map<String, String> perExecutionByTable) {
    }

    /** The server at rest after set-up, before any load. */
    record Idle(double usedHeapMiB, double committedHeapMiB, double maxHeapMiB, double residentMiB, Double cpuCores) {
    }

    /**
     * Prompt Manager's measured slices: every upstream call must have its row and every
     * successful response its row; a response wrk abandoned when a slice ended (at most one per
     * connection) has a row but no counted response.
     */
    record Correctness(long upstreamCalls, long successfulResponses, long executionRows, long errorResponses,
                       long socketErrors, long abandonedAtSliceEnds, long lostRows,
                       Map<String, long[]> otherArmsUpstreamCallsAndSuccesses) {
    }
}
