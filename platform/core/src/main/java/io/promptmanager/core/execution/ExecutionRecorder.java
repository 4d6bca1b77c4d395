package io.promptmanager.core.execution;

import io.promptmanager.core.db.SqlWrite;
import io.promptmanager.core.db.Transactions;
import io.promptmanager.core.quota.QuotaOutcome;
import io.promptmanager.core.quota.UsageService;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes executions durably with group commit: callers queue their record and wait for its
 * future; one writer thread takes everything queued (up to {@link #MAX_BATCH}) and writes it —
 * the executions and their quota settlements — as one statement in autocommit (see
 * {@link Transactions#writeAll}): one round trip, commit included, all or nothing. Then it
 * completes every future of the batch, or fails them all when the statement failed. Concurrent
 * runs thus share one commit instead of paying one each. The analytics rollups are not written
 * here: after each committed batch the writer tells whoever folds stored executions into them
 * (see {@link io.promptmanager.core.analytics.RollupAggregator}).
 * <p>
 * The writing stays on this platform thread, never on a caller's: a caller is a virtual thread,
 * whose socket I/O already goes through the JDK's poller (writing on it saved about 25 µs of a
 * one-record batch, within the noise), and interrupting a virtual thread during socket I/O closes
 * the connection while PostgreSQL may still commit the statement — the caller would be told its
 * run was not recorded when it was. Nothing interrupts the writer thread.
 */
public final class ExecutionRecorder implements AutoCloseable {
    public static final int MAX_BATCH = 256;
    static final int QUEUE_CAPACITY = 10_000;
    private static final Logger LOG = Logger.getLogger(ExecutionRecorder.class.getName());
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Transactions transactions;
    private final ExecutionRepository executions;
    private final UsageService usage;
    private final Runnable committed;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    // Read-held while queueing, write-held to stop: nothing can be queued after the stop marker.
    private final ReadWriteLock accepting = new ReentrantReadWriteLock();
    private final Thread writer;
    private boolean stopped;

    private record Pending(ExecutionRecord record, CompletableFuture<Void> done) {
    }

    private static final Pending STOP = new Pending(null, null);

    private ExecutionRecorder(Transactions transactions, ExecutionRepository executions, UsageService usage,
                              Runnable committed) {
        this.transactions = transactions;
        this.executions = executions;
        this.usage = usage;
        this.committed = committed;
        this.writer = Thread.ofPlatform().daemon().name("pm-execution-recorder").unstarted(this::run);
    }

    /**
     * Starts the writer thread; {@link #close} stops it after writing everything queued. Give it
     * {@link io.promptmanager.core.db.Database#writerDbClient}'s transactions, where its one
     * statement is planned once per connection rather than once per batch. {@code committed} runs
     * on the writer thread after each committed batch, so it must return at once.
     */
    public static ExecutionRecorder start(Transactions transactions, ExecutionRepository executions,
                                          UsageService usage, Runnable committed) {
        ExecutionRecorder recorder = new ExecutionRecorder(transactions, executions, usage, committed);
        recorder.writer.start();
        return recorder;
    }

    /**
     * Queues a record; the future completes once it is committed, or fails with the batch's
     * error. Blocks while the queue is full (an interrupt then fails the future); an interrupted
     * caller's record is still queued when there is room. Fails at once after {@link #close}.
     */
    public CompletableFuture<Void> record(ExecutionRecord record) {
        accepting.readLock().lock();
        try {
            if (stopped) {
                return CompletableFuture.failedFuture(new IllegalStateException("The execution recorder is stopped"));
            }
            Pending pending = new Pending(record, new CompletableFuture<>());
            if (!queue.offer(pending)) {
                queue.put(pending);
            }
            return pending.done();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        } finally {
            accepting.readLock().unlock();
        }
    }

    /**
     * Records and waits until the record is durable; throws IllegalStateException when it could
     * not be written. An interrupt does not cut the wait short (the interrupt status is kept).
     */
    public void recordAndWait(ExecutionRecord record) {
        try {
            record(record).join();
        } catch (CompletionException e) {
            throw new IllegalStateException("The execution could not be recorded", e.getCause());
        }
    }

    /** Stops accepting records, writes what is queued, and stops the writer thread. */
    @Override
    public void close() {
        accepting.writeLock().lock();
        try {
            if (stopped) {
                return;
            }
            stopped = true;
            queue.put(STOP);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            writer.interrupt();
        } finally {
            accepting.writeLock().unlock();
        }
        try {
            if (!writer.join(STOP_TIMEOUT)) {
                LOG.warning("The execution recorder did not finish its queue within " + STOP_TIMEOUT.toSeconds() + " s");
                writer.interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        boolean running = true;
        while (running) {
            try {
                batch.add(queue.take());
                queue.drainTo(batch, MAX_BATCH - 1);
            } catch (InterruptedException e) {
                queue.drainTo(batch);
                running = false;
            }
            if (batch.remove(STOP)) {
                running = false;
                queue.drainTo(batch);
            }
            if (!batch.isEmpty()) {
                write(batch);
                batch.clear();
            }
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
        announceCommitted();
        batch.forEach(pending -> pending.done().complete(null));
    }

    // before the callers are answered, so whoever a caller tells about its run finds it announced;
    // a failing listener must not leave the batch's callers waiting
    private void announceCommitted() {
        try {
            committed.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Announcing a committed batch failed", e);
        }
    }

    // Always the same parts in the same order: the statement text stays the same (prepared once),
    // and concurrent batches (other nodes) lock usage counters in sorted order.
    private List<SqlWrite> writes(List<ExecutionRecord> records) {
        List<SqlWrite> writes = new ArrayList<>(3);
        writes.add(executions.insert(records));
        writes.addAll(usage.settle(records.stream()
                .map(r -> new QuotaOutcome(r.reservation(), r.consumesQuota()))
                .toList()));
        return writes;
    }
}
