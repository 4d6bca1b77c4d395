package io.promptmanager.core.quota;

import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.common.RetryLaterException;
import io.promptmanager.core.db.Database;
import io.promptmanager.core.plan.Plan;
import io.promptmanager.core.plan.PlanSettings;
import io.promptmanager.core.testing.AccountsFixture;
import io.promptmanager.core.testing.MutableClock;
import io.promptmanager.core.testing.TestDatabase;
import io.promptmanager.core.user.AccountSettings;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.NewUser;
import io.promptmanager.core.user.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class UsageServiceIT {
    private static final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
    private static Database database;
    private static AccountsFixture fixture;
    private static UsageService usage;
    private static Actor admin;

    @BeforeAll
    static void startDatabase() {
        database = TestDatabase.fresh();
        fixture = new AccountsFixture(database, clock);
        usage = fixture.usage;
        fixture.users.ensureInitialAdmin("root@example.com", "admin-password-0001");
        admin = Actor.console(fixture.users.firstAdmin().orElseThrow());
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
    }

    @BeforeEach
    void morningOfMarchFirst() {
        clock.set(Instant.parse("2026-03-01T10:00:00Z"));
    }

    @Test
    void refusesTheFourthRunOfTheDayOnTheFreePlan() {
        User user = newUser(Plan.FREE);

        List<Boolean> runs = List.of(consume(user), consume(user), consume(user), consume(user));

        assertThat(runs).containsExactly(true, true, true, false);
        DailyUsage today = usage.today(Actor.console(user));
        assertThat(today.used()).isEqualTo(3);
        assertThat(today.limit()).isEqualTo(3);
        assertThat(today.remaining()).isZero();
        assertThat(today.resetsAt()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
    }

    @Test
    void startsAfreshAtUtcMidnight() {
        User user = newUser(Plan.FREE);
        clock.set(Instant.parse("2026-03-05T23:59:59Z"));
        consume(user);
        consume(user);
        consume(user);
        assertThat(consume(user)).isFalse();
        assertThat(usage.today(Actor.console(user)).resetsAt()).isEqualTo(Instant.parse("2026-03-06T00:00:00Z"));

        clock.advance(Duration.ofSeconds(1));

        DailyUsage fresh = usage.today(Actor.console(user));
        assertThat(fresh.used()).isZero();
        assertThat(fresh.resetsAt()).isEqualTo(Instant.parse("2026-03-07T00:00:00Z"));
        assertThat(consume(user)).isTrue();
        assertThat(usage.today(Actor.console(user)).used()).isEqualTo(1);
    }

    @Test
    void countsButNeverRefusesUnlimitedPlans() {
        User user = newUser(Plan.PRO);

        for (int i = 0; i < 10; i++) {
            assertThat(consume(user)).isTrue();
        }

        DailyUsage today = usage.today(Actor.console(user));
        assertThat(today.used()).isEqualTo(10);
        assertThat(today.limit()).isNull();
        assertThat(today.remaining()).isNull();
    }

    @Test
    void neverExceedsTheLimitUnderConcurrentRuns() throws Exception {
        User user = newUser(Plan.FREE);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return consume(user);
                }));
            }
            start.countDown();
            int successes = 0;
            for (Future<Boolean> result : results) {
                successes += result.get() ? 1 : 0;
            }

            assertThat(successes).isEqualTo(3);
            assertThat(usage.today(Actor.console(user)).used()).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void undoesTheCountWhenTheCallersTransactionRollsBack() {
        User user = newUser(Plan.FREE);

        try {
            fixture.transactions.run(exec -> {
                usage.tryConsume(exec, user.id(), Plan.FREE);
                throw new IllegalStateException("the run failed to start");
            });
        } catch (IllegalStateException expected) {
            // the execution never happened
        }

        assertThat(usage.today(Actor.console(user)).used()).isZero();
    }

    @Test
    void refusesEveryRunWhenTheFreeLimitIsZero() {
        UsageService none = new AccountsFixture(database, clock, AccountSettings.defaults(), new PlanSettings(0)).usage;
        User user = newUser(Plan.FREE);

        boolean counted = fixture.transactions.inTransaction(exec -> none.tryConsume(exec, user.id(), Plan.FREE));

        assertThat(counted).isFalse();
        assertThat(none.today(Actor.console(user)).used()).isZero();
        assertThat(none.today(Actor.console(user)).limit()).isZero();
    }

    @Test
    void reservesAUnitAtOnceOnALimitedPlanAndRefusesWithTheTimeToMidnight() {
        User user = newUser(Plan.FREE);
        clock.set(Instant.parse("2026-03-01T23:00:00Z"));

        List<QuotaReservation> reserved = List.of(usage.reserve(user.id(), Plan.FREE),
                usage.reserve(user.id(), Plan.FREE), usage.reserve(user.id(), Plan.FREE));
        RetryLaterException refused = catchThrowableOfType(RetryLaterException.class,
                () -> usage.reserve(user.id(), Plan.FREE));

        assertThat(reserved).allSatisfy(r -> {
            assertThat(r.counted()).isTrue();
            assertThat(r.day()).isEqualTo(LocalDate.parse("2026-03-01"));
        });
        assertThat(refused.code()).isEqualTo(ErrorCode.QUOTA_EXCEEDED);
        assertThat(refused.retryAfter()).contains(Duration.ofHours(1));
        assertThat(usage.today(Actor.console(user)).used()).isEqualTo(3);
    }

    @Test
    void givesBackAFailedUnitToItsOwnDayNeverBelowZeroAndCountsUnlimitedRunsWhenTheySucceed() {
        User free = newUser(Plan.FREE);
        User pro = newUser(Plan.PRO);
        QuotaReservation taken = usage.reserve(free.id(), Plan.FREE);
        QuotaReservation unlimited = usage.reserve(pro.id(), Plan.PRO);
        clock.advance(Duration.ofDays(1));
        usage.reserve(free.id(), Plan.FREE);

        fixture.transactions.writeAll(usage.settle(List.of(
                new QuotaOutcome(taken, false),
                new QuotaOutcome(taken, false), // a duplicate cannot take the day below zero
                new QuotaOutcome(unlimited, true),
                new QuotaOutcome(unlimited, true),
                new QuotaOutcome(unlimited, false))));

        assertThat(unlimited.counted()).isFalse();
        assertThat(usedOn(free, taken.day())).isZero();
        assertThat(usage.today(Actor.console(free)).used()).isEqualTo(1);
        assertThat(usedOn(pro, unlimited.day())).isEqualTo(2);
    }

    private static int usedOn(User user, LocalDate day) {
        return new UsageRepository().executions(fixture.transactions.read(), user.id(), day);
    }

    private static User newUser(Plan plan) {
        return fixture.users.create(admin, new NewUser("u" + UUID.randomUUID() + "@example.com",
                "a long enough password", "User", plan, null));
    }

    private static boolean consume(User user) {
        return fixture.transactions.inTransaction(exec -> usage.tryConsume(exec, user.id(), user.plan()));
    }
}
