package io.promptmanager.benchmarks;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's JVM memory and GC counters, read from its Prometheus endpoint
 * ({@code /observe/metrics}) — the server is another process, and this is what an operator's
 * monitoring would read too.
 */
record ServerMetrics(long usedHeapBytes, long committedHeapBytes, long maxHeapBytes, double gcPauseSeconds) {
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{[^}]*})?\\s+(\\S+)$",
            Pattern.MULTILINE);

    static ServerMetrics scrape(String baseUrl) {
        String text = new Http(baseUrl, null).get("/observe/metrics").expect(200).body();
        long used = 0;
        long committed = 0;
        long max = 0;
        double pause = 0;
        Matcher m = SAMPLE.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            double value = Double.parseDouble(m.group(2));
            switch (name) {
                case "memory_usedHeap_bytes" -> used = (long) value;
                case "memory_committedHeap_bytes" -> committed = (long) value;
                case "memory_maxHeap_bytes" -> max = (long) value;
                // Every G1 collector bean counts pauses: Young, Old, and "Concurrent GC" (its Remark and
                // Cleanup pauses, JDK 20+); the concurrent marking itself is not in these times.
                case "gc_time_seconds_total" -> pause += value;
                default -> {
                }
            }
        }
        return new ServerMetrics(used, committed, max, pause);
    }
}
