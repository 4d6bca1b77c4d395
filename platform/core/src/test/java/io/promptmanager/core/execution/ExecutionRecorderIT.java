package io.promptmanager.core.execution;

import io.helidon.dbclient.DbTransaction;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import io.promptmanager.core.analytics.LatencyHistogram;
import io.promptmanager.core.analytics.RollupAggregator;
import io.promptmanager.core.analytics.RollupRepository;
import io.promptmanager.core.analytics.RollupWatermark;
import io.promptmanager.core.analytics.UnfoldedRuns;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

class ExecutionRecorderIT {
    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
    private static Database database;
    private static AccountsFixture accounts;
    private static User user;
    private CountingConnectionPool pool;
    private ExecutionRecorder recorder;
    private RollupAggregator aggregator;
    private final AtomicInteger committedBatches = new AtomicInteger();

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
        aggregator = new RollupAggregator(new Transactions(database.dbClient()), new RollupRepository(),
                new UnfoldedRuns(), new RollupWatermark(), RollupAggregator.DEFAULT_INTERVAL);
        recorder = ExecutionRecorder.start(transactions, new ExecutionRepository(), accounts.usage, () -> {
            committedBatches.incrementAndGet();
            aggregator.recorded();
        });
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
        // each writing its batch's executions and usage counters and committing them
        assertThat(pool.statements()).isEqualTo(3);
        assertThat(committedBatches).as("each committed batch is announced for the rollup fold").hasValue(3);
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
        assertThat(committedBatches).as("a failed batch is not announced").hasValue(1);
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

