package io.promptmanager.benchmarks;

/**
 * The server's memory while Prompt Manager slices ran at one number of connections: the largest
 * used heap and resident size sampled mid-slice, and the GC pause time over the slices.
 */
final class MemoryUnderLoad {
    private final int connections;
    private long maxUsedHeap;
    private long maxCommittedHeap;
    private long maxHeap;
    private long maxResident;
    private double gcPauseSeconds;
    private double seconds;

    MemoryUnderLoad(int connections) {
        this.connections = connections;
    }

    void add(ServerMetrics start, ServerMetrics middle, long residentBytes, ServerMetrics end, double sliceSeconds) {
        maxUsedHeap = Math.max(maxUsedHeap, middle.usedHeapBytes());
        maxCommittedHeap = Math.max(maxCommittedHeap, Math.max(middle.committedHeapBytes(), end.committedHeapBytes()));
        maxHeap = Math.max(maxHeap, end.maxHeapBytes());
        maxResident = Math.max(maxResident, residentBytes);
        gcPauseSeconds += end.gcPauseSeconds() - start.gcPauseSeconds();
        seconds += sliceSeconds;
    }

    int connections() {
        return connections;
    }

    long maxHeapBytes() {
        return maxHeap;
    }

    /** Share of the wall-clock time the application was paused by GC, in percent. */
    double gcPausePercent() {
        return seconds == 0 ? Double.NaN : 100 * gcPauseSeconds / seconds;
    }

    Report report() {
        return new Report(connections, mib(maxUsedHeap), mib(maxCommittedHeap), mib(maxHeap), mib(maxResident),
                ArmTotals.round(gcPauseSeconds * 1000, 1), ArmTotals.round(gcPausePercent(), 2));
    }

    record Report(int connections, double usedHeapMiB, double committedHeapMiB, double maxHeapMiB,
                  double residentMiB, Double gcPauseMs, Double gcPausePercent) {
    }

    static double mib(long bytes) {
        return Math.round(bytes / 1048576.0 * 10) / 10.0;
    }
}
