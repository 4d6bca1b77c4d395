package io.promptmanager.benchmarks;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Counters read before and after a slice: upstream calls, stored executions, CPU of the arm's
 * process, of the product's PostgreSQL backends (per backend, since connections may come and
 * go) and of the harness (which hosts the fake upstream).
 */
record Counters(long upstreamCalls, long rows, long processCpuNanos, Map<Long, Long> backendCpuNanos,
                long harnessCpuNanos) {
    private static final long HARNESS_PID = ProcessHandle.current().pid();
    private static final Duration QUIET = Duration.ofMillis(200);
    private static final Duration QUIET_TIMEOUT = Duration.ofSeconds(15);

    static Counters read(FakeUpstream upstream, BenchDatabase database, Arm arm) {
        Map<Long, Long> backends = new HashMap<>();
        long rows = 0;
        if (arm.recordsExecutions()) {
            rows = database.executions();
            for (long pid : database.productBackends()) {
                backends.put(pid, ProcStat.cpuNanos(pid));
            }
        }
        return new Counters(upstream.completions(), rows, arm.pid() > 0 ? ProcStat.cpuNanos(arm.pid()) : 0,
                backends, ProcStat.cpuNanos(HARNESS_PID));
    }

    /**
     * Waits until requests wrk abandoned at the end of a slice have finished: the upstream count
     * stops moving and, for Prompt Manager, every upstream call has its stored row.
     */
    static void awaitQuiet(FakeUpstream upstream, BenchDatabase database, Arm arm, Counters before) {
        long deadline = System.nanoTime() + QUIET_TIMEOUT.toNanos();
        long seen = upstream.completions();
        while (System.nanoTime() < deadline) {
            Product.sleep(QUIET);
            long now = upstream.completions();
            boolean stable = now == seen;
            seen = now;
            if (stable && (!arm.recordsExecutions() || database.executions() - before.rows() == now - before.upstreamCalls())) {
                return;
            }
        }
    }

    long upstreamSince(Counters before) {
        return upstreamCalls - before.upstreamCalls;
    }

    long rowsSince(Counters before) {
        return rows - before.rows;
    }

    long processCpuSince(Counters before) {
        return processCpuNanos - before.processCpuNanos;
    }

    long harnessCpuSince(Counters before) {
        return harnessCpuNanos - before.harnessCpuNanos;
    }

    /** Backend CPU used since {@code before}; a backend opened meanwhile counts from zero. */
    long backendCpuSince(Counters before) {
        long total = 0;
        for (Map.Entry<Long, Long> backend : backendCpuNanos.entrySet()) {
            total += backend.getValue() - before.backendCpuNanos.getOrDefault(backend.getKey(), 0L);
        }
        return total;
    }
}
