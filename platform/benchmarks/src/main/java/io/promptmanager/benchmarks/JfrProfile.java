package io.promptmanager.benchmarks;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One extra slice recorded by Java Flight Recorder inside the server ({@code jcmd JFR.start},
 * settings {@code profile}), excluded from every figure: which part of the code the server's
 * Java threads spend their CPU in, per unit of work, and where they allocate. A sample is charged
 * to the innermost frame that belongs to a known component, so JDK code called by, say, the
 * JSON binder counts as JSON binding.
 */
final class JfrProfile {
    private static final List<String[]> COMPONENTS = List.of(
            new String[] {"io.promptmanager.core.execution.ExecutionRecorder", "execution recorder (group commit)"},
            new String[] {"org.postgresql.", "PostgreSQL JDBC driver"},
            new String[] {"com.zaxxer.hikari.", "connection pool"},
            new String[] {"io.helidon.dbclient.", "Helidon DB client"},
            new String[] {"jdk.internal.net.http.", "upstream call (JDK HttpClient)"},
            new String[] {"java.net.http.", "upstream call (JDK HttpClient)"},
            new String[] {"com.fasterxml.jackson.", "provider plugin JSON (Jackson)"},
            new String[] {"io.promptmanager.plugins.", "provider plugin"},
            new String[] {"org.eclipse.yasson.", "API JSON binding (JSON-B)"},
            new String[] {"org.eclipse.parsson.", "API JSON binding (JSON-B)"},
            new String[] {"jakarta.json.", "API JSON binding (JSON-B)"},
            new String[] {"com.samskivert.mustache.", "template rendering"},
            new String[] {"javax.crypto.", "API key HMAC"},
            new String[] {"io.promptmanager.core.apikey.", "API key authentication"},
            new String[] {"com.github.benmanes.caffeine.", "caches (Caffeine)"},
            new String[] {"io.promptmanager.core.", "core services"},
            new String[] {"io.promptmanager.server.", "API handlers"},
            new String[] {"io.micrometer.", "metrics"},
            new String[] {"io.helidon.metrics.", "metrics"},
            new String[] {"io.helidon.webserver.observe.", "metrics"},
            new String[] {"java.util.logging.", "logging"},
            new String[] {"io.helidon.", "HTTP server (Helidon)"},
            new String[] {"java.lang.VirtualThread", "virtual-thread scheduling"},
            new String[] {"java.util.concurrent.ForkJoin", "virtual-thread scheduling"});
    private static final int HOT_METHODS = 12;

    record Share(String name, Double percent, Double micros) {
    }

    /**
     * @param units            work done in the recorded slice (executions or requests)
     * @param javaUserMicros   user CPU of the Java threads (not GC, not JIT) per unit
     * @param components       CPU samples per component, with µs per unit (share × javaUserMicros)
     * @param hotMethods       the methods most often on top of the stack
     * @param allocations      JFR's allocation samples per component, counted (their weights are not used: on
     *                         virtual threads they run far above what the GC log shows was allocated)
     * @param threads          the process's CPU per kind of thread in the recorded slice
     */
    record Result(String what, long units, long samples, Double javaUserMicros, List<Share> components,
                  List<Share> hotMethods, List<Share> allocations,
                  List<ThreadBreakdown.Row> threads, String recording) {
    }

    private JfrProfile() {
    }

    /** Records while {@code load} runs; {@code load} answers the units of work it did. */
    static Result record(long pid, Path recording, String what, LongSupplier load) {
        jcmd(pid, "JFR.start", "name=pm-benchmark", "settings=profile");
        Map<Long, ThreadCpu.Usage> before = ThreadCpu.snapshot(pid);
        long units = load.getAsLong();
        Map<Long, ThreadCpu.Usage> after = ThreadCpu.snapshot(pid);
        jcmd(pid, "JFR.stop", "name=pm-benchmark", "filename=" + recording);
        ThreadBreakdown threads = new ThreadBreakdown();
        threads.add(before, after, units);
        long javaUser = 0;
        for (ThreadCpu.Usage usage : ThreadCpu.since(before, after).values()) {
            if (!ThreadCpu.isRuntimeOverhead(usage.name())) {
                javaUser += usage.userNanos();
            }
        }
        return analyse(recording, what, units, units == 0 ? Double.NaN : javaUser / 1000.0 / units, threads);
    }

    private static Result analyse(Path recording, String what, long units, double javaUserMicros, ThreadBreakdown threads) {
        Map<String, Long> cpu = new HashMap<>();
        Map<String, Long> methods = new HashMap<>();
        Map<String, Long> allocated = new HashMap<>();
        long samples = 0;
        long allocationSamples = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                String type = event.getEventType().getName();
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                if (type.equals("jdk.ExecutionSample")) {
                    samples++;
                    cpu.merge(component(stack), 1L, Long::sum);
                    RecordedFrame top = stack.getFrames().getFirst();
                    methods.merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1L, Long::sum);
                } else if (type.equals("jdk.ObjectAllocationSample")) {
                    allocationSamples++;
                    allocated.merge(component(stack), 1L, Long::sum);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Result(what, units, samples, ArmTotals.round(javaUserMicros, 1),
                shares(cpu, samples, javaUserMicros, Integer.MAX_VALUE), shares(methods, samples, javaUserMicros, HOT_METHODS),
                shares(allocated, allocationSamples, Double.NaN, Integer.MAX_VALUE),
                threads.rows(), recording.toString());
    }

    /** Largest first, those of at least 0.5 %; {@code perUnit} scaled by each share. */
    private static List<Share> shares(Map<String, Long> counts, long total, double perUnit, int limit) {
        List<Share> shares = new ArrayList<>();
        counts.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .filter(e -> total > 0 && 200 * e.getValue() >= total)
                .limit(limit)
                .forEach(e -> shares.add(new Share(e.getKey(), ArmTotals.round(100.0 * e.getValue() / total, 1),
                        ArmTotals.round(perUnit * e.getValue() / total, 2))));
        return shares;
    }

    private static String component(RecordedStackTrace stack) {
        for (RecordedFrame frame : stack.getFrames()) {
            String type = frame.getMethod().getType().getName();
            for (String[] component : COMPONENTS) {
                if (type.startsWith(component[0])) {
                    return component[1];
                }
            }
        }
        String top = stack.getFrames().getFirst().getMethod().getType().getName();
        String[] parts = top.split("\\.");
        return "other: " + String.join(".", java.util.Arrays.copyOf(parts, Math.min(3, parts.length - 1)));
    }

    private static void jcmd(long pid, String... command) {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
