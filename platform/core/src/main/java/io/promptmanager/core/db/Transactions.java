package io.promptmanager.core.db;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbTransaction;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Runs work in one database transaction: committed when the work returns, rolled back when it
 * throws. Repositories take the {@link DbExecute} they are given, so services decide the
 * transaction boundaries.
 */
public final class Transactions {
    private final DbClient dbClient;
    // The combined text of each list of write texts, built once: the same text every time keeps
    // the statement prepared on the server.
    private final Map<List<String>, String> combined = new ConcurrentHashMap<>();

    public Transactions(DbClient dbClient) {
        this.dbClient = dbClient;
    }

    public <T> T inTransaction(Function<DbExecute, T> work) {
        DbTransaction tx = dbClient.transaction();
        T result;
        try {
            result = work.apply(tx);
        } catch (RuntimeException | Error e) {
            try {
                tx.rollback();
            } catch (RuntimeException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        }
        tx.commit();
        return result;
    }

    /**
     * Runs reads in one snapshot (a read-only REPEATABLE READ transaction): every statement sees
     * the same committed data, whatever commits meanwhile.
     */
    public <T> T inSnapshot(Function<DbExecute, T> reads) {
        return inTransaction(exec -> {
            exec.update("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            return reads.apply(exec);
        });
    }

    public void run(java.util.function.Consumer<DbExecute> work) {
        inTransaction(exec -> {
            work.accept(exec);
            return null;
        });
    }

    /**
     * Applies the writes as one statement in autocommit, {@code WITH w0 AS (…), w1 AS (…) SELECT …}:
     * one round trip, commit included, and all or nothing. The writes see the same snapshot (none
     * sees another's changes, so no two may touch the same row) and run one after the other in the
     * listed order, each to its end, so concurrent callers that list their writes in the same
     * order take their row locks in the same order.
     */
    public void writeAll(List<SqlWrite> writes) {
        List<String> texts = writes.stream().map(SqlWrite::sql).toList();
        Object[] parameters = writes.stream().flatMap(w -> Arrays.stream(w.parameters())).toArray();
        dbClient.execute().get(combined.computeIfAbsent(texts, Transactions::combine), parameters);
    }

    // Each part's count is read by a scalar subquery of the final SELECT; PostgreSQL evaluates them
    // left to right, running each part to completion when it is first read, which fixes the order.
    private static String combine(List<String> texts) {
        String parts = IntStream.range(0, texts.size())
                .mapToObj(i -> "w" + i + " AS (" + texts.get(i).strip() + "\nRETURNING 1)")
                .collect(Collectors.joining(",\n", "WITH ", "\n"));
        return parts + IntStream.range(0, texts.size())
                .mapToObj(i -> "(SELECT count(*) FROM w" + i + ") AS w" + i)
                .collect(Collectors.joining(", ", "SELECT ", ""));
    }

    /** Autocommit access for reads and single statements. */
    public DbExecute read() {
        return dbClient.execute();
    }
}
