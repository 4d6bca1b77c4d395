package io.promptmanager.core.billing;

import io.helidon.dbclient.DbExecute;
import io.promptmanager.core.audit.AuditLog;
import io.promptmanager.core.plan.Plan;
import io.promptmanager.core.user.UserService;
import io.promptmanager.plugin.billing.SubscriptionSnapshot;
import io.promptmanager.plugin.billing.SubscriptionStatus;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Writes subscription states and derives the user's plan from them, inside the caller's
 * transaction. A subscription that pays for PRO ({@link PlanRule}) makes its user PRO; when the
 * subscription that did so stops paying, the user turns FREE unless another one still pays.
 * A user made PRO by an administrator without a subscription is never downgraded by billing.
 */
public final class SubscriptionChanges {
    private final SubscriptionRepository subscriptions;
    private final UserService users;
    private final AuditLog audit;
    private final PlanRule rule;
    private final Clock clock;

    public SubscriptionChanges(SubscriptionRepository subscriptions, UserService users, AuditLog audit, PlanRule rule,
                               Clock clock) {
        this.subscriptions = subscriptions;
        this.users = users;
        this.audit = audit;
        this.rule = rule;
        this.clock = clock;
    }

    /**
     * Applies a verified event's state of a subscription of {@code userId}, unless it is older
     * than the last event applied to it, or would bring a cancelled subscription back.
     *
     * @param planChanged receives the user when their plan changed (to tell after commit)
     * @return false when the event was stale and nothing changed
     */
    boolean apply(DbExecute exec, String provider, UUID userId, SubscriptionSnapshot snapshot, Instant eventCreated,
                  Set<UUID> planChanged) {
        subscriptions.lockUser(exec, userId);
        Instant now = now();
        Optional<StoredSubscription> found = subscriptions.lock(exec, snapshot.id());
        if (found.isEmpty()) {
            StoredSubscription created = new StoredSubscription(snapshot.id(), provider, userId, snapshot.customerId(),
                    snapshot.status(), snapshot.interval(), snapshot.currentPeriodStart(), snapshot.currentPeriodEnd(),
                    snapshot.cancelAtPeriodEnd(), snapshot.cancelAt(), snapshot.canceledAt(), null, null, false,
                    eventCreated, now, now);
            if (subscriptions.insert(exec, created)) {
                update(exec, null, created, snapshot, eventCreated, now, planChanged);
                return true;
            }
            // another delivery inserted it meanwhile and committed: apply on top of it
            found = subscriptions.lock(exec, snapshot.id());
        }
        StoredSubscription before = found.orElseThrow();
        boolean older = eventCreated.isBefore(before.lastEventCreated());
        boolean revivesCancelled = before.status() == SubscriptionStatus.CANCELED
                && snapshot.status() != SubscriptionStatus.CANCELED;
        if (older || revivesCancelled) {
            return false;
        }
        update(exec, before, before, snapshot, eventCreated, now, planChanged);
        return true;
    }

    private void update(DbExecute exec, StoredSubscription before, StoredSubscription row, SubscriptionSnapshot snapshot,
                        Instant eventCreated, Instant now, Set<UUID> planChanged) {
        Instant pastDueSince = pastDueSince(row, snapshot.status(), eventCreated);
        boolean grants = rule.grantsPro(snapshot.status(), pastDueSince, now);
        Instant proSince = row.proSince() != null || !grants ? row.proSince() : snapshot.currentPeriodStart();
        StoredSubscription after = row.with(snapshot, pastDueSince, proSince, grants, eventCreated, now);
        subscriptions.update(exec, after);
        if (grants) {
            setPlan(exec, after.userId(), Plan.PRO, planChanged);
        } else if (before != null && before.grantsPro()) {
            downgradeUnlessAnotherPays(exec, after, now, planChanged);
        }
        Subscription shownBefore = before == null ? null : before.view(rule);
        Subscription shownAfter = after.view(rule);
        if (!Objects.equals(shownBefore, shownAfter)) {
            audit.record(exec, null, after.userId(), "billing.subscription", "subscription", after.id(), shownBefore,
                    shownAfter);
        }
    }

    /**
     * Stores the state a call to the processor returned (cancellation). It changes no plan and
     * does not count as an event: the webhook that follows is still applied.
     */
    StoredSubscription storeCallResult(DbExecute exec, StoredSubscription before, SubscriptionSnapshot snapshot) {
        Instant now = now();
        StoredSubscription after = before.with(snapshot, pastDueSince(before, snapshot.status(), now),
                before.proSince(), before.grantsPro(), before.lastEventCreated(), now);
        subscriptions.update(exec, after);
        return after;
    }

    /**
     * The grace of a PAST_DUE subscription ran out: it no longer pays for PRO. Re-checked under
     * lock, so concurrent sweeps on several nodes downgrade once.
     *
     * @return true when its user's plan changed
     */
    boolean expireGrace(DbExecute exec, String subscriptionId, Set<UUID> planChanged) {
        Instant now = now();
        Optional<StoredSubscription> found = subscriptions.lock(exec, subscriptionId);
        if (found.isEmpty() || !found.get().grantsPro() || found.get().grantsProAt(rule, now)) {
            return false;
        }
        subscriptions.lockUser(exec, found.get().userId());
        StoredSubscription after = found.get().withGrantsPro(false, now);
        subscriptions.update(exec, after);
        int before = planChanged.size();
        downgradeUnlessAnotherPays(exec, after, now, planChanged);
        return planChanged.size() > before;
    }

    private void downgradeUnlessAnotherPays(DbExecute exec, StoredSubscription ended, Instant now,
                                            Set<UUID> planChanged) {
        boolean anotherPays = subscriptions.ofUser(exec, ended.userId()).stream()
                .anyMatch(other -> !other.id().equals(ended.id()) && other.grantsProAt(rule, now));
        if (!anotherPays) {
            setPlan(exec, ended.userId(), Plan.FREE, planChanged);
        }
    }

    private void setPlan(DbExecute exec, UUID userId, Plan plan, Set<UUID> planChanged) {
        if (users.applyBillingPlan(exec, userId, plan)) {
            planChanged.add(userId);
        }
    }

    /** Kept while PAST_DUE (the grace runs from the first failure), cleared in any other state. */
    private static Instant pastDueSince(StoredSubscription row, SubscriptionStatus status, Instant at) {
        if (status != SubscriptionStatus.PAST_DUE) {
            return null;
        }
        return row.status() == SubscriptionStatus.PAST_DUE && row.pastDueSince() != null ? row.pastDueSince() : at;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