    @Test
    void addsABatchOfMixedUsersDaysModelsAndQuotaOutcomesToEachCounterAndOnceFoldedToEachRollupRowExactly() {
        UUID a = newUser();
        UUID b = newUser();
        Instant march31 = Instant.parse("2026-03-31T10:00:00Z");
        Instant march31Late = Instant.parse("2026-03-31T23:59:00Z");
        Instant april1 = Instant.parse("2026-04-01T00:01:00Z");
        sql("INSERT INTO daily_usage (user_id, day, executions) VALUES (?::uuid, '2026-03-30', 3)", b);
        List<CompletableFuture<Void>> batch = new ArrayList<>();
        try (WriterBlock block = new WriterBlock()) {
            CompletableFuture<Void> blocked = recorder.record(record("blocker"));
            block.awaitWriterWaiting();
            for (ExecutionRecord r : List.of(
                    mixed(a, "m/a", BillingType.SYSTEM, 12, "0.01", march31),
                    mixed(a, "m/a", BillingType.SYSTEM, 30, "0.02", march31Late),
                    mixed(a, "m/b", BillingType.BYOK, 5, null, march31),
                    Records.failed(a, "mixed", "PROVIDER_UNAVAILABLE", 7, march31),
                    mixed(a, "m/a", BillingType.SYSTEM, 12, "0.04", april1),
                    mixed(b, "m/a", BillingType.SYSTEM, 12, "0.5", march31),
                    Records.refunded(b, "mixed", LocalDate.parse("2026-03-30"), march31))) {
                batch.add(recorder.record(r));
            }
            block.release();
            blocked.join();
        }

        CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)).join();

        assertThat(pool.statements()).as("the blocked record, then the whole mixed batch").isEqualTo(2);
        // level day model billing: runs successes errors promptTokens completionTokens cost unknownCostRuns
        // latencyMsSum histogramTotal
        assertThat(rollups(a)).containsExactly(
                "DAY 2026-03-31 fake/model SYSTEM: 1 0 1 0 0 0 1 7 1",
                "DAY 2026-03-31 m/a SYSTEM: 2 2 0 20 40 0.03 0 42 2",
                "DAY 2026-03-31 m/b BYOK: 1 1 0 10 20 0 1 5 1",
                "DAY 2026-04-01 m/a SYSTEM: 1 1 0 10 20 0.04 0 12 1",
                "DAY_TOTAL 2026-03-31  : 4 3 1 30 60 0.03 2 54 4",
                "DAY_TOTAL 2026-04-01  : 1 1 0 10 20 0.04 0 12 1",
                "MONTH 2026-03-01 fake/model SYSTEM: 1 0 1 0 0 0 1 7 1",
                "MONTH 2026-03-01 m/a SYSTEM: 2 2 0 20 40 0.03 0 42 2",
                "MONTH 2026-03-01 m/b BYOK: 1 1 0 10 20 0 1 5 1",
                "MONTH 2026-04-01 m/a SYSTEM: 1 1 0 10 20 0.04 0 12 1");
        assertThat(rollups(b)).containsExactly(
                "DAY 2026-03-31 fake/model SYSTEM: 1 0 1 0 0 0 1 9 1",
                "DAY 2026-03-31 m/a SYSTEM: 1 1 0 10 20 0.5 0 12 1",
                "DAY_TOTAL 2026-03-31  : 2 1 1 10 20 0.5 1 21 2",
                "MONTH 2026-03-01 fake/model SYSTEM: 1 0 1 0 0 0 1 9 1",
                "MONTH 2026-03-01 m/a SYSTEM: 1 1 0 10 20 0.5 0 12 1");
        // successful unlimited runs are counted on their day; the failed counted run gives its unit back
        assertThat(counters(a)).containsExactly("2026-03-31 3", "2026-04-01 1");
        assertThat(counters(b)).containsExactly("2026-03-30 2", "2026-03-31 1");
    }

    private static ExecutionRecord mixed(UUID userId, String model, BillingType billing, long latencyMs, String cost,
                                         Instant at) {
        return Records.succeeded(userId, "mixed", 1, model, billing, latencyMs, cost == null ? null : new BigDecimal(cost),
                at);
    }

    @Test
    void writesNothingOfABatchWhoseLastPartFailsAndFailsEveryCallerInIt() {
        UUID kept = newUser();
        UUID refused = newUser();
        sql("""
                CREATE FUNCTION refuse_counter() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.user_id = '%s' THEN RAISE EXCEPTION 'counter refused'; END IF;
                    RETURN NEW;
                END $$
                """.formatted(refused));
        sql("""
                CREATE TRIGGER refuse_counter BEFORE INSERT OR UPDATE ON daily_usage
                FOR EACH ROW EXECUTE FUNCTION refuse_counter()
                """);
        List<CompletableFuture<Void>> batch = new ArrayList<>();
        try (WriterBlock block = new WriterBlock()) {
            CompletableFuture<Void> blocked = recorder.record(record("blocker"));
            block.awaitWriterWaiting();
            for (UUID user : List.of(kept, refused, kept)) {
                batch.add(recorder.record(Records.succeeded(user, "doomed", 1, "m/a", BillingType.SYSTEM, 12,
                        new BigDecimal("0.01"), AT)));
            }
            block.release();
            blocked.join();
            eventually(() -> batch.stream().allMatch(CompletableFuture::isDone));
        } finally {
            sql("DROP TRIGGER refuse_counter ON daily_usage");
            sql("DROP FUNCTION refuse_counter()");
        }

        assertThat(batch).allMatch(CompletableFuture::isCompletedExceptionally);
        assertThat(rows("doomed")).isZero();
        assertThat(rollups(kept)).isEmpty();
        assertThat(counters(kept)).isEmpty();
        recorder.record(Records.succeeded(kept, "doomed", 1, "m/a", BillingType.SYSTEM, 12, new BigDecimal("0.01"),
                AT)).join();
        assertThat(rows("doomed")).isEqualTo(1);
    }

    @Test
    void addsEachRunsLatencyToItsOwnBucketOfTheRollupHistogramAcrossBatches() {
        UUID owner = newUser();
        long[] latencies = {3, 3, 250, 40_000, 3, 250};
        long[] expected = new long[LatencyHistogram.BUCKETS];
        for (long latency : latencies) {
            recorder.recordAndWait(Records.succeeded(owner, "buckets", 1, "m/a", BillingType.SYSTEM, latency,
                    new BigDecimal("0.01"), AT));
            expected[LatencyHistogram.bucketOf(latency)]++;
        }

        aggregator.fold();
        for (String level : List.of("DAY", "MONTH", "DAY_TOTAL")) {
            String histogram = database.dbClient().execute().get("""
                            SELECT array_to_string(latency_histogram, ',') AS h
                            FROM execution_rollups WHERE user_id = ?::uuid AND level = ?
                            """, owner, level).orElseThrow().column("h").get(String.class);
            assertThat(Arrays.stream(histogram.split(",")).mapToLong(Long::parseLong).toArray()).as(level)
                    .containsExactly(expected);
        }
    }

    @Test
    void recordsEveryRunOfManyConcurrentCallersExactlyOnce() throws Exception {
        UUID owner = newUser();
        int callers = 32;
        int runsEach = 25;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                done.add(threads.submit(() -> {
                    for (int i = 0; i < runsEach; i++) {
                        Instant at = i % 3 == 0 ? AT : AT.plus(Duration.ofDays(1));
                        recorder.recordAndWait(Records.succeeded(owner, "concurrent", 1, i % 2 == 0 ? "m/a" : "m/b",
                                BillingType.SYSTEM, 12, new BigDecimal("0.01"), at));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        }

        int runs = callers * runsEach;
        assertThat(rows("concurrent")).isEqualTo(runs);
        aggregator.fold();
        String rollups = "FROM execution_rollups WHERE user_id = ?::uuid AND level = ";
        assertThat(sum("SELECT sum(runs)::numeric AS n " + rollups + "'DAY_TOTAL'", owner))
                .isEqualByComparingTo(Integer.toString(runs));
        assertThat(sum("SELECT sum(runs)::numeric AS n " + rollups + "'MONTH'", owner))
                .isEqualByComparingTo(Integer.toString(runs));
        assertThat(sum("SELECT sum(cost)::numeric AS n " + rollups + "'DAY'", owner))
                .isEqualByComparingTo("8.00");
        assertThat(sum("SELECT sum(executions)::numeric AS n FROM daily_usage WHERE user_id = ?::uuid", owner))
                .isEqualByComparingTo(Integer.toString(runs));
    }

    @Test
    void closingWhileCallersRecordWritesEveryRecordItAcceptedAndRefusesTheRest() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Thread> callers = new ArrayList<>();
        for (int c = 0; c < 16; c++) {
            callers.add(Thread.ofVirtual().start(() -> {
                while (true) {
                    try {
                        recorder.recordAndWait(record("closing"));
                        accepted.incrementAndGet();
                    } catch (IllegalStateException stopped) {
                        refused.incrementAndGet();
                        return;
                    }
                }
            }));
        }
        eventually(() -> accepted.get() >= 100);

        recorder.close();

        for (Thread caller : callers) {
            assertThat(caller.join(Duration.ofSeconds(30))).as("every caller got an answer").isTrue();
        }
        assertThat(refused.get()).isEqualTo(16);
        assertThat(rows("closing")).isEqualTo(accepted.get());
    }

    @Test
    void writesTheRecordOfAnInterruptedCallerAndLeavesItInterrupted() {
        Thread.currentThread().interrupt();
        try {
            recorder.recordAndWait(record("interrupted"));
        } finally {
            assertThat(Thread.interrupted()).isTrue();
        }

        assertThat(rows("interrupted")).isEqualTo(1);
    }

    @Test
    void pointsEachRunAtThePromptOfItsVersionEvenRenamedAndAtNoneOnceThePromptIsDeleted() {
        UUID renamed = UUID.randomUUID();
        UUID renamedVersion = prompt(renamed, "old-name");
        UUID deleted = UUID.randomUUID();
        UUID deletedVersion = prompt(deleted, "deleted-meanwhile");
        sql("UPDATE prompts SET name = 'new-name' WHERE id = ?::uuid", renamed);
        sql("DELETE FROM prompts WHERE id = ?::uuid", deleted);
        ExecutionRecord ofRenamed = Records.ofVersion(record("old-name"), renamedVersion);
        ExecutionRecord ofDeleted = Records.ofVersion(record("deleted-meanwhile"), deletedVersion);

        recorder.recordAndWait(ofRenamed);
        recorder.recordAndWait(ofDeleted);

        assertThat(storedPromptId(ofRenamed)).isEqualTo(renamed);
        assertThat(storedPromptId(ofDeleted)).isNull();
    }

    private static UUID newUser() {
        Actor admin = Actor.console(accounts.users.firstAdmin().orElseThrow());
        return accounts.users.create(admin, new NewUser("u" + UUID.randomUUID() + "@example.com",
                "a long enough password", "U", Plan.PRO, null)).id();
    }

    /** A prompt of the test's user with one version; the version's id. */
    private static UUID prompt(UUID id, String name) {
        UUID version = UUID.randomUUID();
        sql("INSERT INTO prompts (id, user_id, name, created_at, updated_at) VALUES (?::uuid, ?::uuid, ?, now(), now())",
                id, user.id(), name);
        sql("""
                INSERT INTO prompt_versions (id, prompt_id, number, status, messages, variables, model, parameters,
                                             created_at, updated_at)
                VALUES (?::uuid, ?::uuid, 1, 'DRAFT', '[]', '[]', 'fake/model', '{}', now(), now())
                """, version, id);
        return version;
    }

    private static UUID storedPromptId(ExecutionRecord r) {
        return database.dbClient().execute().get("SELECT prompt_id FROM executions WHERE id = ?::uuid", r.id())
                .orElseThrow().column("prompt_id").get(UUID.class);
    }

    /** The user's rollup rows once everything stored is folded. */
    private List<String> rollups(UUID userId) {
        aggregator.fold();
        return database.dbClient().execute().query("""
                SELECT level || ' ' || day || ' ' || model || ' ' || billing_type || ': ' || runs || ' ' || successes
                       || ' ' || errors || ' ' || prompt_tokens || ' ' || completion_tokens || ' ' || trim_scale(cost)
                       || ' ' || unknown_cost_runs || ' ' || latency_ms_sum || ' '
                       || (SELECT sum(n) FROM unnest(latency_histogram) AS n) AS line
                FROM execution_rollups WHERE user_id = ?::uuid ORDER BY line
                """, userId).map(row -> row.column("line").get(String.class)).toList();
    }

    private static List<String> counters(UUID userId) {
        return database.dbClient().execute().query(
                "SELECT day || ' ' || executions AS line FROM daily_usage WHERE user_id = ?::uuid ORDER BY day", userId)
                .map(row -> row.column("line").get(String.class)).toList();
    }

    private static BigDecimal sum(String query, UUID userId) {
        return database.dbClient().execute().get(query, userId).orElseThrow().column("n").get(BigDecimal.class);
    }

    private static void sql(String statement, Object... parameters) {
        database.dbClient().execute().update(statement, parameters);
    }

    private static ExecutionRecord record(String prompt) {
        return Records.succeeded(user.id(), prompt, 1, "fake/model", BillingType.SYSTEM, 12,
                new BigDecimal("0.01"), AT);
    }

    private static long rows(String prompt) {
        return database.dbClient().execute().get("SELECT count(*) AS n FROM executions WHERE prompt_name = ?", prompt)
                .orElseThrow().column("n").get(Long.class);
    }

    /** Holds a lock the writer's insert needs (reads may go on), so records pile up in the queue meanwhile. */
    private static final class WriterBlock implements AutoCloseable {
        private final DbTransaction tx = database.dbClient().transaction();
        private boolean released;

        WriterBlock() {
            tx.update("LOCK TABLE executions IN EXCLUSIVE MODE");
        }

        void awaitWriterWaiting() {
            eventually(() -> database.dbClient().execute().get("""
                    SELECT count(*) AS n FROM pg_locks WHERE NOT granted AND relation = 'executions'::regclass
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
