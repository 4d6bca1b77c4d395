package io.promptmanager.benchmarks;

/**
 * The server's memory and GC while Prompt Manager slices ran at one number of connections, from
 * its GC log (pauses, heap before and after each collection, what young collections freed) and
 * /proc (resident size sampled mid-slice).
 */
final class MemoryUnderLoad {
    private final int connections;
    private GcLog.Pauses pauses = GcLog.Pauses.NONE;
    private long maxHeap;
    private long maxResident;
    private double seconds;
    private long executions;

    MemoryUnderLoad(int connections) {
        this.connections = connections;
    }

    void add(GcLog.Pauses slicePauses, long residentBytes, ServerMetrics end, double sliceSeconds, long sliceExecutions) {
        pauses = pauses.plus(slicePauses);
        maxHeap = Math.max(maxHeap, end.maxHeapBytes());
        maxResident = Math.max(maxResident, residentBytes);
        seconds += sliceSeconds;
        executions += sliceExecutions;
    }

    int connections() {
        return connections;
    }

    long maxHeapBytes() {
        return maxHeap;
    }

    /** Share of the wall-clock time the application was paused by GC, in percent. */
    double gcPausePercent() {
        return seconds == 0 ? Double.NaN : pauses.pauseMillis() / 10 / seconds;
    }

    /** What young collections freed per execution: the allocation rate, in KiB per execution. */
    double allocatedKiBPerExecution() {
        return executions == 0 ? Double.NaN : pauses.youngFreedMiB() * 1024.0 / executions;
    }

    Report report() {
        return new Report(connections, pauses.maxHeapBeforeMiB(), pauses.maxHeapAfterMiB(), pauses.heapCapacityMiB(),
                mib(maxResident), pauses.count(), ArmTotals.round(pauses.pauseMillis(), 1),
                ArmTotals.round(gcPausePercent(), 2), ArmTotals.round(allocatedKiBPerExecution(), 1));
    }

    /** Heap figures in MiB as the GC log gives them (before and after the busiest collection, capacity). */
    record Report(int connections, long heapBeforeGcMiB, long heapAfterGcMiB, long heapCapacityMiB, double residentMiB,
                  int gcPauses, Double gcPauseMs, Double gcPausePercent, Double allocatedKiBPerExecution) {
    }

    static double mib(long bytes) {
        return Math.round(bytes / 1048576.0 * 10) / 10.0;
    }
}
