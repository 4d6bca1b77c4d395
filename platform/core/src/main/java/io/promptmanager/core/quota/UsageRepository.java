package io.promptmanager.core.quota;

import io.helidon.dbclient.DbExecute;
import io.promptmanager.core.db.SqlWrite;

import java.time.LocalDate;
import java.util.List;
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
    // Rows arrive sorted by (user, day), so concurrent writers lock them in the same order.
    private static final String ADD = """
            INSERT INTO daily_usage (user_id, day, executions)
            SELECT t.user_id::uuid, t.day::date, t.n::integer
            FROM unnest(?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS t(user_id, day, n, ord)
            ORDER BY t.ord
            ON CONFLICT (user_id, day) DO UPDATE SET executions = daily_usage.executions + excluded.executions
            """;
    // A refund never takes a counter below zero, and touches only the day the unit was taken on.
    private static final String SUBTRACT = """
            UPDATE daily_usage d SET executions = greatest(0, d.executions - t.n::integer)
            FROM unnest(?::text[], ?::text[], ?::text[]) AS t(user_id, day, n)
            WHERE d.user_id = t.user_id::uuid AND d.day = t.day::date
            """;

    /** A change of one user's counter on one day. */
    public record Delta(UUID userId, LocalDate day, int amount) {
    }

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

    /** The addition of each positive amount to its day (no limit: the runs already happened). */
    public SqlWrite add(List<Delta> increments) {
        return new SqlWrite(ADD, columns(increments));
    }

    /** The subtraction of each amount from its day, never below zero. */
    public SqlWrite subtract(List<Delta> refunds) {
        return new SqlWrite(SUBTRACT, columns(refunds));
    }

    private static Object[] columns(List<Delta> deltas) {
        String[] users = new String[deltas.size()];
        String[] days = new String[deltas.size()];
        String[] amounts = new String[deltas.size()];
        for (int i = 0; i < deltas.size(); i++) {
            users[i] = deltas.get(i).userId().toString();
            days[i] = deltas.get(i).day().toString();
            amounts[i] = Integer.toString(deltas.get(i).amount());
        }
        return new Object[] {users, days, amounts};
    }
}
