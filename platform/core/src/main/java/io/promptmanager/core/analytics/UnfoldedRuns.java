package io.promptmanager.core.analytics;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.promptmanager.core.common.BillingType;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Stored executions not yet in the rollups — those at or above the {@link RollupWatermark} —
 * summed in the database per rollup key, outcome, known cost and latency bucket (the buckets of
 * {@link LatencyHistogram}, computed by {@code width_bucket}): the tail a fold adds to the
 * rollups, and that a report adds to what it reads from them.
 */
public final class UnfoldedRuns {
    private static final String SUMS = """
            SELECT e.user_id, (e.created_at AT TIME ZONE 'UTC')::date AS day, e.prompt_name, e.version_number,
                   e.model, e.billing_type, e.status = 'SUCCEEDED' AS succeeded, e.cost IS NULL AS cost_unknown,
                   width_bucket(e.latency_ms, ?::bigint[]) AS latency_bucket, count(*) AS runs,
                   sum(e.prompt_tokens)::bigint AS prompt_tokens, sum(e.completion_tokens)::bigint AS completion_tokens,
                   sum(e.cost) AS cost, sum(e.latency_ms)::bigint AS latency_ms_sum
            FROM executions e
            """;
    private static final String GROUPS = """
            GROUP BY e.user_id, day, e.prompt_name, e.version_number, e.model, e.billing_type, succeeded,
                     cost_unknown, latency_bucket
            """;
    private static final String BETWEEN = SUMS + """
            WHERE e.recorded_xid >= ? AND e.recorded_xid < ?
            """ + GROUPS;
    private static final String ABOVE = SUMS + """
            WHERE e.recorded_xid >= ? AND e.created_at >= ? AND e.created_at < ?
            """ + GROUPS;
    private static final String ABOVE_FOR_USER = SUMS + """
            WHERE e.recorded_xid >= ? AND e.user_id = ?::uuid AND e.created_at >= ? AND e.created_at < ?
            """ + GROUPS;
    private static final String NTH_FROM = """
            SELECT recorded_xid FROM executions
            WHERE recorded_xid >= ? AND recorded_xid < ?
            ORDER BY recorded_xid OFFSET ? LIMIT 1
            """;
    private static final String THRESHOLDS = toArrayLiteral(LatencyHistogram.widthBucketThresholds());

    /** The runs inserted by transactions from {@code from} (included) to {@code to} (excluded). */
    public List<RollupEntry> between(DbExecute exec, long from, long to) {
        return exec.query(BETWEEN, THRESHOLDS, from, to).map(UnfoldedRuns::entry).toList();
    }

    /**
     * The transaction id of the {@code n}th run (from 0) inserted from {@code from} (included) to
     * {@code to} (excluded), in id order; empty when there are not that many.
     */
    public OptionalLong nthFrom(DbExecute exec, long from, long to, long n) {
        return exec.get(NTH_FROM, from, to, n)
                .map(row -> OptionalLong.of(row.column("recorded_xid").get(Long.class)))
                .orElse(OptionalLong.empty());
    }

    /** Every account's runs at or above {@code watermark} on the UTC days {@code from} to {@code to}. */
    public List<RollupEntry> above(DbExecute exec, long watermark, LocalDate from, LocalDate to) {
        return exec.query(ABOVE, THRESHOLDS, watermark, startOf(from), startOf(to.plusDays(1)))
                .map(UnfoldedRuns::entry).toList();
    }

    /** One account's runs at or above {@code watermark} on the UTC days {@code from} to {@code to}. */
    public List<RollupEntry> above(DbExecute exec, long watermark, UUID userId, LocalDate from, LocalDate to) {
        return exec.query(ABOVE_FOR_USER, THRESHOLDS, watermark, userId, startOf(from), startOf(to.plusDays(1)))
                .map(UnfoldedRuns::entry).toList();
    }

    private static Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static String toArrayLiteral(long[] values) {
        StringBuilder literal = new StringBuilder("{");
        for (long value : values) {
            literal.append(literal.length() > 1 ? "," : "").append(value);
        }
        return literal.append('}').toString();
    }

    private static RollupEntry entry(DbRow row) {
        BigDecimal cost = row.column("cost_unknown").get(Boolean.class) ? null : row.column("cost").get(BigDecimal.class);
        Measures measures = Measures.ofRuns(row.column("runs").get(Long.class),
                row.column("succeeded").get(Boolean.class),
                row.column("prompt_tokens").get(Long.class),
                row.column("completion_tokens").get(Long.class),
                cost,
                row.column("latency_ms_sum").get(Long.class),
                row.column("latency_bucket").get(Integer.class));
        return new RollupEntry(row.column("user_id").get(UUID.class),
                row.column("day").get(LocalDate.class),
                row.column("prompt_name").get(String.class),
                row.column("version_number").get(Integer.class),
                row.column("model").get(String.class),
                BillingType.valueOf(row.column("billing_type").get(String.class)),
                measures);
    }
}
