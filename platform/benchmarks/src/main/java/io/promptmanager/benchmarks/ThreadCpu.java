package io.promptmanager.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU per thread of another JVM, from /proc/<pid>/task: where a process's CPU goes by kind of
 * thread (virtual-thread carriers running request handlers, the execution recorder, the HTTP
 * client's selector, GC, JIT compilers), user and kernel time apart. Costs the measured process
 * nothing, unlike a profiler.
 */
final class ThreadCpu {
    private ThreadCpu() {
    }

    record Usage(String name, long userNanos, long systemNanos) {
        long totalNanos() {
            return userNanos + systemNanos;
        }
    }

    /** Every thread of the process now, by thread id. */
    static Map<Long, Usage> snapshot(long pid) {
        Map<Long, Usage> threads = new HashMap<>();
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (Stream<Path> list = Files.list(tasks)) {
            list.forEach(task -> read(task).ifPresent(usage -> threads.put(Long.parseLong(task.getFileName().toString()), usage)));
        } catch (NoSuchFileException e) {
            return threads;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return threads;
    }

    /**
     * CPU used between two snapshots, summed per kind of thread (names with their numbers
     * removed), largest first. A thread started meanwhile counts from zero.
     */
    static Map<String, Usage> since(Map<Long, Usage> before, Map<Long, Usage> after) {
        Map<String, long[]> sums = new HashMap<>();
        after.forEach((tid, now) -> {
            Usage then = before.get(tid);
            long user = now.userNanos() - (then == null ? 0 : then.userNanos());
            long system = now.systemNanos() - (then == null ? 0 : then.systemNanos());
            long[] sum = sums.computeIfAbsent(kind(now.name()), k -> new long[2]);
            sum[0] += user;
            sum[1] += system;
        });
        Map<String, Usage> sorted = new LinkedHashMap<>();
        sums.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[0] + b.getValue()[1], a.getValue()[0] + a.getValue()[1]))
                .forEach(e -> sorted.put(e.getKey(), new Usage(e.getKey(), e.getValue()[0], e.getValue()[1])));
        return sorted;
    }

    // Linux keeps the first 15 characters of a thread's name.
    private static final String[][] KINDS = {
            {"ForkJoinPool-", "virtual-thread carriers (request handling)"},
            {"pm-execution-re", "execution recorder (group commit)"},
            {"HttpClient-", "upstream HTTP client (selector, workers)"},
            {"C1 CompilerThre", "JIT compilers"},
            {"C2 CompilerThre", "JIT compilers"},
            {"GC Thread", "GC (G1)"},
            {"G1 ", "GC (G1)"},
            {"pm-production-c", "production cache listener"},
            {"MasterPoller", "virtual-thread I/O poller"},
            {"VirtualThread-u", "virtual-thread I/O poller"},
            {"server-@", "HTTP server listener (accept)"},
            {"VM ", "JVM internals"}};

    /** Threads doing the same job are one kind: "GC Thread#0" and "G1 Conc#0" are both GC. */
    static String kind(String name) {
        for (String[] kind : KINDS) {
            if (name.startsWith(kind[0])) {
                return kind[1];
            }
        }
        return name.replaceAll("\\d+", "N");
    }

    static boolean isRuntimeOverhead(String kind) {
        return kind.equals("JIT compilers") || kind.equals("GC (G1)") || kind.equals("JVM internals");
    }

    /** Empty when the thread ended while the threads were listed. */
    private static Optional<Usage> read(Path task) {
        long[] times = ProcStat.times(task.resolve("stat"));
        try {
            String name = Files.readString(task.resolve("comm")).strip();
            return times == null ? Optional.empty() : Optional.of(new Usage(name, times[0], times[1]));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
