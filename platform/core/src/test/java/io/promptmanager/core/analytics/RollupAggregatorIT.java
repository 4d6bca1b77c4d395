package io.promptmanager.core.analytics;

import io.helidon.dbclient.DbTransaction;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import io.promptmanager.core.common.BillingType;
import io.promptmanager.core.db.Database;
import io.promptmanager.core.db.Transactions;
import io.promptmanager.core.execution.ExecutionRecord;
import io.promptmanager.core.execution.ExecutionRecorder;
import io.promptmanager.core.execution.ExecutionRepository;
import io.promptmanager.core.execution.Records;
import io.promptmanager.core.plan.Plan;
import io.promptmanager.core.testing.AccountsFixture;
import io.promptmanager.core.testing.Await;
import io.promptmanager.core.testing.CountingConnectionPool;
import io.promptmanager.core.testing.MutableClock;
import io.promptmanager.core.testing.TestDatabase;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.NewUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fold of stored executions into the rollups behind the watermark, and reports that add
 * what is not folded yet: every run counts exactly once, whenever it commits and whenever the
 * report is read.
 */
class RollupAggregatorIT {
    private static final Instant AT = Instant.parse("2026-03-10T10:00:00Z");
    private static final LocalDate DAY = LocalDate.parse("2026-03-10");
    private static final MutableClock clock = MutableClock.at("2026-03-10T12:00:00Z");
    private static Database database;
    private static AccountsFixture accounts;
    private static Transactions transactions;
    private static AnalyticsService analytics;
    private ExecutionRecorder recorder;
    private RollupAggregator aggregator;

    @BeforeAll
    static void startDatabase() {
        database = TestDatabase.fresh();
        accounts = new AccountsFixture(database, clock);
        accounts.users.ensureInitialAdmin("root@example.com", "admin-password-0001");
        transactions = new Transactions(database.dbClient());
        analytics = new AnalyticsService(transactions, new RollupRepository(), new UnfoldedRuns(),
                new RollupWatermark(), clock);
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
    }

    @BeforeEach
    void startRecorder() {
        aggregator = aggregator(transactions, Duration.ofHours(1));
        recorder = ExecutionRecorder.start(transactions, new ExecutionRepository(), accounts.usage,
                aggregator::recorded);
    }

    @AfterEach
    void stopRecorder() {
        recorder.close();
    }

    @Test
    void reportsEveryRunAsSoonAsItIsStoredAndTheSameOnceItIsFolded() {
        Actor owner = newUser();
        List<ExecutionRecord> runs = List.of(
                run(owner, "summary", "m/small", BillingType.SYSTEM, 120, "0.10"),
                run(owner, "summary", "m/small", BillingType.SYSTEM, 130, "0.20"),
                run(owner, "summary", "m/large", BillingType.BYOK, 4_000, null),
                Records.failed(owner.userId(), "summary", "PROVIDER_UNAVAILABLE", 7, AT),
                run(owner, "translate", "m/small", BillingType.SYSTEM, 2, "1"));
        recordAll(runs.subList(0, 2));
        aggregator.fold();
        recordAll(runs.subList(2, runs.size()));

        List<String> partlyFolded = reports(owner);
        assertThat(storedRollupRuns(owner)).isEqualTo(2);
        aggregator.fold();
        List<String> folded = reports(owner);

        assertThat(storedRollupRuns(owner)).isEqualTo(5);
        assertThat(partlyFolded).isEqualTo(folded);
        // p95 is read from the histogram: 4000 ms lies in (3900, 4700], 130 ms in (120, 150]
        assertThat(folded).contains(
                "DAY 2026-03-10 null/null null null runs=5 ok=4 err=1 cost=1.3 unknownCost=2 latencySum=4259 p95=4700",
                "MODEL null null/null m/small null runs=3 ok=3 err=0 cost=1.3 unknownCost=0 latencySum=252 p95=150",
                "BILLING_TYPE null null/null null BYOK runs=1 ok=1 err=0 cost=0 unknownCost=1 latencySum=4000 "
                        + "p95=4700");
        aggregator.fold();
        assertThat(storedRollupRuns(owner)).as("nothing is folded twice").isEqualTo(5);
        assertThat(reports(owner)).isEqualTo(folded);
    }

    @Test
    void foldsARunOfATransactionStillOpenAtTheFoldOnceItCommitsAndCountsItOnceMeanwhile() {
        Actor owner = newUser();
        DbTransaction open = database.dbClient().transaction();
        insert(open, run(owner, "late", "m/small", BillingType.SYSTEM, 10, "1"));
        recordAll(List.of(run(owner, "early", "m/small", BillingType.SYSTEM, 10, "1")));

        // the open transaction holds the horizon: the run committed after it started waits too
        aggregator.fold();
        assertThat(storedRollupRuns(owner)).isZero();
        assertThat(runs(owner)).isEqualTo(1);
        open.commit();
        assertThat(runs(owner)).isEqualTo(2);
        aggregator.fold();
        assertThat(storedRollupRuns(owner)).isEqualTo(2);
        assertThat(runs(owner)).isEqualTo(2);
    }

    @Test
    void neverCountsARunWhoseTransactionRolledBack() {
        Actor owner = newUser();
        DbTransaction open = database.dbClient().transaction();
        insert(open, run(owner, "undone", "m/small", BillingType.SYSTEM, 10, "1"));
        open.rollback();
        recordAll(List.of(run(owner, "kept", "m/small", BillingType.SYSTEM, 10, "1")));

        aggregator.fold();
        assertThat(runs(owner)).isEqualTo(1);
        assertThat(storedRollupRuns(owner)).isEqualTo(1);
    }

