package io.promptmanager.core.execution;

import io.promptmanager.core.analytics.RollupEntry;
import io.promptmanager.core.analytics.RollupRepository;
import io.promptmanager.core.db.SqlWrite;
import io.promptmanager.core.db.Transactions;
import io.promptmanager.core.quota.QuotaOutcome;
import io.promptmanager.core.quota.UsageService;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes executions durably with group commit. A batch — the executions, their analytics rollups
 * and their quota settlements — is one statement in autocommit (see {@link Transactions#writeAll}):
 * one round trip, all or nothing; a failed batch fails the future of every record in it.
 * <p>
 * A caller of {@link #recordAndWait} that finds the recorder idle (nothing queued, nothing being
 * written) writes its record itself, on its own thread, so a lone run pays no hand-off. Records
 * that arrive while a batch is being written are queued; one writer thread takes everything
 * queued (up to {@link #MAX_BATCH}) as soon as the write in progress ends, so concurrent runs
 * share one commit. There is never more than one batch in flight.
 */
public final class ExecutionRecorder implements AutoCloseable {
    public static final int MAX_BATCH = 256;
    static final int QUEUE_CAPACITY = 10_000;
    private static final Logger LOG = Logger.getLogger(ExecutionRecorder.class.getName());
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Transactions transactions;
    private final ExecutionRepository executions;
    private final RollupRepository rollups;
    private final UsageService usage;
    private final Thread writer;
    private final ReentrantLock lock = new ReentrantLock();
    // Signalled when the writer thread may have a batch to take, or should stop.
    private final Condition work = lock.newCondition();
    // Signalled when the queue has room again, or the recorder stopped.
    private final Condition room = lock.newCondition();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private boolean writing;
    private boolean stopped;

    private record Pending(ExecutionRecord record, CompletableFuture<Void> done) {
        Pending(ExecutionRecord record) {
            this(record, new CompletableFuture<>());
        }
    }

    private ExecutionRecorder(Transactions transactions, ExecutionRepository executions, RollupRepository rollups,
                              UsageService usage) {
        this.transactions = transactions;
        this.executions = executions;
        this.rollups = rollups;
        this.usage = usage;
        this.writer = Thread.ofPlatform().daemon().name("pm-execution-recorder").unstarted(this::run);
    }

    /** Starts the writer thread; {@link #close} stops it after writing everything queued. */
    public static ExecutionRecorder start(Transactions transactions, ExecutionRepository executions,
                                          RollupRepository rollups, UsageService usage) {
        ExecutionRecorder recorder = new ExecutionRecorder(transactions, executions, rollups, usage);
        recorder.writer.start();
        return recorder;
    }

    /**
     * Queues a record for the writer thread; the future completes once it is committed, or fails
     * with the batch's error. Blocks while the queue is full (an interrupt then fails the future).
     * Fails at once after {@link #close}.
     */
    public CompletableFuture<Void> record(ExecutionRecord record) {
        Pending pending = new Pending(record);
        lock.lock();
        try {
            while (!stopped && queue.size() >= QUEUE_CAPACITY) {
                room.await();
            }
            if (stopped) {
                return CompletableFuture.failedFuture(new IllegalStateException("The execution recorder is stopped"));
            }
            queue.add(pending);
            if (!writing) {
                work.signal();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        } finally {
            lock.unlock();
        }
        return pending.done();
    }

    /**
     * Records and returns once the record is durable; throws IllegalStateException when it could
     * not be written. The wait is not cut short by an interrupt (the interrupt status is kept).
     */
    public void recordAndWait(ExecutionRecord record) {
        CompletableFuture<Void> done = takeIdleRecorder() ? writeAlone(record) : record(record);
        try {
            done.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("The execution could not be recorded", e.getCause());
        }
    }

    /** Stops accepting records, waits until everything queued and in flight is written, stops the writer thread. */
    @Override
    public void close() {
        lock.lock();
        try {
            stopped = true;
            work.signal();
            room.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            if (!writer.join(STOP_TIMEOUT)) {
                LOG.warning("The execution recorder did not finish its queue within " + STOP_TIMEOUT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Claims the right to write when nothing is queued or being written. Not for an interrupted
     * caller: socket I/O on an interrupted virtual thread closes the connection, so its record
     * goes to the writer thread, which nothing interrupts.
     */
    private boolean takeIdleRecorder() {
        if (Thread.currentThread().isInterrupted()) {
            return false;
        }
        lock.lock();
        try {
            if (stopped || writing || !queue.isEmpty()) {
                return false;
            }
            writing = true;
            return true;
        } finally {
            lock.unlock();
        }
    }

    private CompletableFuture<Void> writeAlone(ExecutionRecord record) {
        Pending pending = new Pending(record);
        try {
            write(List.of(pending));
        } finally {
            lock.lock();
            try {
                writing = false;
                if (stopped || !queue.isEmpty()) {
                    work.signal();
                }
            } finally {
                lock.unlock();
            }
        }
        return pending.done();
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (takeBatch(batch)) {
            try {
                write(batch);
            } finally {
                batch.clear();
                lock.lock();
                try {
                    writing = false;
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    /**
     * Waits until records are queued and no batch is being written, then takes up to
     * {@link #MAX_BATCH} of them; false once stopped with nothing queued or in flight.
     */
    private boolean takeBatch(List<Pending> batch) {
        lock.lock();
        try {
            while (queue.isEmpty() || writing) {
                if (stopped && queue.isEmpty() && !writing) {
                    return false;
                }
                work.awaitUninterruptibly();
            }
            while (batch.size() < MAX_BATCH && !queue.isEmpty()) {
                batch.add(queue.poll());
            }
            writing = true;
            room.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void write(List<Pending> batch) {
        List<ExecutionRecord> records = batch.stream().map(Pending::record).toList();
        try {
            transactions.writeAll(writes(records));
        } catch (RuntimeException | Error e) {
            LOG.log(Level.SEVERE, e, () -> "Recording a batch of " + records.size() + " executions failed");
            batch.forEach(pending -> pending.done().completeExceptionally(e));
            return;
        }
        batch.forEach(pending -> pending.done().complete(null));
    }

    // Always the same parts in the same order: the statement text stays the same, and concurrent
    // batches (other nodes) lock rollup rows, then usage counters, each in sorted order.
    private List<SqlWrite> writes(List<ExecutionRecord> records) {
        List<SqlWrite> writes = new ArrayList<>(4);
        writes.add(executions.insert(records));
        writes.add(rollups.add(records.stream().map(ExecutionRecorder::rollupEntry).toList()));
        writes.addAll(usage.settle(records.stream()
                .map(r -> new QuotaOutcome(r.reservation(), r.consumesQuota()))
                .toList()));
        return writes;
    }

    private static RollupEntry rollupEntry(ExecutionRecord r) {
        return new RollupEntry(r.userId(), LocalDate.ofInstant(r.createdAt(), ZoneOffset.UTC), r.promptName(),
                r.versionNumber(), r.model(), r.billingType(), r.status() == ExecutionStatus.SUCCEEDED,
                r.tokens().prompt(), r.tokens().completion(), r.cost().amount(), r.latencyMs());
    }
}
