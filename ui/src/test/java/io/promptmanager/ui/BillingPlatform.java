package io.promptmanager.ui;

import io.promptmanager.core.testing.BillingEvents;
import io.promptmanager.core.testing.ScriptedBillingProvider;
import io.promptmanager.core.testing.TestPlatform;
import io.promptmanager.core.user.User;
import io.promptmanager.plugin.billing.BillingEvent;
import io.promptmanager.plugin.billing.BillingInterval;
import io.promptmanager.plugin.billing.SubscriptionStatus;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * A platform with a billing plugin: core's scripted test processor (id {@code stripe}), which
 * records checkouts, portal sessions and cancellations and whose webhooks the test delivers.
 */
public final class BillingPlatform implements Supplier<TestPlatform> {
    private static ScriptedBillingProvider processor;
    private static TestPlatform platform;

    @Override
    public TestPlatform get() {
        processor = new ScriptedBillingProvider(Clock.systemUTC());
        platform = TestPlatform.withBilling(TestPlatform.settings(Clock.systemUTC()), List.of(processor));
        return platform;
    }

    /** The processor of the running test class. */
    public static ScriptedBillingProvider processor() {
        return processor;
    }

    /** Delivers verified webhook events, as the processor would. */
    public static void deliver(BillingEvent... events) {
        platform.services().billingWebhooks().receive(processor.id(), processor.webhook(events));
    }

    /** {@code user} pays for PRO: checkout completed, subscription active, first invoice paid. */
    public static BillingEvents subscribe(User user, BillingInterval interval, long amountPaid) {
        Instant now = Instant.now();
        BillingEvents subscription = new BillingEvents(user.id(), interval, now);
        deliver(subscription.checkoutCompleted(now),
                subscription.subscription(BillingEvent.Type.SUBSCRIPTION_CREATED, SubscriptionStatus.ACTIVE, now),
                subscription.invoicePaid(amountPaid, now));
        processor.knows(subscription.subscription());
        return subscription;
    }
}
