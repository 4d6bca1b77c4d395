package io.promptmanager.core.analytics;

import io.helidon.dbclient.DbExecute;
import io.promptmanager.core.common.PeriodicSchedule;
import io.promptmanager.core.db.SqlWrite;
import io.promptmanager.core.db.Transactions;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Adds stored executions to the analytics rollups in the background, so recording a run writes
 * only its execution row: a fold sums every execution between the {@link RollupWatermark} and
 * the horizon (the oldest transaction still running) per rollup key, adds the sums to the
 * rollups and moves the watermark to the horizon — in one transaction, so each run is added
 * exactly once. Folds run at most once an interval, only after runs were recorded (an idle
 * server sends the database nothing), once at start for what an earlier process left, and once
 * at close. Reports add the executions above the watermark as they read, so they never lag.
 * Several nodes may fold; they take turns.
 */
public final class RollupAggregator implements AutoCloseable {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    static final long RUNS_PER_TRANSACTION = 100_000;
    private static final Logger LOG = Logger.getLogger(RollupAggregator.class.getName());

    private final Transactions transactions;
    private final RollupRepository rollups;
    private final UnfoldedRuns unfolded;
    private final RollupWatermark watermark;
    private final Duration interval;
    private final long runsPerTransaction;
    // set by recorded runs; a fold that added runs leaves it set for one more turn, in case the
    // horizon held some back
    private final AtomicBoolean due = new AtomicBoolean(true);
    private final PeriodicSchedule schedule = new PeriodicSchedule("pm-rollup-fold", this::foldIfDue);

    public RollupAggregator(Transactions transactions, RollupRepository rollups, UnfoldedRuns unfolded,
                            RollupWatermark watermark, Duration interval) {
        this(transactions, rollups, unfolded, watermark, interval, RUNS_PER_TRANSACTION);
    }

    RollupAggregator(Transactions transactions, RollupRepository rollups, UnfoldedRuns unfolded,
                     RollupWatermark watermark, Duration interval, long runsPerTransaction) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the rollup fold interval must be positive");
        }
        this.transactions = transactions;
        this.rollups = rollups;
        this.unfolded = unfolded;
        this.watermark = watermark;
        this.interval = interval;
        this.runsPerTransaction = runsPerTransaction;
    }

    /** Starts folding every interval (once); close to stop. */
    public RollupAggregator start() {
        schedule.start(interval);
        return this;
    }

    /** Tells the aggregator that executions were committed: the next turn folds them. */
    public void recorded() {
        due.set(true);
    }

    /**
     * Adds every execution below the horizon that is not in the rollups yet, in transactions of
     * about {@link #RUNS_PER_TRANSACTION} runs (a batch of runs is never split); answers how many runs it added (0 also when
     * another node was folding).
     */
    public long fold() {
        long added = 0;
        Step step;
        do {
            step = transactions.inTransaction(this::foldStep);
            added += step.runs();
        } while (step.more());
        return added;
    }

    private record Step(long runs, boolean more) {
        static final Step NOTHING = new Step(0, false);
    }

    private Step foldStep(DbExecute exec) {
        if (!watermark.tryLockForFold(exec)) {
            return Step.NOTHING;
        }
        RollupWatermark.XidRange foldable = watermark.foldable(exec);
        if (foldable.empty()) {
            return Step.NOTHING;
        }
        // a backlog (say after a long transaction held the horizon) is folded a slice at a time
        OptionalLong cut = unfolded.nthFrom(exec, foldable, runsPerTransaction);
        long to = cut.isPresent() && cut.getAsLong() > foldable.from() ? cut.getAsLong() : foldable.to();
        List<RollupEntry> entries = unfolded.in(exec, new RollupWatermark.XidRange(foldable.from(), to));
        if (!entries.isEmpty()) {
            SqlWrite upsert = rollups.add(entries);
            exec.update(upsert.sql(), upsert.parameters());
        }
        watermark.advance(exec, to);
        return new Step(entries.stream().mapToLong(e -> e.measures().runs()).sum(), to < foldable.to());
    }

    /** Stops the periodic folds, then folds what is left. */
    @Override
    public void close() {
        schedule.close();
        try {
            fold();
        } catch (RuntimeException e) {
            // nothing is lost: the next process's first fold adds these runs
            LOG.warning(() -> "The last rollup fold failed (" + e.getClass().getSimpleName()
                    + "); the next start folds what it left");
        }
    }

    private void foldIfDue() {
        if (!due.getAndSet(false)) {
            return;
        }
        try {
            if (fold() > 0) {
                due.set(true);
            }
        } catch (RuntimeException e) {
            due.set(true);
            throw e;
        }
    }
}
