package io.promptmanager.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The published figures and their targets (issue 8), each with the reason of a miss stated from
 * the other measurements of the same run.
 */
final class Figures {
    static final double ADDED_P50_MS = 0.5;
    static final double VS_PORTKEY_AT_64 = 6;
    static final double VS_DIRECT_AT_64 = 0.15;
    static final double CPU_PER_EXECUTION_MICROS = 150;
    static final double HEAP_MIB = 256;
    static final double GC_PERCENT = 3;
    static final double CACHED_RPS = 40_000;
    static final double CACHED_CPU_MICROS = 25;
    static final double ANALYTICS_MS = 200;

    private final Map<Integer, Map<String, ArmTotals>> load;
    private final Map<Integer, MemoryUnderLoad> memory;
    private final Results.Idle idle;
    private final Results.Correctness correctness;
    private final Results.DatabaseActivity activity;
    private final CachedFetch.Result cached;
    private final AnalyticsLoad.Result analytics;
    private final CommitProbe.Result commit;
    private final List<JfrProfile.Result> profiles;
    private final Map<Integer, ThreadBreakdown> threads;
    private final int most;

    Figures(Map<Integer, Map<String, ArmTotals>> load, Map<Integer, MemoryUnderLoad> memory,
            Map<Integer, ThreadBreakdown> threads, Results.Idle idle, Results.Correctness correctness,
            Results.DatabaseActivity activity, CachedFetch.Result cached, AnalyticsLoad.Result analytics, CommitProbe.Result commit,
            List<JfrProfile.Result> profiles) {
        this.load = load;
        this.threads = threads;
        this.memory = memory;
        this.idle = idle;
        this.correctness = correctness;
        this.activity = activity;
        this.cached = cached;
        this.analytics = analytics;
        this.commit = commit;
        this.profiles = profiles;
        this.most = load.keySet().stream().mapToInt(Integer::intValue).max().orElseThrow();
    }

