package io.promptmanager.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Server CPU per kind of thread summed over measured slices, then shown per unit of work. */
final class ThreadBreakdown {
    private final Map<String, long[]> nanos = new HashMap<>();
    private long units;

    /** Adds one slice: the threads' CPU between two snapshots and the work done meanwhile. */
    void add(Map<Long, ThreadCpu.Usage> before, Map<Long, ThreadCpu.Usage> after, long workDone) {
        ThreadCpu.since(before, after).forEach((kind, usage) -> {
            long[] sum = nanos.computeIfAbsent(kind, k -> new long[2]);
            sum[0] += usage.userNanos();
            sum[1] += usage.systemNanos();
        });
        units += workDone;
    }

    /** Kinds of thread using at least 1 % of the CPU, largest first, in µs per unit of work. */
    List<Row> rows() {
        long total = nanos.values().stream().mapToLong(v -> v[0] + v[1]).sum();
        List<Row> rows = new ArrayList<>();
        if (units == 0 || total == 0) {
            return rows;
        }
        nanos.forEach((kind, v) -> {
            double share = 100.0 * (v[0] + v[1]) / total;
            if (share >= 1) {
                rows.add(new Row(kind, ArmTotals.round(v[0] / 1000.0 / units, 1), ArmTotals.round(v[1] / 1000.0 / units, 1),
                        ArmTotals.round(share, 1)));
            }
        });
        rows.sort((a, b) -> Double.compare(b.sharePercent(), a.sharePercent()));
        return rows;
    }

    /** One kind of thread: user and kernel CPU per unit of work (µs) and its share of the process's CPU. */
    record Row(String threads, Double userMicros, Double kernelMicros, Double sharePercent) {
    }
}
