package io.promptmanager.benchmarks;

import java.time.Duration;
import java.util.List;

/**
 * How long and how much: {@code full} is the published benchmark (about 10 minutes here);
 * {@code smoke} exercises every phase with about 10 seconds of load, to keep the harness working
 * in CI; {@code serve} sets everything up, prints the wrk commands of the arms and waits, to
 * profile the product by hand.
 *
 * @param slice         length of one measured slice of one arm
 * @param rounds        slices per arm at each number of connections (arms alternate within a round)
 * @param concurrencies numbers of connections of the execution arms
 * @param warmup        one unmeasured slice per arm at the most connections, before anything
 * @param levelWarmup   one unmeasured slice per arm at each number of connections (zero: none)
 * @param settle        wait before reading PostgreSQL's transaction counters (it publishes a
 *                      backend's counts up to 10 s after the backend goes idle)
 * @param cachedConnections connections of the cached production fetch
 * @param analyticsExecutions executions written before timing analytics
 * @param analyticsRepeats timed requests per analytics report (after as many warm-ups, at most 5)
 * @param profile       whether to record one extra Prompt Manager slice with Java Flight Recorder
 */
record BenchmarkSettings(String mode, Duration slice, int rounds, List<Integer> concurrencies, Duration warmup,
                         Duration levelWarmup, Duration settle, int cachedConnections, int analyticsExecutions,
                         int analyticsRepeats, boolean profile) {

    /** {@code full}, {@code smoke} or {@code serve}; {@code -Dbench.profile=true|false} overrides whether to profile. */
    static BenchmarkSettings named(String mode) {
        BenchmarkSettings settings = preset(mode);
        String profile = System.getProperty("bench.profile");
        return profile == null ? settings : new BenchmarkSettings(settings.mode, settings.slice, settings.rounds,
                settings.concurrencies, settings.warmup, settings.levelWarmup, settings.settle,
                settings.cachedConnections, settings.analyticsExecutions, settings.analyticsRepeats,
                Boolean.parseBoolean(profile));
    }

    private static BenchmarkSettings preset(String mode) {
        return switch (mode) {
            case "full" -> new BenchmarkSettings("full", Duration.ofSeconds(5), 6, List.of(1, 16, 64),
                    Duration.ofSeconds(20), Duration.ofSeconds(5), Duration.ofSeconds(11), 64, 1_000_000, 20, true);
            case "smoke" -> new BenchmarkSettings("smoke", Duration.ofMillis(1000), 1, List.of(1, 64),
                    Duration.ofMillis(1000), Duration.ZERO, Duration.ofSeconds(11), 64, 10_000, 3, false);
            case "serve" -> new BenchmarkSettings("serve", Duration.ofMillis(1000), 1, List.of(1, 64),
                    Duration.ZERO, Duration.ZERO, Duration.ZERO, 64, 0, 0, false);
            default -> throw new IllegalArgumentException("mode must be full, smoke or serve, not " + mode);
        };
    }
}
