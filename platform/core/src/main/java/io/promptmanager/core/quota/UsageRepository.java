package io.promptmanager.core.quota;

import io.helidon.dbclient.DbExecute;

import java.time.LocalDate;
import java.util.UUID;

/** SQL for the per-user, per-UTC-day execution counters. */
public final class UsageRepository {
    private static final String EXECUTIONS = """
            SELECT executions FROM daily_usage WHERE user_id = ?::uuid AND day = ?
            """;
    // One statement, so the check and the increment cannot be split by a concurrent caller: the
    // conflicting row is locked and the WHERE is evaluated on its latest committed version.
    private static final String CONSUME = """
            INSERT INTO daily_usage (user_id, day, executions) VALUES (?::uuid, ?, 1)
            ON CONFLICT (user_id, day) DO UPDATE SET executions = daily_usage.executions + 1
            WHERE ?::integer IS NULL OR daily_usage.executions < ?::integer
            RETURNING executions
            """;

    public int executions(DbExecute exec, UUID userId, LocalDate day) {
        return exec.get(EXECUTIONS, userId, day)
                .map(row -> row.column("executions").get(Integer.class))
                .orElse(0);
    }

    /**
     * Adds one execution to the day unless that would pass {@code limit} (null = no limit; a
     * limit below 1 must be refused by the caller, since the first insert always counts one).
     */
    public boolean increment(DbExecute exec, UUID userId, LocalDate day, Integer limit) {
        return exec.get(CONSUME, userId, day, limit, limit).isPresent();
    }
}
