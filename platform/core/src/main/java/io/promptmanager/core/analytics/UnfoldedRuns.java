package io.promptmanager.core.analytics;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.promptmanager.core.analytics.RollupWatermark.XidRange;
import io.promptmanager.core.common.BillingType;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Stored executions not yet in the rollups — those inserted by transactions at or above the
 * {@link RollupWatermark} — summed in the database per rollup key, outcome, known cost and latency bucket (the buckets of
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
            """;
    private static final String GROUPS = """
            GROUP BY e.user_id, day, e.prompt_name, e.version_number, e.model, e.billing_type, succeeded,
                     cost_unknown, latency_bucket
            """;
    private static final String IN_RANGE = SUMS + """
            FROM executions e
            WHERE e.recorded_xid >= ? AND e.recorded_xid < ?
            """ + GROUPS;
    // The range alone picks the rows, through the index on recorded_xid: given the account and days
    // too, the planner may walk the account's whole history by (user_id, created_at) instead,
    // seconds for a busy account, when it misjudges how few rows the range holds.
    private static final String UNFOLDED = """
            WITH unfolded AS MATERIALIZED (
                SELECT user_id, created_at, prompt_name, version_number, model, billing_type, status, cost,
                       latency_ms, prompt_tokens, completion_tokens
                FROM executions WHERE recorded_xid >= ? AND recorded_xid < ?)
            """;
    private static final String IN_RANGE_ON_DAYS = UNFOLDED + SUMS + """
            FROM unfolded e
            WHERE e.created_at >= ? AND e.created_at < ?
            """ + GROUPS;
    private static final String IN_RANGE_ON_DAYS_OF_USER = UNFOLDED + SUMS + """
            FROM unfolded e
            WHERE e.user_id = ?::uuid AND e.created_at >= ? AND e.created_at < ?
            """ + GROUPS;
    private static final String NTH = """
            SELECT recorded_xid FROM executions
            WHERE recorded_xid >= ? AND recorded_xid < ?
            ORDER BY recorded_xid OFFSET ? LIMIT 1
            """;
    private static final String THRESHOLDS = toArrayLiteral(LatencyHistogram.widthBucketThresholds());

    /** The runs inserted by the transactions of {@code range}. */
    public List<RollupEntry> in(DbExecute exec, XidRange range) {
        return exec.query(IN_RANGE, THRESHOLDS, range.from(), range.to()).map(UnfoldedRuns::entry).toList();
    }

    /**
     * The transaction id of the {@code n}th run (from 0) inserted by the transactions of
     * {@code range}, in id order; empty when there are not that many.
     */
    public OptionalLong nthFrom(DbExecute exec, XidRange range, long n) {
        return exec.get(NTH, range.from(), range.to(), n)
                .map(row -> OptionalLong.of(row.column("recorded_xid").get(Long.class)))
                .orElse(OptionalLong.empty());
    }

    /** Every account's runs of {@code range} on the UTC days {@code from} to {@code to}. */
    public List<RollupEntry> in(DbExecute exec, XidRange range, LocalDate from, LocalDate to) {
        return exec.query(IN_RANGE_ON_DAYS, range.from(), range.to(), THRESHOLDS, startOf(from),
                startOf(to.plusDays(1))).map(UnfoldedRuns::entry).toList();
    }

    /** One account's runs of {@code range} on the UTC days {@code from} to {@code to}. */
    public List<RollupEntry> in(DbExecute exec, XidRange range, UUID userId, LocalDate from, LocalDate to) {
        return exec.query(IN_RANGE_ON_DAYS_OF_USER, range.from(), range.to(), THRESHOLDS, userId, startOf(from),
                startOf(to.plusDays(1))).map(UnfoldedRuns::entry).toList();
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
