package io.promptmanager.core.analytics;

import io.promptmanager.core.apikey.Scope;
import io.promptmanager.core.common.BillingType;
import io.promptmanager.core.common.Channel;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.db.Database;
import io.promptmanager.core.db.Transactions;
import io.promptmanager.core.plan.Plan;
import io.promptmanager.core.testing.AccountsFixture;
import io.promptmanager.core.testing.MutableClock;
import io.promptmanager.core.testing.TestDatabase;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.NewUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Reports read from rollups written the way the rollup fold writes them (see RollupAggregatorIT for the runs not folded yet). */
class AnalyticsServiceIT {
    private static final LocalDate DAY_1 = LocalDate.parse("2026-03-01");
    private static final LocalDate DAY_2 = LocalDate.parse("2026-03-02");
    private static final MutableClock clock = MutableClock.at("2026-03-02T12:00:00Z");
    private static Database database;
    private static AnalyticsService analytics;
    private static Actor owner;
    private static Actor other;
    private static Actor third;
    private static Transactions transactions;

    @BeforeAll
    static void recordRuns() {
        database = TestDatabase.fresh();
        AccountsFixture accounts = new AccountsFixture(database, clock);
        accounts.users.ensureInitialAdmin("root@example.com", "admin-password-0001");
        Actor admin = Actor.console(accounts.users.firstAdmin().orElseThrow());
        owner = Actor.console(accounts.users.create(admin, new NewUser("o@example.com", "a long enough password", "O",
                Plan.PRO, null)));
        other = Actor.console(accounts.users.create(admin, new NewUser("x@example.com", "a long enough password", "X",
                Plan.PRO, null)));
        third = Actor.console(accounts.users.create(admin, new NewUser("t@example.com", "a long enough password", "T",
                Plan.PRO, null)));
        transactions = new Transactions(database.dbClient());
        RollupRepository rollups = new RollupRepository();
        analytics = new AnalyticsService(transactions, rollups, new UnfoldedRuns(), new RollupWatermark(), clock);
        UUID id = owner.userId();
        transactions.writeAll(List.of(rollups.add(List.of(
                run(id, DAY_1, "summary", 1, "m/small", BillingType.SYSTEM, true, 100, "0.1"),
                run(id, DAY_1, "summary", 1, "m/small", BillingType.SYSTEM, true, 200, "0.2"),
                run(id, DAY_1, "summary", 2, "m/large", BillingType.BYOK, true, 300, null),
                run(id, DAY_1, "summary", 2, "m/large", BillingType.BYOK, false, 50, null),
                run(other.userId(), DAY_1, "summary", 1, "m/small", BillingType.SYSTEM, true, 999, "9")))));
        // a second batch adds to the same rows
        transactions.writeAll(List.of(rollups.add(List.of(
                run(id, DAY_1, "summary", 1, "m/small", BillingType.SYSTEM, true, 400, "0.000000000001"),
                run(id, DAY_2, "translate", 1, "m/small", BillingType.SYSTEM, true, 1000, "1"),
                run(id, DAY_2.plusDays(1), "translate", 1, "m/small", BillingType.SYSTEM, true, 5, "5")))));
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
    }

    @Test
    void totalsEveryMeasureOfTheRangeAndOnlyTheOwnersRuns() {
        Measures totals = report(GroupBy.DAY).totals();

        assertThat(totals.runs()).isEqualTo(6);
        assertThat(totals.successes()).isEqualTo(5);
        assertThat(totals.errors()).isEqualTo(1);
        assertThat(totals.promptTokens()).isEqualTo(60);
        assertThat(totals.completionTokens()).isEqualTo(120);
        assertThat(totals.cost()).isEqualTo(new BigDecimal("1.300000000001"));
        assertThat(totals.unknownCostRuns()).isEqualTo(2);
        assertThat(totals.meanLatencyMs()).isEqualTo(342); // (100+200+300+50+400+1000)/6
        assertThat(totals.p95LatencyMs()).isEqualTo(1000);
    }

    @Test
    void groupsByDay() {
        List<AnalyticsGroup> groups = report(GroupBy.DAY).groups();

        assertThat(groups).extracting(AnalyticsGroup::day).containsExactly(DAY_1, DAY_2);
        assertThat(groups).extracting(AnalyticsGroup::prompt).containsOnlyNulls();
        assertThat(groups).extracting(g -> g.measures().runs()).containsExactly(5L, 1L);
        assertThat(groups.getFirst().measures().p95LatencyMs()).isEqualTo(470); // 400 ms lies in (390, 470]
    }

