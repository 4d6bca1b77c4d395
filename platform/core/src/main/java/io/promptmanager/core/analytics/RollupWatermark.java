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
    private static final String CURRENT = "SELECT watermark FROM rollup_watermark";
    // Every transaction below the oldest one still running has committed or aborted: nothing
    // below it can be inserted any more.
    private static final String BOUNDS = """
            SELECT watermark, pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS horizon
            FROM rollup_watermark
            """;
    private static final String ADVANCE = "UPDATE rollup_watermark SET watermark = ?";

    /** The watermark and the horizon a fold may advance it to. */
    public record Bounds(long watermark, long horizon) {
        public boolean empty() {
            return horizon <= watermark;
        }
    }

    /** Takes the fold's turn for the caller's transaction; false when another fold has it. */
    public boolean tryLockForFold(DbExecute exec) {
        return exec.get(TRY_LOCK, FOLD_LOCK).orElseThrow().column("locked").get(Boolean.class);
    }

    public long current(DbExecute exec) {
        return exec.get(CURRENT).orElseThrow().column("watermark").get(Long.class);
    }

    public Bounds bounds(DbExecute exec) {
        DbRow row = exec.get(BOUNDS).orElseThrow();
        return new Bounds(row.column("watermark").get(Long.class), row.column("horizon").get(Long.class));
    }

    public void advance(DbExecute exec, long to) {
        exec.update(ADVANCE, to);
    }
}