    List<Figure> all() {
        List<Figure> figures = new ArrayList<>();
        ArmTotals pm1 = arm(1, Arm.PROMPT_MANAGER);
        ArmTotals direct1 = arm(1, Arm.DIRECT);
        double addedP50 = pm1.latencies().millis(50) - direct1.latencies().millis(50);
        figures.add(Figure.atMost("latency.addedP50.c1", "Added latency over direct, p50, 1 connection", addedP50, "ms",
                ADDED_P50_MS, addedLatencyWhy(pm1, direct1)));
        figures.add(Figure.info("latency.addedP99.c1", "Added latency over direct, p99, 1 connection",
                pm1.latencies().millis(99) - direct1.latencies().millis(99), "ms"));
        for (int connections : load.keySet()) {
            if (connections == 1) {
                continue;
            }
            ArmTotals pm = arm(connections, Arm.PROMPT_MANAGER);
            double vsPortkey = pm.requestsPerSecond() / arm(connections, Arm.PORTKEY).requestsPerSecond();
            double vsDirect = pm.requestsPerSecond() / arm(connections, Arm.DIRECT).requestsPerSecond();
            String label = "Throughput at " + connections + " connections";
            figures.add(Figure.info("throughput.c" + connections, label + ", Prompt Manager", pm.requestsPerSecond(), "req/s"));
            if (connections == most) {
                figures.add(Figure.atLeast("throughput.c" + connections + ".vsPortkey", label + ", ÷ reference gateway",
                        vsPortkey, "×", VS_PORTKEY_AT_64, throughputWhy(connections)));
                figures.add(Figure.atLeast("throughput.c" + connections + ".vsDirect", label + ", ÷ direct", vsDirect,
                        "×", VS_DIRECT_AT_64, throughputWhy(connections)));
            } else {
                figures.add(Figure.info("throughput.c" + connections + ".vsPortkey", label + ", ÷ reference gateway",
                        vsPortkey, "×"));
                figures.add(Figure.info("throughput.c" + connections + ".vsDirect", label + ", ÷ direct", vsDirect, "×"));
            }
        }
        ArmTotals pmMost = arm(most, Arm.PROMPT_MANAGER);
        figures.add(Figure.atMost("cpu.server.perExecution.c" + most, "Server CPU per execution, " + most + " connections",
                pmMost.processCpuMicrosPerCall(), "µs", CPU_PER_EXECUTION_MICROS, cpuWhy(pmMost)));
        figures.add(Figure.info("cpu.server.perExecution.c1", "Server CPU per execution, 1 connection",
                pm1.processCpuMicrosPerCall(), "µs"));
        figures.add(Figure.info("cpu.database.perExecution.c" + most, "PostgreSQL CPU per execution, " + most
                + " connections", pmMost.backendCpuMicrosPerRow(), "µs"));
        figures.add(Figure.info("cpu.database.perExecution.c1", "PostgreSQL CPU per execution, 1 connection",
                pm1.backendCpuMicrosPerRow(), "µs"));
        figures.add(Figure.info("database.transactionsPerExecution", "PostgreSQL transactions per execution (all slices; autovacuum adds a few)",
                activity.transactionsPerExecution() == null ? Double.NaN : activity.transactionsPerExecution(), ""));
        figures.add(Figure.info("cpu.portkey.perRequest.c" + most, "Reference gateway CPU per request, " + most
                + " connections", arm(most, Arm.PORTKEY).processCpuMicrosPerCall(), "µs"));
        MemoryUnderLoad underLoad = memory.get(most);
        figures.add(Figure.atMost("memory.maxHeap", "Maximum heap (-Xmx)", MemoryUnderLoad.mib(underLoad.maxHeapBytes()),
                "MiB", HEAP_MIB, "the server was started with a larger -Xmx"));
        figures.add(Figure.atMost("gc.pausePercent.c" + most, "GC pauses, share of time at " + most + " connections",
                underLoad.gcPausePercent(), "%", GC_PERCENT, gcWhy()));
        MemoryUnderLoad.Report loaded = underLoad.report();
        figures.add(Figure.info("memory.heapUsed.idle", "Heap used, idle", idle.usedHeapMiB(), "MiB"));
        figures.add(Figure.info("memory.heapUsed.load", "Heap used, under load (most before a GC)", loaded.heapBeforeGcMiB(),
                "MiB"));
        figures.add(Figure.info("memory.heapLive.load", "Heap used, under load (most after a GC)", loaded.heapAfterGcMiB(),
                "MiB"));
        figures.add(Figure.info("memory.allocatedPerExecution.c" + most, "Allocated per execution, " + most + " connections",
                nan(loaded.allocatedKiBPerExecution()), "KiB"));
        figures.add(Figure.info("memory.resident.idle", "Resident memory, idle", idle.residentMiB(), "MiB"));
        figures.add(Figure.info("memory.resident.load", "Resident memory, under load (largest sample)",
                loaded.residentMiB(), "MiB"));
        figures.add(Figure.atMost("correctness.lostRows", "Executions answered or called upstream but not stored",
                correctness.lostRows(), "rows", 0, "upstream calls %d, successful responses %d, stored rows %d"
                        .formatted(correctness.upstreamCalls(), correctness.successfulResponses(), correctness.executionRows())));
        figures.add(Figure.info("correctness.failedResponses", "Failed responses (error status or socket error)",
                correctness.errorResponses() + correctness.socketErrors(), "responses"));
        figures.add(Figure.atLeast("cached.requestsPerSecond", "Cached GET …/production, " + cached.connections()
                + " connections", nan(cached.requestsPerSecond()), "req/s", CACHED_RPS, cachedWhy()));
        figures.add(Figure.atMost("cached.cpuPerRequest", "Cached GET …/production, server CPU per request",
                nan(cached.serverCpuMicrosPerRequest()), "µs", CACHED_CPU_MICROS, cachedWhy()));
        figures.add(Figure.atMost("cached.databaseTouches", "Cached GET …/production, database reads and writes in "
                        + Figure.number(nan(cached.measuredWindowSeconds())) + " s of steady state (background timers apart)",
                cached.tableTouches() - 2 * cached.lastUseWrites() - cached.graceSweeps(), "scans+rows", 0, queriesWhy()));
        figures.add(Figure.atMost("analytics.slowestMedian", "Analytics over " + "%,d".formatted(analytics.executions())
                + " executions, slowest report (median)", analytics.slowestMedianMs(), "ms", ANALYTICS_MS,
                analyticsWhy()));
        return figures;
    }

    private ArmTotals arm(int connections, String name) {
        Map<String, ArmTotals> arms = load.get(connections);
        ArmTotals arm = arms == null ? null : arms.get(name);
        return arm == null ? new ArmTotals(name, connections) : arm;
    }

    private String addedLatencyWhy(ArmTotals pm, ArmTotals direct) {
        return ("through Prompt Manager p50 %s ms against %s ms direct. Each run is a second HTTP hop (client → server →"
                + " upstream) plus a durable commit the caller waits for: one commit on this PostgreSQL takes %s ms"
                + " (p50, measured alone, load average %s); at one connection nothing is shared, so every run also pays"
                + " its own database round trips (%s transactions per execution over the run: %s) and %s µs of server"
                + " CPU and %s µs of PostgreSQL CPU.")
                .formatted(Figure.number(pm.latencies().millis(50)), Figure.number(direct.latencies().millis(50)),
                        Figure.number(commit.p50Ms()), commit.loadAverage(),
                        Figure.number(activity.transactionsPerExecution() == null ? Double.NaN
                                : activity.transactionsPerExecution()),
                        activity.perExecutionByTable().toString().replaceAll("[{}]", ""),
                        Figure.number(pm.processCpuMicrosPerCall()), Figure.number(pm.backendCpuMicrosPerRow()));
    }

