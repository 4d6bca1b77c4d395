package io.promptmanager.benchmarks;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/prompts/{name}/production} with an API key, the call applications make
 * before every model call: requests per second, server CPU per request, and what reached the
 * database meanwhile. That is counted from PostgreSQL's per-table statistics (index and
 * sequential scans, rows written), which only statements touching tables move — exact, unlike
 * the database's transaction counter, which autovacuum workers and new connections also move.
 * Each reading follows a settle, so every backend has published its counts.
 */
final class CachedFetch {
    private final BenchmarkSettings settings;
    private final Wrk wrk;
    private final BenchDatabase database;
    private final Product product;

    CachedFetch(BenchmarkSettings settings, Wrk wrk, BenchDatabase database, Product product) {
        this.settings = settings;
        this.wrk = wrk;
        this.database = database;
        this.product = product;
    }

    record Result(int connections, long requests, Double seconds, Double requestsPerSecond, Double p50Ms,
                  Double p99Ms, long errorStatusResponses, long socketErrors, Double serverCpuMicrosPerRequest,
                  Double serverCores, long tableTouches, long lastUseWrites, long graceSweeps, long databaseTransactions,
                  long databaseBackendCpuMicros,
                  Double measuredWindowSeconds, Map<String, String> tableActivity,
                  List<ThreadBreakdown.Row> serverThreads) {
    }

    Result run(String apiKey) {
        Wrk.Request request = Wrk.Request.get(product.baseUrl() + Provisioning.productionPath(),
                Map.of("Authorization", "Bearer " + apiKey));
        int connections = settings.cachedConnections();
        wrk.run(request, connections, settings.warmup());
        Product.sleep(settings.settle());

        long windowStart = System.nanoTime();
        long statementsBefore = database.statements();
        long transactionsBefore = database.transactions();
        Map<String, long[]> tablesBefore = database.tableActivity();
        List<Long> backends = database.productBackends();
        long backendCpuBefore = ProcStat.cpuNanos(backends);
        long cpuBefore = ProcStat.cpuNanos(product.pid());
        Map<Long, ThreadCpu.Usage> threadsBefore = ThreadCpu.snapshot(product.pid());
        long requests = 0;
        long statusErrors = 0;
        long socketErrors = 0;
        double seconds = 0;
        Latencies latencies = new Latencies();
        for (int round = 0; round < settings.rounds(); round++) {
            SliceResult slice = wrk.run(request, connections, settings.slice());
            latencies.add(slice);
            requests += slice.requests();
            statusErrors += slice.statusErrors();
            socketErrors += slice.socketErrors();
            seconds += slice.seconds();
        }
        long cpu = ProcStat.cpuNanos(product.pid()) - cpuBefore;
        long backendCpu = ProcStat.cpuNanos(backends) - backendCpuBefore;
        ThreadBreakdown threads = new ThreadBreakdown();
        threads.add(threadsBefore, ThreadCpu.snapshot(product.pid()), requests);
        Product.sleep(settings.settle());
        // The harness's own statements of the first reading are in the counts by now (the settle); remove them.
        long harnessStatements = database.statements() - statementsBefore;
        long transactions = database.transactions() - transactionsBefore - harnessStatements;
        Map<String, long[]> tablesAfter = database.tableActivity();
        Map<String, String> tables = BenchDatabase.activitySince(tablesBefore, tablesAfter, 1);
        double window = (System.nanoTime() - windowStart) / 1e9;
        return new Result(connections, requests, ArmTotals.round(seconds, 2), ArmTotals.round(requests / seconds, 1),
                ArmTotals.round(latencies.millis(50), 3), ArmTotals.round(latencies.millis(99), 3), statusErrors,
                socketErrors, ArmTotals.round(cpu / 1000.0 / requests, 2), ArmTotals.round(cpu / 1e9 / seconds, 2),
                BenchDatabase.touchesSince(tablesBefore, tablesAfter), lastUseWrites(tablesBefore, tablesAfter),
                graceSweeps(tablesBefore, tablesAfter), transactions, backendCpu / 1000, ArmTotals.round(window, 1), tables, threads.rows());
    }

    /**
     * Rows of {@code api_keys} written in the window: only the product's last-use writer writes
     * them while serving (one statement a minute, off the request path), each write one index
     * scan and one row.
     */
    private static long lastUseWrites(Map<String, long[]> before, Map<String, long[]> after) {
        return BenchDatabase.change(before, after, "api_keys", BenchDatabase.ROWS_WRITTEN);
    }

    /**
     * Scans of {@code billing_subscriptions} in the window: only the billing grace sweep reads it
     * (a timer, once a minute, whatever the traffic), never a fetch.
     */
    private static long graceSweeps(Map<String, long[]> before, Map<String, long[]> after) {
        return BenchDatabase.change(before, after, "billing_subscriptions", BenchDatabase.SCANS);
    }
}
