package io.promptmanager.core.apikey;

import io.promptmanager.core.common.PeriodicSchedule;
import io.promptmanager.core.db.Transactions;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * When each API key was last used: recorded in memory by authentication, written to
 * {@code api_keys.last_used_at} in one statement per interval and once more at close, so the
 * API's hot path never writes. The stored time is up to one interval (plus a second) late, and
 * what was not yet written is lost if the process dies. Thread-safe.
 */
public final class LastUseWriter implements AutoCloseable {
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger(LastUseWriter.class.getName());
    // Uses closer together than this are one use: most requests then only read the map.
    private static final Duration PRECISION = Duration.ofSeconds(1);

    private final Transactions transactions;
    private final ApiKeyRepository keys;
    private final Duration interval;
    private final Map<UUID, Instant> pending = new ConcurrentHashMap<>();
    private final PeriodicSchedule schedule = new PeriodicSchedule("pm-api-key-last-use", this::flushQuietly);

    public LastUseWriter(Transactions transactions, ApiKeyRepository keys, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the last-use write interval must be positive");
        }
        this.transactions = transactions;
        this.keys = keys;
        this.interval = interval;
    }

    /** Starts writing every interval (once); close to stop. */
    public LastUseWriter start() {
        schedule.start(interval);
        return this;
    }

    void record(UUID keyId, Instant at) {
        Instant recorded = pending.get(keyId);
        if (recorded == null || !at.isBefore(recorded.plus(PRECISION))) {
            pending.merge(keyId, at, (earlier, later) -> later.isAfter(earlier) ? later : earlier);
        }
    }

    /** Writes every recorded use not yet written, in one statement; answers how many keys it wrote. */
    public int flush() {
        List<Map.Entry<UUID, Instant>> uses = List.copyOf(pending.entrySet());
        if (uses.isEmpty()) {
            return 0;
        }
        keys.touchAll(transactions.read(), uses);
        // a use recorded meanwhile replaced its entry's value and stays for the next write
        uses.forEach(use -> pending.remove(use.getKey(), use.getValue()));
        return uses.size();
    }

    /** Stops the periodic writes, then writes what is left. */
    @Override
    public void close() {
        schedule.close();
        flushQuietly();
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            int waiting = pending.size();
            LOG.warning(() -> "API keys' last use could not be written (" + e.getClass().getSimpleName()
                    + "); " + waiting + " keys will be tried again");
        }
    }
}