    @Test
    void groupsByPromptVersionModelAndBillingType() {
        assertThat(report(GroupBy.PROMPT).groups())
                .extracting(g -> g.prompt() + "=" + g.measures().runs()).containsExactly("summary=5", "translate=1");
        assertThat(report(GroupBy.VERSION).groups())
                .extracting(g -> g.prompt() + "/" + g.version() + "=" + g.measures().runs())
                .containsExactly("summary/1=3", "summary/2=2", "translate/1=1");
        assertThat(report(GroupBy.MODEL).groups())
                .extracting(g -> g.model() + "=" + g.measures().cost()).containsExactly("m/large=0", "m/small=1.300000000001");
        assertThat(report(GroupBy.BILLING_TYPE).groups())
                .extracting(g -> g.billingType() + "=" + g.measures().errors()).containsExactly("SYSTEM=0", "BYOK=1");
    }

    @Test
    void coversTheLastThirtyDaysGroupedByDayWhenNothingIsAsked() {
        AnalyticsReport report = analytics.report(owner, null, null, null);

        assertThat(report.query()).isEqualTo(new AnalyticsQuery(DAY_2.minusDays(29), DAY_2, GroupBy.DAY));
        assertThat(report.totals().runs()).isEqualTo(6);
    }

    @Test
    void countsEachRunOnceAcrossWholeMonthsAndTheDaysAtTheEdges() {
        UUID id = third.userId();
        List<String> days = List.of("2026-01-15", "2026-01-20", "2026-02-10", "2026-03-01", "2026-03-31",
                "2026-04-01", "2026-04-02");
        transactions.writeAll(List.of(new RollupRepository().add(days.stream()
                .map(day -> run(id, LocalDate.parse(day), "monthly", 1, "m/small", BillingType.SYSTEM, true, 10, "1"))
                .toList())));

        for (GroupBy groupBy : GroupBy.values()) {
            AnalyticsReport report = analytics.report(third,
                    new AnalyticsQuery(LocalDate.parse("2026-01-20"), LocalDate.parse("2026-04-01"), groupBy));

            assertThat(report.totals().runs()).as(groupBy.name()).isEqualTo(5);
            assertThat(report.totals().cost()).as(groupBy.name()).isEqualByComparingTo("5");
            assertThat(report.groups()).as(groupBy.name()).extracting(g -> g.measures().runs())
                    .containsExactlyElementsOf(groupBy == GroupBy.DAY ? List.of(1L, 1L, 1L, 1L, 1L) : List.of(5L));
        }
    }

    @Test
    void needsTheAnalyticsReadScope() {
        Actor promptsOnly = new Actor(owner.userId(), owner.role(), owner.plan(), Channel.API, UUID.randomUUID(),
                EnumSet.of(Scope.PROMPTS_READ, Scope.EXECUTIONS_RUN));

        DomainException refused = catchThrowableOfType(DomainException.class, () -> analytics.report(promptsOnly,
                new AnalyticsQuery(DAY_1, DAY_2, GroupBy.DAY)));

        assertThat(refused.code()).isEqualTo(ErrorCode.SCOPE_REQUIRED);
    }

    @Test
    void refusesARangeThatEndsBeforeItStarts() {
        DomainException refused = catchThrowableOfType(DomainException.class,
                () -> new AnalyticsQuery(DAY_2, DAY_1, GroupBy.DAY));

        assertThat(refused.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
    }

    private static AnalyticsReport report(GroupBy groupBy) {
        return analytics.report(owner, new AnalyticsQuery(DAY_1, DAY_2, groupBy));
    }

    private static RollupEntry run(UUID userId, LocalDate day, String prompt, int version, String model,
                                   BillingType billing, boolean succeeded, long latencyMs, String cost) {
        return new RollupEntry(userId, day, prompt, version, model, billing,
                Measures.ofRuns(1, succeeded, 10, 20, cost == null ? null : new BigDecimal(cost), latencyMs,
                        LatencyHistogram.bucketOf(latencyMs)));
    }
}
