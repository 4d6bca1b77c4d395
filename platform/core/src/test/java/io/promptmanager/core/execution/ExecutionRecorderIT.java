package io.promptmanager.core.execution;

import io.helidon.dbclient.DbTransaction;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import io.promptmanager.core.analytics.RollupRepository;
import io.promptmanager.core.common.BillingType;
import io.promptmanager.core.db.Database;
import io.promptmanager.core.db.Transactions;
import io.promptmanager.core.plan.Plan;
import io.promptmanager.core.testing.AccountsFixture;
import io.promptmanager.core.testing.CountingConnectionPool;
import io.promptmanager.core.testing.TestDatabase;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.NewUser;
import io.promptmanager.core.user.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

class ExecutionRecorderIT {
    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
    private static Database database;
    private static AccountsFixture accounts;
    private static User user;
    private CountingConnectionPool pool;
    private ExecutionRecorder recorder;

    @BeforeAll
    static void startDatabase() {
        database = TestDatabase.fresh();
        accounts = new AccountsFixture(database, Clock.systemUTC());
        accounts.users.ensureInitialAdmin("root@example.com", "admin-password-0001");
        Actor admin = Actor.console(accounts.users.firstAdmin().orElseThrow());
        user = accounts.users.create(admin, new NewUser("u@example.com", "a long enough password", "U", Plan.PRO, null));
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
    }

    @BeforeEach
    void startRecorder() {
        pool = new CountingConnectionPool(database.dataSource());
        Transactions transactions = new Transactions(JdbcClientBuilder.create().connectionPool(pool).build());
        recorder = ExecutionRecorder.start(transactions, new ExecutionRepository(), new RollupRepository(),
                accounts.usage);
    }

    @AfterEach
    void stopRecorder() {
        recorder.close();
    }

    @Test
    void commitsRecordsQueuedMeanwhileTogetherInOneTransaction() {
        List<CompletableFuture<Void>> done = new ArrayList<>();
        try (WriterBlock block = new WriterBlock()) {
            done.add(recorder.record(record("grouped")));
            block.awaitWriterWaiting();
            for (int i = 0; i < 300; i++) {
                done.add(recorder.record(record("grouped")));
            }
            assertThat(done).noneMatch(CompletableFuture::isDone);
        }

        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();

        // the blocked batch, then 300 queued records in batches of at most 256: three statements,
        // each writing its batch's executions, rollups and usage counters and committing them
        assertThat(pool.statements()).isEqualTo(3);
        assertThat(rows("grouped")).isEqualTo(301);
        assertThat(accounts.usage.today(user.id(), Plan.PRO).used()).isZero(); // recorded on AT, not today
    }

    @Test
    void failsEveryCallerOfAFailedBatchAndKeepsWriting() {
        List<CompletableFuture<Void>> batch = new ArrayList<>();
        try (WriterBlock block = new WriterBlock()) {
            CompletableFuture<Void> first = recorder.record(record("failing"));
            block.awaitWriterWaiting();
            for (int i = 0; i < 5; i++) {
                batch.add(recorder.record(record("failing")));
            }
            // a FAILED run without an error code breaks a CHECK constraint
            batch.add(recorder.record(Records.failed(user.id(), "failing", null, 5, AT)));
            block.release();
            first.join();
        }

        eventually(() -> batch.stream().allMatch(CompletableFuture::isDone));
        assertThat(batch).allMatch(CompletableFuture::isCompletedExceptionally);
        assertThat(rows("failing")).isEqualTo(1);
        recorder.record(record("failing")).join();
        assertThat(rows("failing")).isEqualTo(2);
    }

    @Test
    void writesWhatIsQueuedWhenClosedAndRefusesRecordsAfterwards() throws Exception {
        List<CompletableFuture<Void>> done = new ArrayList<>();
        Thread closing;
        try (WriterBlock block = new WriterBlock()) {
            done.add(recorder.record(record("drained")));
            block.awaitWriterWaiting();
            for (int i = 0; i < 10; i++) {
                done.add(recorder.record(record("drained")));
            }
            closing = Thread.ofPlatform().start(recorder::close);
            eventually(() -> recorder.record(record("probe")).isCompletedExceptionally());
        }
        closing.join(Duration.ofSeconds(30));

        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
        assertThat(rows("drained")).isEqualTo(11);
        assertThat(recorder.record(record("drained"))).isCompletedExceptionally();
    }

    private static ExecutionRecord record(String prompt) {
        return Records.succeeded(user.id(), prompt, 1, "fake/model", BillingType.SYSTEM, 12,
                new BigDecimal("0.01"), AT);
    }

    private static long rows(String prompt) {
        return database.dbClient().execute().get("SELECT count(*) AS n FROM executions WHERE prompt_name = ?", prompt)
                .orElseThrow().column("n").get(Long.class);
    }

    /** Holds a lock the writer's rollup upsert needs, so records pile up in the queue meanwhile. */
    private static final class WriterBlock implements AutoCloseable {
        private final DbTransaction tx = database.dbClient().transaction();
        private boolean released;

        WriterBlock() {
            tx.update("LOCK TABLE execution_rollups IN EXCLUSIVE MODE");
        }

        void awaitWriterWaiting() {
            eventually(() -> database.dbClient().execute().get("""
                    SELECT count(*) AS n FROM pg_locks WHERE NOT granted AND relation = 'execution_rollups'::regclass
                    """).orElseThrow().column("n").get(Long.class) > 0);
        }

        void release() {
            if (!released) {
                released = true;
                tx.rollback();
            }
        }

        @Override
        public void close() {
            release();
        }
    }

    private static void eventually(BooleanSupplier condition) {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("condition not met within 10 s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
