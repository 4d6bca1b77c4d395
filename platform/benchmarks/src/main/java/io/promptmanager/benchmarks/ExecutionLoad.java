package io.promptmanager.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * The execution arms, measured in alternating short slices: at each number of connections,
 * every round runs each arm once, starting with a different arm each round, so a disturbance
 * of the shared machine (another build, a checkpoint) falls on all arms alike and the ratios
 * between arms survive it.
 */
final class ExecutionLoad {
    private static final Logger LOG = Logger.getLogger(ExecutionLoad.class.getName());

    private final BenchmarkSettings settings;
    private final Wrk wrk;
    private final FakeUpstream upstream;
    private final BenchDatabase database;
    private final Product product;
    private final GcLog gcLog;
    private final Map<Integer, MemoryUnderLoad> memory = new LinkedHashMap<>();
    private final Map<Integer, ThreadBreakdown> threads = new LinkedHashMap<>();

    ExecutionLoad(BenchmarkSettings settings, Wrk wrk, FakeUpstream upstream, BenchDatabase database, Product product,
                  GcLog gcLog) {
        this.gcLog = gcLog;
        this.settings = settings;
        this.wrk = wrk;
        this.upstream = upstream;
        this.database = database;
        this.product = product;
    }

    /** Totals per number of connections, then per arm. */
    Map<Integer, Map<String, ArmTotals>> run(List<Arm> arms) {
        int most = settings.concurrencies().stream().mapToInt(Integer::intValue).max().orElseThrow();
        for (Arm arm : arms) {
            slice(arm, most, settings.warmup(), null);
        }
        Map<Integer, Map<String, ArmTotals>> results = new LinkedHashMap<>();
        for (int connections : settings.concurrencies()) {
            if (!settings.levelWarmup().isZero()) {
                arms.forEach(arm -> slice(arm, connections, settings.levelWarmup(), null));
            }
            Map<String, ArmTotals> totals = new LinkedHashMap<>();
            arms.forEach(arm -> totals.put(arm.name(), new ArmTotals(arm.name(), connections)));
            for (int round = 0; round < settings.rounds(); round++) {
                for (int i = 0; i < arms.size(); i++) {
                    Arm arm = arms.get((round + i) % arms.size());
                    slice(arm, connections, settings.slice(), totals.get(arm.name()));
                }
            }
            totals.values().forEach(t -> LOG.info(() -> "%3d connections  %-15s %,10.0f requests/s  p50 %.3f ms"
                    .formatted(t.connections(), t.arm(), t.requestsPerSecond(), t.latencies().millis(50))));
            results.put(connections, totals);
        }
        return results;
    }

    /** Memory of the server per number of connections, from the measured Prompt Manager slices. */
    Map<Integer, MemoryUnderLoad> memory() {
        return memory;
    }

    /** Server CPU per kind of thread per execution, per number of connections. */
    Map<Integer, ThreadBreakdown> threads() {
        return threads;
    }

    /** One slice; {@code totals} null for a warm-up (run, not counted). */
    private void slice(Arm arm, int connections, Duration duration, ArmTotals totals) {
        boolean watchMemory = totals != null && arm.recordsExecutions();
        Counters before = Counters.read(upstream, database, arm);
        Map<Long, ThreadCpu.Usage> threadsBefore = watchMemory ? ThreadCpu.snapshot(product.pid()) : null;
        Instant start = Instant.now();
        AtomicLong resident = new AtomicLong();
        Thread sampler = watchMemory ? Thread.ofVirtual().start(() -> {
            Product.sleep(duration.dividedBy(2));
            resident.set(ProcStat.residentBytes(product.pid()));
        }) : null;
        SliceResult result = wrk.run(arm.request(), connections, duration);
        Counters.awaitQuiet(upstream, database, arm, before);
        Counters after = Counters.read(upstream, database, arm);
        if (totals == null) {
            return;
        }
        totals.add(result, before, after);
        if (sampler != null) {
            threads.computeIfAbsent(connections, c -> new ThreadBreakdown())
                    .add(threadsBefore, ThreadCpu.snapshot(product.pid()), after.rowsSince(before));
            join(sampler);
            memory.computeIfAbsent(connections, MemoryUnderLoad::new).add(gcLog.between(start, Instant.now()),
                    resident.get(), ServerMetrics.scrape(product.baseUrl()), result.seconds(), after.rowsSince(before));
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
