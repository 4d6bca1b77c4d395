package io.promptmanager.core.analytics;

import io.promptmanager.core.common.BillingType;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.db.Database;
import io.promptmanager.core.db.Transactions;
import io.promptmanager.core.execution.ExecutionRepository;
import io.promptmanager.core.execution.Records;
import io.promptmanager.core.plan.Plan;
import io.promptmanager.core.testing.AccountsFixture;
import io.promptmanager.core.testing.MutableClock;
import io.promptmanager.core.testing.TestDatabase;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.NewUser;
import io.promptmanager.core.user.UserChanges;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Platform-wide figures read from the rollups of every account. */
class PlatformUsageServiceIT {
    private static final String PASSWORD = "a long enough password";
    private static final MutableClock clock = MutableClock.at("2026-03-03T12:00:00Z");
    private static Database database;
    private static PlatformUsageService platform;
    private static Actor admin;
    private static Actor ada;
    private static Transactions transactions;

    @BeforeAll
    static void recordRuns() {
        database = TestDatabase.fresh();
        AccountsFixture accounts = new AccountsFixture(database, clock);
        accounts.users.ensureInitialAdmin("root@example.com", "admin-password-0001");
        admin = Actor.console(accounts.users.firstAdmin().orElseThrow());
        ada = Actor.console(accounts.users.create(admin, new NewUser("ada@example.com", PASSWORD, "Ada", Plan.PRO, null)));
        UUID bob = accounts.users.create(admin, new NewUser("bob@example.com", PASSWORD, "Bob", Plan.FREE, null)).id();
        UUID gone = accounts.users.create(admin, new NewUser("gone@example.com", PASSWORD, "Gone", Plan.PRO, null)).id();
        accounts.users.update(admin, gone, new UserChanges(null, null, true));
        transactions = accounts.transactions;
        RollupRepository rollups = new RollupRepository();
        accounts.transactions.writeAll(List.of(rollups.add(List.of(
                run(ada.userId(), "2026-03-01", BillingType.SYSTEM, "0.10"),
                run(ada.userId(), "2026-03-01", BillingType.BYOK, "0.50"),
                run(bob, "2026-03-01", BillingType.SYSTEM, "0.05"),
                run(bob, "2026-03-03", BillingType.SYSTEM, null),
                run(bob, "2026-02-20", BillingType.SYSTEM, "9")))));
        platform = new PlatformUsageService(accounts.transactions, new PlatformUsageRepository(), new UnfoldedRuns(),
                new RollupWatermark(), clock);
        subscription(accounts, ada.userId(), "sub_paying", "ACTIVE", true);
        subscription(accounts, bob, "sub_ended", "CANCELED", false);
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
    }

    @Test
    void sumsEveryAccountsRunsAndCostPerDayAndBillingTypeWithEmptyDaysIncluded() {
        // when
        PlatformUsage usage = platform.lastDays(admin, 3);

        // then
        assertThat(usage.from()).isEqualTo(LocalDate.parse("2026-03-01"));
        assertThat(usage.days()).containsExactly(
                new PlatformDay(LocalDate.parse("2026-03-01"), 3, new BigDecimal("0.15"), new BigDecimal("0.50")),
                new PlatformDay(LocalDate.parse("2026-03-02"), 0, BigDecimal.ZERO, BigDecimal.ZERO),
                new PlatformDay(LocalDate.parse("2026-03-03"), 1, BigDecimal.ZERO, BigDecimal.ZERO));
        assertThat(usage.runs()).isEqualTo(4);
        assertThat(usage.systemCost()).isEqualByComparingTo("0.15");
        assertThat(usage.byokCost()).isEqualByComparingTo("0.50");
    }

    @Test
    void addsTheRunsNotFoldedIntoTheRollupsYetAndCountsThemOnceAfterTheFold() {
        // given two stored runs of a day with nothing in the rollups yet
        Instant at = Instant.parse("2026-02-10T08:00:00Z");
        transactions.writeAll(List.of(new ExecutionRepository().insert(List.of(
                Records.succeeded(ada.userId(), "p", 1, "m", BillingType.SYSTEM, 10, new BigDecimal("0.25"), at),
                Records.succeeded(ada.userId(), "p", 1, "m", BillingType.BYOK, 10, new BigDecimal("1.5"), at)))));
        AnalyticsQuery day = new AnalyticsQuery(LocalDate.parse("2026-02-10"), LocalDate.parse("2026-02-10"),
                GroupBy.DAY);
        PlatformDay expected = new PlatformDay(LocalDate.parse("2026-02-10"), 2, new BigDecimal("0.25"),
                new BigDecimal("1.5"));

        // then they count before the fold, and once after it
        assertThat(platform.usage(admin, day).days()).containsExactly(expected);
        assertThat(new RollupAggregator(transactions, new RollupRepository(), new UnfoldedRuns(),
                new RollupWatermark(), RollupAggregator.DEFAULT_INTERVAL).fold()).isEqualTo(2);
        assertThat(platform.usage(admin, day).days()).containsExactly(expected);
    }

    @Test
    void countsTheEnabledProAccountsIncludingTheAdministrator() {
        assertThat(platform.lastDays(admin, 1).proAccounts()).isEqualTo(2);
    }

    @Test
    void countsOnlyTheSubscriptionsThatPayForProNow() {
        assertThat(platform.lastDays(admin, 1).proSubscriptions()).isEqualTo(1);
    }

    @Test
    void isForAdministratorsOnly() {
        DomainException e = catchThrowableOfType(DomainException.class, () -> platform.lastDays(ada, 30));

        assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN);
    }

    /** A subscription row as billing keeps it (billing's own tests cover how it gets there). */
    private static void subscription(AccountsFixture accounts, UUID user, String id, String status, boolean grantsPro) {
        Timestamp now = Timestamp.from(clock.instant());
        accounts.transactions.read().insert("""
                INSERT INTO billing_subscriptions (id, provider, user_id, customer_id, status, billing_interval,
                    current_period_start, current_period_end, cancel_at_period_end, grants_pro, last_event_created,
                    created_at, updated_at)
                VALUES (?, 'stripe', ?::uuid, ?, ?, 'MONTH', ?, ?, false, ?, ?, ?, ?)
                """, id, user, "cus_" + id, status, now, now, grantsPro, now, now, now);
    }

    private static RollupEntry run(UUID userId, String day, BillingType billing, String cost) {
        return new RollupEntry(userId, LocalDate.parse(day), "p", 1, "m", billing,
                Measures.ofRuns(1, true, 1, 1, cost == null ? null : new BigDecimal(cost), 10,
                        LatencyHistogram.bucketOf(10)));
    }
}
