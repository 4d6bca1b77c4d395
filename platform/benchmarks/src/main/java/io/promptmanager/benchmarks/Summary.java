package io.promptmanager.benchmarks;

import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The result as JSON, and a readable summary: figures against targets, arms, where the CPU goes. */
final class Summary {
    static final String JSON = "benchmark-result.json";
    static final String MARKDOWN = "benchmark-summary.md";

    private Summary() {
    }

    static void write(Results results, Path out) {
        try {
            Files.createDirectories(out);
            Http.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve(JSON).toFile(), results);
            Files.writeString(out.resolve(MARKDOWN), markdown(results));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String markdown(Results r) {
        StringBuilder md = new StringBuilder();
        md.append("# Prompt Manager benchmark (").append(r.mode()).append(" run, ").append(r.startedAt()).append(")\n\n");
        md.append("Machine: ").append(r.machine().get("cores")).append(" cores (").append(r.machine().get("cpu"))
                .append("), ").append(r.machine().get("java")).append(", PostgreSQL ")
                .append(r.machine().get("postgresql").toString().replaceAll("[{}]", "")).append(". Server JAVA_OPTS: ")
                .append(r.machine().get("serverJavaOpts")).append(". Reference gateway: ").append(r.referenceGateway())
                .append(". Load average at start ").append(r.machine().get("loadAverageAtStart")).append(", at end ")
                .append(r.machine().get("loadAverageAtEnd")).append(". Took ").append(r.wallSeconds()).append(" s.\n\n");

        md.append("## Targets\n\n| figure | measured | target | result |\n|---|---|---|---|\n");
        for (Figure f : r.figures()) {
            md.append("| ").append(f.label()).append(" | ").append(f.shown()).append(" | ")
                    .append(f.target() == null ? "—" : f.target()).append(" | ").append(f.status())
                    .append(f.missBy() == null ? "" : ": " + f.missBy()).append(" |\n");
        }
        List<Figure> misses = r.figures().stream().filter(Figure::missed).toList();
        if (!misses.isEmpty()) {
            md.append("\n## Why targets were missed\n\n");
            misses.forEach(f -> md.append("- **").append(f.label()).append("** — ").append(f.missBy()).append(": ")
                    .append(f.why()).append('\n'));
        }

        md.append("\n## Arms (alternating slices of ").append(r.settings().get("sliceSeconds")).append(" s, ")
                .append(r.settings().get("roundsPerConcurrency")).append(" per arm and number of connections)\n\n")
                .append("| connections | arm | requests/s | p50 ms | p99 ms | errors | process CPU µs/request | cores |"
                        + " PostgreSQL µs/execution |\n|---|---|---|---|---|---|---|---|---|\n");
        for (ArmTotals.ArmReport a : r.arms()) {
            md.append("| ").append(a.connections()).append(" | ").append(a.arm()).append(" | ")
                    .append(n(a.requestsPerSecond())).append(" | ").append(n(a.p50Ms())).append(" | ")
                    .append(n(a.p99Ms())).append(" | ").append(a.errorStatusResponses() + a.socketErrors()).append(" | ")
                    .append(n(a.processCpuMicrosPerCall())).append(" | ").append(n(a.processCores())).append(" | ")
                    .append(n(a.databaseCpuMicrosPerExecution())).append(" |\n");
        }

        Results.Correctness c = r.correctness();
        md.append("\n## Correctness (Prompt Manager's measured slices)\n\n")
                .append("upstream calls ").append(c.upstreamCalls()).append(", stored executions ")
                .append(c.executionRows()).append(", successful responses ").append(c.successfulResponses())
                .append(" (+ ").append(c.abandonedAtSliceEnds())
                .append(" answered after wrk stopped at a slice end), error responses ").append(c.errorResponses())
                .append(", socket errors ").append(c.socketErrors()).append(", lost rows ").append(c.lostRows())
                .append(".\n");

        Results.DatabaseActivity db = r.executionDatabaseActivity();
        md.append("\nDatabase work of the execution phase (warm-ups included): ").append("%,d".formatted(db.executions()))
                .append(" executions in ").append("%,d".formatted(db.transactions())).append(" transactions (")
                .append(n(db.transactionsPerExecution())).append(" per execution); per execution: ")
                .append(db.perExecutionByTable().toString().replaceAll("[{}]", ""))
                .append(" (the executions scans are the harness counting rows).\n");

        md.append("\n## Memory\n\nIdle: heap used ").append(r.idle().usedHeapMiB()).append(" MiB of ")
                .append(r.idle().committedHeapMiB()).append(" MiB committed (max ").append(r.idle().maxHeapMiB())
                .append(" MiB), resident ").append(r.idle().residentMiB()).append(" MiB, ")
                .append(r.idle().cpuCores()).append(" cores of CPU.\n\n")
                .append("Under load (from the GC log of the measured Prompt Manager slices):\n\n")
                .append("| connections | heap before GC MiB | after GC MiB | heap size MiB | resident MiB | GC pauses |"
                        + " pause ms | GC % of time | allocated KiB/execution |\n|---|---|---|---|---|---|---|---|---|\n");
        for (MemoryUnderLoad.Report m : r.memoryUnderLoad()) {
            md.append("| ").append(m.connections()).append(" | ").append(m.heapBeforeGcMiB()).append(" | ")
                    .append(m.heapAfterGcMiB()).append(" | ").append(m.heapCapacityMiB()).append(" | ")
                    .append(m.residentMiB()).append(" | ").append(m.gcPauses()).append(" | ").append(n(m.gcPauseMs()))
                    .append(" | ").append(n(m.gcPausePercent())).append(" | ").append(n(m.allocatedKiBPerExecution()))
                    .append(" |\n");
        }

        md.append("\n## Server CPU per execution, by thread (from /proc, measured slices)\n");
        r.serverThreadsPerExecution().forEach((level, rows) -> threadTable(md, level, rows));
        threadTable(md, "cached GET …/production, per request", r.cachedProduction().serverThreads());
        md.append("\nDatabase activity during the cached fetch's steady state: ")
                .append(r.cachedProduction().tableActivity().isEmpty() ? "none"
                        : r.cachedProduction().tableActivity().toString().replaceAll("[{}]", ""))
                .append(" (the database's transaction counter moved by ").append(r.cachedProduction().databaseTransactions())
                .append(", autovacuum included; the product's backends used ")
                .append(r.cachedProduction().databaseBackendCpuMicros() / 1000).append(" ms of CPU).\n");

        for (JfrProfile.Result p : r.profiles()) {
            md.append("\n## Profile: ").append(p.what()).append(" (JFR, ").append(p.samples()).append(" samples, ")
                    .append(p.units()).append(" units of work)\n\nJava threads' user CPU per unit: ")
                    .append(n(p.javaUserMicros()))
                    .append(" µs.\n\n| component | share of Java CPU samples | ≈ µs per unit |\n|---|---|---|\n");
            p.components().forEach(s -> md.append("| ").append(s.name()).append(" | ").append(n(s.percent()))
                    .append(" % | ").append(n(s.micros())).append(" |\n"));
            md.append("\n| hottest methods (self) | share |\n|---|---|\n");
            p.hotMethods().forEach(s -> md.append("| `").append(s.name()).append("` | ").append(n(s.percent()))
                    .append(" % |\n"));
            md.append("\n| allocation samples by component | share |\n|---|---|\n");
            p.allocations().forEach(s -> md.append("| ").append(s.name()).append(" | ").append(n(s.percent()))
                    .append(" % |\n"));
        }

        md.append("\n## Analytics\n\n").append("%,d".formatted(r.analytics().executions()))
                .append(" executions written through the execution recorder in ").append(r.analytics().writeSeconds())
                .append(" s and folded into the rollups in ").append(r.analytics().foldSeconds())
                .append(" s; the reports counted ").append("%,d".formatted(r.analytics().reportedRuns()))
                .append(" runs.\n\n| groupBy | median ms | max ms | groups |\n|---|---|---|---|\n");
        r.analytics().reports().forEach(a -> md.append("| ").append(a.groupBy()).append(" | ").append(n(a.medianMs()))
                .append(" | ").append(n(a.maxMs())).append(" | ").append(a.groups()).append(" |\n"));
        md.append("\nOne durable commit on this PostgreSQL (one-row INSERT, alone): p50 ").append(r.commit().p50Ms())
                .append(" ms, p90 ").append(r.commit().p90Ms()).append(" ms.\n");
        if (!r.notes().isEmpty()) {
            md.append("\n## Notes\n\n");
            r.notes().forEach(note -> md.append("- ").append(note).append('\n'));
        }
        return md.toString();
    }

    private static void threadTable(StringBuilder md, String title, List<ThreadBreakdown.Row> rows) {
        md.append("\n").append(title).append(":\n\n| threads | user µs | kernel µs | share |\n|---|---|---|---|\n");
        rows.forEach(t -> md.append("| ").append(t.threads()).append(" | ").append(n(t.userMicros())).append(" | ")
                .append(n(t.kernelMicros())).append(" | ").append(n(t.sharePercent())).append(" % |\n"));
    }

    private static String n(Double value) {
        return value == null ? "—" : Figure.number(value);
    }
}
