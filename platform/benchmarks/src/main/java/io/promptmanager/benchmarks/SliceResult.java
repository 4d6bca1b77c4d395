package io.promptmanager.benchmarks;

/**
 * What wrk saw in one slice: completed responses, how long it ran, responses with an error
 * status (4xx/5xx), socket errors (connect, read, write, timeout) and evenly spaced latency
 * quantiles in microseconds.
 */
record SliceResult(int connections, long requests, long durationMicros, long statusErrors, long socketErrors,
                   long[] latencyQuantilesMicros) {

    long successes() {
        return requests - statusErrors;
    }

    double seconds() {
        return durationMicros / 1e6;
    }
}
