package io.promptmanager.core.analytics;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

/**
 * SQL for the rollups' watermark: the transaction id below which every stored execution is in
 * the rollups and from which none is (see the V9 migration). Ids are PostgreSQL's 64-bit
 * transaction ids ({@code xid8}) as numbers.
 */
public final class RollupWatermark {
    // Folds on several nodes take turns; the loser of a race skips its turn instead of waiting.
    private static final long FOLD_LOCK = 0x706d5f726f6c6c75L; // "pm_rollu"
    private static final String TRY_LOCK = "SELECT pg_try_advisory_xact_lock(?) AS locked";
    // Every transaction below the oldest one still running has committed or aborted: nothing
    // below it can be inserted any more.
    private static final String FOLDABLE = """
            SELECT watermark AS from_xid, pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS to_xid
            FROM rollup_watermark
            """;
    // Nothing the snapshot sees was inserted at or above its xmax.
    private static final String UNFOLDED = """
            SELECT watermark AS from_xid, pg_snapshot_xmax(pg_current_snapshot())::text::bigint AS to_xid
            FROM rollup_watermark
            """;
    private static final String ADVANCE = "UPDATE rollup_watermark SET watermark = ?";

    /** The watermark and the horizon a fold may advance it to. */
    /** Transaction ids from {@code from} (included) to {@code to} (excluded). */
    public record XidRange(long from, long to) {
        public boolean empty() {
            return to <= from;
        }
    }

    /** Takes the fold's turn for the caller's transaction; false when another fold has it. */
    public boolean tryLockForFold(DbExecute exec) {
        return exec.get(TRY_LOCK, FOLD_LOCK).orElseThrow().column("locked").get(Boolean.class);
    }

    /** From the watermark to the horizon: what a fold may add now. */
    public XidRange foldable(DbExecute exec) {
        return range(exec.get(FOLDABLE).orElseThrow());
    }

    /**
     * From the watermark to the end of the caller's snapshot: every run the snapshot sees that is
     * not in the rollups. (Bounded on both sides, so the planner picks the index on
     * {@code recorded_xid} even without statistics.)
     */
    public XidRange unfolded(DbExecute exec) {
        return range(exec.get(UNFOLDED).orElseThrow());
    }

    private static XidRange range(DbRow row) {
        return new XidRange(row.column("from_xid").get(Long.class), row.column("to_xid").get(Long.class));
    }

    public void advance(DbExecute exec, long to) {
        exec.update(ADVANCE, to);
    }
}
