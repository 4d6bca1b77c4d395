package io.promptmanager.core.billing;

import io.promptmanager.core.common.PeriodicSchedule;
import io.promptmanager.core.db.Transactions;
import io.promptmanager.core.user.AccountChangeListener;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Turns FREE the users whose renewal payment failed longer ago than the grace period: no webhook
 * announces that moment, so one background thread looks for it every
 * {@code billing.grace-sweep-interval}. Every node may run it; each subscription is re-checked
 * under lock, so a user is downgraded once.
 */
public final class GraceSweep implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(GraceSweep.class.getName());

    private final Transactions transactions;
    private final SubscriptionRepository subscriptions;
    private final SubscriptionChanges changes;
    private final PlanRule rule;
    private final AccountChangeListener accountChanges;
    private final Clock clock;
    private final PeriodicSchedule schedule = new PeriodicSchedule("billing-grace-sweep", this::runOnce);

    public GraceSweep(Transactions transactions, SubscriptionRepository subscriptions, SubscriptionChanges changes,
                      PlanRule rule, AccountChangeListener accountChanges, Clock clock) {
        this.transactions = transactions;
        this.subscriptions = subscriptions;
        this.changes = changes;
        this.rule = rule;
        this.accountChanges = accountChanges;
        this.clock = clock;
    }

    /** Runs {@link #runOnce()} every {@code interval} on its own thread until closed. */
    public GraceSweep start(Duration interval) {
        schedule.start(interval);
        return this;
    }

    /**
     * Downgrades, now, every user whose past-due subscription's grace period is over and that no
     * other subscription pays for.
     *
     * @return how many users turned FREE
     */
    public int runOnce() {
        int downgraded = 0;
        for (String id : subscriptions.graceExpired(transactions.read(), rule.pastDueGrantingAfter(clock.instant()))) {
            Set<UUID> planChanged = new LinkedHashSet<>();
            if (transactions.inTransaction(exec -> changes.expireGrace(exec, id, planChanged))) {
                downgraded++;
            }
            planChanged.forEach(accountChanges::accountChanged);
        }
        if (downgraded > 0) {
            int count = downgraded;
            LOG.info(() -> count + " user(s) turned FREE: their renewal payment failed and the grace period is over");
        }
        return downgraded;
    }

    @Override
    public void close() {
        schedule.close();
    }
}
