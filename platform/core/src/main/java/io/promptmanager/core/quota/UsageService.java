package io.promptmanager.core.quota;

import io.helidon.dbclient.DbExecute;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.common.RetryLaterException;
import io.promptmanager.core.db.SqlWrite;
import io.promptmanager.core.db.Transactions;
import io.promptmanager.core.plan.Plan;
import io.promptmanager.core.plan.PlanCatalog;
import io.promptmanager.core.user.Actor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Today's execution counts against the plan's daily limit. Days are UTC days of the injected
 * clock; counters live in PostgreSQL so every node sees the same count.
 */
public final class UsageService {
    private final Transactions transactions;
    private final UsageRepository repository;
    private final PlanCatalog plans;
    private final Clock clock;

    public UsageService(Transactions transactions, UsageRepository repository, PlanCatalog plans, Clock clock) {
        this.transactions = transactions;
        this.repository = repository;
        this.plans = plans;
        this.clock = clock;
    }

    /** Today's usage of the actor's account. */
    public DailyUsage today(Actor actor) {
        return today(actor.userId(), actor.plan());
    }

    /** Today's usage of an account on the given plan. */
    public DailyUsage today(UUID userId, Plan plan) {
        LocalDate day = today();
        int used = repository.executions(transactions.read(), userId, day);
        return new DailyUsage(used, plans.entitlements(plan).dailyExecutions(),
                day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /**
     * Counts one execution for today inside the caller's transaction, unless the plan's daily
     * limit is already reached; true when counted. Unlimited plans always succeed (and are still
     * counted). Concurrent callers can never push the count past the limit.
     */
    public boolean tryConsume(DbExecute exec, UUID userId, Plan plan) {
        Integer limit = plans.entitlements(plan).dailyExecutions();
        if (limit != null && limit < 1) {
            return false;
        }
        return repository.increment(exec, userId, today(), limit);
    }

    /**
     * Takes today's unit for one run before it starts. On a limited plan the unit is counted at
     * once, atomically (concurrent runs on any node can never pass the limit), and QUOTA_EXCEEDED
     * (a {@link RetryLaterException} whose retry-after is the time to the next UTC midnight) when
     * the day is used up. On an unlimited plan nothing is written now: the run is counted when it
     * succeeds, with its record.
     */
    public QuotaReservation reserve(UUID userId, Plan plan) {
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Integer limit = plans.entitlements(plan).dailyExecutions();
        if (limit == null) {
            return new QuotaReservation(userId, day, false);
        }
        if (limit < 1 || !repository.increment(transactions.read(), userId, day, limit)) {
            throw quotaExceeded(plan, limit, now, day);
        }
        return new QuotaReservation(userId, day, true);
    }

    /**
     * The writes that settle finished runs, to be applied with the runs' records (see
     * {@link Transactions#writeAll}) so each settles exactly once: a failed counted run gives its
     * unit back to the day it was taken on (even after midnight; never below zero), a successful
     * uncounted run is counted on its day. The increments come first, then the refunds, each
     * sorted by user and day, so concurrent writers lock the counters in the same order; no
     * counter is in both.
     */
    public List<SqlWrite> settle(Collection<QuotaOutcome> outcomes) {
        Map<DayKey, Integer> totals = new TreeMap<>(DayKey.ORDER);
        for (QuotaOutcome outcome : outcomes) {
            int delta = outcome.reservation().settlement(outcome.consumed());
            if (delta != 0) {
                totals.merge(new DayKey(outcome.reservation().userId(), outcome.reservation().day()), delta,
                        Integer::sum);
            }
        }
        List<UsageRepository.Delta> increments = new ArrayList<>();
        List<UsageRepository.Delta> refunds = new ArrayList<>();
        totals.forEach((key, delta) -> {
            if (delta > 0) {
                increments.add(new UsageRepository.Delta(key.userId(), key.day(), delta));
            } else if (delta < 0) {
                refunds.add(new UsageRepository.Delta(key.userId(), key.day(), -delta));
            }
        });
        return List.of(repository.add(increments), repository.subtract(refunds));
    }

    private RetryLaterException quotaExceeded(Plan plan, int limit, Instant now, LocalDate day) {
        Instant resetsAt = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Duration wait = Duration.between(now, resetsAt);
        String detail = limit < 1
                ? "The " + plan + " plan includes no runs"
                : "The " + plan + " plan includes " + limit + (limit == 1 ? " run" : " runs")
                        + " a day; the counter resets at " + resetsAt;
        return new RetryLaterException(ErrorCode.QUOTA_EXCEEDED, detail, wait);
    }

    private record DayKey(UUID userId, LocalDate day) {
        static final Comparator<DayKey> ORDER = Comparator.comparing(DayKey::userId).thenComparing(DayKey::day);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
