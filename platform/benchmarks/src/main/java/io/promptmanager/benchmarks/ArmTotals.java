package io.promptmanager.benchmarks;

/**
 * One arm's sums over its measured slices at one number of connections. Rates are totals over
 * totals (all requests over all seconds), so a slice disturbed by a neighbour's build weighs
 * only its share.
 */
final class ArmTotals {
    private final String arm;
    private final int connections;
    private final Latencies latencies = new Latencies();
    private int slices;
    private long requests;
    private long statusErrors;
    private long socketErrors;
    private double seconds;
    private long upstreamCalls;
    private long rows;
    private long processCpuNanos;
    private long backendCpuNanos;
    private long harnessCpuNanos;

    ArmTotals(String arm, int connections) {
        this.arm = arm;
        this.connections = connections;
    }

    void add(SliceResult slice, Counters before, Counters after) {
        slices++;
        latencies.add(slice);
        requests += slice.requests();
        statusErrors += slice.statusErrors();
        socketErrors += slice.socketErrors();
        seconds += slice.seconds();
        upstreamCalls += after.upstreamSince(before);
        rows += after.rowsSince(before);
        processCpuNanos += after.processCpuSince(before);
        backendCpuNanos += after.backendCpuSince(before);
        harnessCpuNanos += after.harnessCpuSince(before);
    }

    String arm() {
        return arm;
    }

    int connections() {
        return connections;
    }

    double requestsPerSecond() {
        return seconds == 0 ? Double.NaN : requests / seconds;
    }

    Latencies latencies() {
        return latencies;
    }

    long requests() {
        return requests;
    }

    long successes() {
        return requests - statusErrors;
    }

    long upstreamCalls() {
        return upstreamCalls;
    }

    long rows() {
        return rows;
    }

    long errors() {
        return statusErrors + socketErrors;
    }

    /** CPU of the arm's own process per upstream call it made (every call is a unit of work done), µs. */
    double processCpuMicrosPerCall() {
        return upstreamCalls == 0 ? Double.NaN : processCpuNanos / 1000.0 / upstreamCalls;
    }

    /** Cores the arm's process kept busy on average while measured. */
    double processCores() {
        return seconds == 0 ? Double.NaN : processCpuNanos / 1e9 / seconds;
    }

    /** PostgreSQL backend CPU per stored execution, µs. */
    double backendCpuMicrosPerRow() {
        return rows == 0 ? Double.NaN : backendCpuNanos / 1000.0 / rows;
    }

    double backendCores() {
        return seconds == 0 ? Double.NaN : backendCpuNanos / 1e9 / seconds;
    }

    /** The harness process (it hosts the fake upstream) per upstream call, µs. */
    double harnessCpuMicrosPerCall() {
        return upstreamCalls == 0 ? Double.NaN : harnessCpuNanos / 1000.0 / upstreamCalls;
    }

    ArmReport report() {
        return new ArmReport(arm, connections, slices, requests, round(seconds, 2), round(requestsPerSecond(), 1),
                round(latencies.millis(50), 3), round(latencies.millis(90), 3), round(latencies.millis(99), 3),
                round(latencies.millis(99.9), 3), statusErrors, socketErrors, upstreamCalls, rows,
                round(processCpuMicrosPerCall(), 1), round(processCores(), 2), round(backendCpuMicrosPerRow(), 1),
                round(backendCores(), 2), round(harnessCpuMicrosPerCall(), 1));
    }

    /** The arm's totals as the JSON result shows them (latencies in ms, CPU in µs per call). */
    record ArmReport(String arm, int connections, int slices, long requests, Double seconds, Double requestsPerSecond,
                     Double p50Ms, Double p90Ms, Double p99Ms, Double p999Ms, long errorStatusResponses,
                     long socketErrors, long upstreamCalls, long executionRows, Double processCpuMicrosPerCall,
                     Double processCores, Double databaseCpuMicrosPerExecution, Double databaseCores,
                     Double harnessCpuMicrosPerCall) {
    }

    /** Rounded for the report; null for "not measured" (NaN), which JSON cannot hold. */
    static Double round(double value, int digits) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return null;
        }
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
