package io.promptmanager.core.db;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbTransaction;

import java.util.function.Function;

/**
 * Runs work in one database transaction: committed when the work returns, rolled back when it
 * throws. Repositories take the {@link DbExecute} they are given, so services decide the
 * transaction boundaries.
 */
public final class Transactions {
    private final DbClient dbClient;

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

    public void run(java.util.function.Consumer<DbExecute> work) {
        inTransaction(exec -> {
            work.accept(exec);
            return null;
        });
    }

    /** Autocommit access for reads and single statements. */
    public DbExecute read() {
        return dbClient.execute();
    }
}
