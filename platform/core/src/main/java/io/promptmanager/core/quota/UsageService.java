package io.promptmanager.core.quota;

import io.helidon.dbclient.DbExecute;
import io.promptmanager.core.db.Transactions;
import io.promptmanager.core.plan.Plan;
import io.promptmanager.core.plan.PlanCatalog;
import io.promptmanager.core.user.Actor;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
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

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
