package io.promptmanager.benchmarks;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's JVM heap, read from its Prometheus endpoint ({@code /observe/metrics}) — the
 * server is another process, and this is what an operator's monitoring would read too. (GC
 * times come from the GC log instead: these counters round them to whole seconds.)
 */
record ServerMetrics(long usedHeapBytes, long committedHeapBytes, long maxHeapBytes) {
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{[^}]*})?\\s+(\\S+)$",
            Pattern.MULTILINE);

    static ServerMetrics scrape(String baseUrl) {
        String text = new Http(baseUrl, null).get("/observe/metrics").expect(200).body();
        long used = 0;
        long committed = 0;
        long max = 0;
        Matcher m = SAMPLE.matcher(text);
        while (m.find()) {
            long value = (long) Double.parseDouble(m.group(2));
            switch (m.group(1)) {
                case "memory_usedHeap_bytes" -> used = value;
                case "memory_committedHeap_bytes" -> committed = value;
                case "memory_maxHeap_bytes" -> max = value;
                default -> {
                }
            }
        }
        return new ServerMetrics(used, committed, max);
    }
}