    private String throughputWhy(int connections) {
        ArmTotals pm = arm(connections, Arm.PROMPT_MANAGER);
        ArmTotals direct = arm(connections, Arm.DIRECT);
        ArmTotals portkey = arm(connections, Arm.PORTKEY);
        return ("the 2 cores are the limit: at %d connections Prompt Manager did %s req/s using %s cores of server CPU"
                + " (%s µs per run) and %s cores of PostgreSQL (%s µs per run); the fake upstream and the harness used %s µs"
                + " per run and wrk the rest. Direct calls did %s req/s (no server, no database), the reference gateway"
                + " %s req/s at %s µs of CPU per request.")
                .formatted(connections, Figure.number(pm.requestsPerSecond()), Figure.number(pm.processCores()),
                        Figure.number(pm.processCpuMicrosPerCall()), Figure.number(pm.backendCores()),
                        Figure.number(pm.backendCpuMicrosPerRow()), Figure.number(pm.harnessCpuMicrosPerCall()),
                        Figure.number(direct.requestsPerSecond()), Figure.number(portkey.requestsPerSecond()),
                        Figure.number(portkey.processCpuMicrosPerCall()));
    }

    private String cpuWhy(ArmTotals pm) {
        ThreadBreakdown breakdown = threads.get(pm.connections());
        String byThread = breakdown == null ? "" : breakdown.rows().stream().limit(6)
                .map(r -> r.threads() + " " + Figure.number(nan(r.userMicros()) + nan(r.kernelMicros())) + " µs ("
                        + Figure.number(nan(r.kernelMicros())) + " in the kernel)")
                .collect(Collectors.joining(", ", "by thread: ", "; "));
        return "%s µs per run at %d connections; %s%s".formatted(Figure.number(pm.processCpuMicrosPerCall()),
                pm.connections(), byThread, profileSummary("execution"));
    }

    private String gcWhy() {
        MemoryUnderLoad.Report gc = memory.get(most).report();
        return ("%d collections in the measured slices, %s ms of pauses (%s ms each on average; pauses are wall-clock time"
                + " and stretch when other processes hold the cores); each run allocates about %s KiB (what young"
                + " collections freed per stored execution), so at %s runs/s the server allocates %s MiB/s into a heap"
                + " of %d MiB that G1 sized down to keep its pause goal. %s")
                .formatted(gc.gcPauses(), Figure.number(nan(gc.gcPauseMs())),
                        Figure.number(gc.gcPauses() == 0 ? 0 : nan(gc.gcPauseMs()) / gc.gcPauses()),
                        Figure.number(nan(gc.allocatedKiBPerExecution())),
                        Figure.number(arm(most, Arm.PROMPT_MANAGER).requestsPerSecond()),
                        Figure.number(nan(gc.allocatedKiBPerExecution()) * arm(most, Arm.PROMPT_MANAGER).requestsPerSecond() / 1024),
                        gc.heapCapacityMiB(), allocationSummary("execution"));
    }

    private String cachedWhy() {
        return ("%s req/s at %s µs of server CPU per request (%s cores); where it goes: %s")
                .formatted(Figure.number(nan(cached.requestsPerSecond())), Figure.number(nan(cached.serverCpuMicrosPerRequest())),
                        Figure.number(nan(cached.serverCores())),
                        cached.serverThreads().stream().limit(4).map(r -> r.threads() + " " + r.sharePercent() + " %")
                                .collect(Collectors.joining(", ")) + "; " + profileSummary("cached"));
    }

    private String queriesWhy() {
        double window = nan(cached.measuredWindowSeconds());
        return ("%,d cached requests over %s s; table scans and written rows: %d in all, of which the background timers'"
                + " %d last-use write(s) of api_keys (one index scan and one row each: an API key's last use is noted in"
                + " memory and written once a minute, off the request path) and %d grace-sweep scan(s) of"
                + " billing_subscriptions (once a minute, whatever the traffic). The production version and the API key are"
                + " served from memory until a database notification invalidates them. Tables touched: %s.")
                .formatted(cached.requests(), Figure.number(window), cached.tableTouches(), cached.lastUseWrites(),
                        cached.graceSweeps(),
                        cached.tableActivity().isEmpty() ? "none" : cached.tableActivity().toString().replaceAll("[{}]", ""));
    }

    private String analyticsWhy() {
        return analytics.reports().stream().map(r -> r.groupBy() + " " + Figure.number(r.medianMs()) + " ms")
                .collect(Collectors.joining(", "));
    }

    private String profileSummary(String what) {
        return profiles.stream().filter(p -> p.what().startsWith(what)).findFirst()
                .map(p -> p.components().stream().limit(5)
                        .map(s -> s.name() + " " + Figure.number(nan(s.micros())) + " µs")
                        .collect(Collectors.joining(", ", "Java code (JFR): ", "")))
                .orElse("no profile in this run");
    }

    private String allocationSummary(String what) {
        return profiles.stream().filter(p -> p.what().startsWith(what)).findFirst()
                .map(p -> p.allocations().stream().limit(4).map(s -> s.name() + " " + Figure.number(nan(s.percent())) + " %")
                        .collect(Collectors.joining(", ", "Allocation samples (JFR) by component: ", ".")))
                .orElse("");
    }

    private static double nan(Double value) {
        return value == null ? Double.NaN : value;
    }
}