    @Test
    void skipsItsTurnWhileAnotherNodeFoldsAndLeavesTheRunsToTheNextFold() {
        Actor owner = newUser();
        recordAll(List.of(run(owner, "turns", "m/small", BillingType.SYSTEM, 10, "1")));
        DbTransaction otherNode = database.dbClient().transaction();
        assertThat(new RollupWatermark().tryLockForFold(otherNode)).isTrue();

        assertThat(aggregator.fold()).isZero();
        assertThat(storedRollupRuns(owner)).isZero();
        assertThat(runs(owner)).isEqualTo(1);
        otherNode.rollback();
        assertThat(aggregator.fold()).isPositive();
        assertThat(storedRollupRuns(owner)).isEqualTo(1);
    }

    @Test
    void foldsABacklogLargerThanOneTransactionInSeveralAndCountsEveryRunOnce() {
        Actor owner = newUser();
        List<ExecutionRecord> backlog = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            backlog.add(run(owner, "backlog", "m/small", BillingType.SYSTEM, i, "0.01"));
        }
        // one transaction per run, so the backlog spans 25 transaction ids
        backlog.forEach(r -> transactions.writeAll(List.of(new ExecutionRepository().insert(List.of(r)))));
        RollupAggregator smallSteps = new RollupAggregator(transactions, new RollupRepository(), new UnfoldedRuns(),
                new RollupWatermark(), Duration.ofHours(1), 10);

        assertThat(smallSteps.fold()).isGreaterThanOrEqualTo(25);
        assertThat(storedRollupRuns(owner)).isEqualTo(25);
        assertThat(runs(owner)).isEqualTo(25);
    }

    @Test
    void sendsTheDatabaseNothingWhileNoRunIsRecordedAndFoldsSoonAfterOneIs() {
        Actor owner = newUser();
        CountingConnectionPool pool = new CountingConnectionPool(database.dataSource());
        RollupAggregator periodic = aggregator(new Transactions(JdbcClientBuilder.create().connectionPool(pool).build()),
                Duration.ofMillis(50));
        try (periodic) {
            periodic.start();
            Await.within(Duration.ofSeconds(10), () -> pool.statements() > 0); // the first turn folds what an earlier process left
            sleep(Duration.ofMillis(200)); // and a turn that added runs looks once more
            long idle = pool.statements();
            sleep(Duration.ofMillis(400));
            assertThat(pool.statements()).as("statements while idle").isEqualTo(idle);

            transactions.writeAll(List.of(new ExecutionRepository().insert(List.of(
                    run(owner, "periodic", "m/small", BillingType.SYSTEM, 10, "1")))));
            periodic.recorded();
            Await.within(Duration.ofSeconds(10), () -> storedRollupRuns(owner) == 1);
        }
    }

    @Test
    void foldsWhatIsLeftWhenClosed() {
        Actor owner = newUser();
        RollupAggregator closing = aggregator(transactions, Duration.ofHours(1)).start();
        transactions.writeAll(List.of(new ExecutionRepository().insert(List.of(
                run(owner, "closing", "m/small", BillingType.SYSTEM, 10, "1")))));

        closing.close();

        assertThat(storedRollupRuns(owner)).isEqualTo(1);
    }

    private static RollupAggregator aggregator(Transactions transactions, Duration interval) {
        return new RollupAggregator(transactions, new RollupRepository(), new UnfoldedRuns(), new RollupWatermark(),
                interval);
    }

    private void recordAll(List<ExecutionRecord> runs) {
        runs.forEach(recorder::recordAndWait);
    }

    private static void insert(DbTransaction tx, ExecutionRecord run) {
        var write = new ExecutionRepository().insert(List.of(run));
        tx.update(write.sql(), write.parameters());
    }

    private static Actor newUser() {
        Actor admin = Actor.console(accounts.users.firstAdmin().orElseThrow());
        return Actor.console(accounts.users.create(admin, new NewUser("u" + UUID.randomUUID() + "@example.com",
                "a long enough password", "U", Plan.PRO, null)));
    }

    private static ExecutionRecord run(Actor owner, String prompt, String model, BillingType billing, long latencyMs,
                                       String cost) {
        return Records.succeeded(owner.userId(), prompt, 1, model, billing, latencyMs,
                cost == null ? null : new BigDecimal(cost), AT);
    }

    /** Every report of the day, one line per group. */
    private static List<String> reports(Actor owner) {
        List<String> lines = new ArrayList<>();
        for (GroupBy groupBy : GroupBy.values()) {
            for (AnalyticsGroup g : analytics.report(owner, new AnalyticsQuery(DAY, DAY, groupBy)).groups()) {
                Measures m = g.measures();
                lines.add(groupBy + " " + g.day() + " " + g.prompt() + "/" + g.version() + " " + g.model() + " "
                        + g.billingType() + " runs=" + m.runs() + " ok=" + m.successes() + " err=" + m.errors()
                        + " cost=" + m.cost().stripTrailingZeros().toPlainString()
                        + " unknownCost=" + m.unknownCostRuns() + " latencySum=" + m.latencyMsSum()
                        + " p95=" + m.p95LatencyMs());
            }
        }
        return lines;
    }

    private static long runs(Actor owner) {
        return analytics.report(owner, new AnalyticsQuery(DAY, DAY, GroupBy.DAY)).totals().runs();
    }

    private static long storedRollupRuns(Actor owner) {
        return database.dbClient().execute().get("""
                SELECT coalesce(sum(runs), 0)::bigint AS n FROM execution_rollups
                WHERE user_id = ?::uuid AND level = 'DAY_TOTAL'
                """, owner.userId()).orElseThrow().column("n").get(Long.class);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
