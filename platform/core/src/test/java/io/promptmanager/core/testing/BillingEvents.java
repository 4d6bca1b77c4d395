package io.promptmanager.core.testing;

import io.promptmanager.plugin.billing.BillingEvent;
import io.promptmanager.plugin.billing.BillingEvent.Type;
import io.promptmanager.plugin.billing.BillingInterval;
import io.promptmanager.plugin.billing.InvoiceSnapshot;
import io.promptmanager.plugin.billing.SubscriptionSnapshot;
import io.promptmanager.plugin.billing.SubscriptionStatus;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One user's subscription at a test processor, producing the events the processor would send as
 * its state changes. Ids are unique per instance ({@code sub_<n>}, {@code cus_<n>}, {@code evt_<n>}).
 */
public final class BillingEvents {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final String userReference;
    private final String customerId;
    private final String subscriptionId;
    private SubscriptionSnapshot subscription;
    private int invoices;

    /** A subscription of {@code user} billed every {@code interval}, its first period starting at {@code start}. */
    public BillingEvents(UUID user, BillingInterval interval, Instant start) {
        int n = SEQUENCE.incrementAndGet();
        this.userReference = user == null ? null : user.toString();
        this.customerId = "cus_test_" + n;
        this.subscriptionId = "sub_test_" + n;
        this.subscription = new SubscriptionSnapshot(subscriptionId, customerId, userReference,
                SubscriptionStatus.INCOMPLETE, interval, start, periodEnd(interval, start), false, null, null);
    }

    public String customerId() {
        return customerId;
    }

    public String subscriptionId() {
        return subscriptionId;
    }

    /** The subscription as the processor has it now. */
    public SubscriptionSnapshot subscription() {
        return subscription;
    }

    public static String eventId() {
        return "evt_test_" + SEQUENCE.incrementAndGet();
    }

    /** {@code checkout.session.completed}. */
    public BillingEvent checkoutCompleted(Instant created) {
        return new BillingEvent(eventId(), Type.CHECKOUT_COMPLETED, "checkout.session.completed", created,
                new BillingEvent.CompletedCheckout("cs_test_" + SEQUENCE.incrementAndGet(), userReference, customerId,
                        subscriptionId), null, null);
    }

    /** The subscription moved to {@code status}: {@code customer.subscription.created/updated/deleted}. */
    public BillingEvent subscription(Type type, SubscriptionStatus status, Instant created) {
        subscription = new SubscriptionSnapshot(subscriptionId, customerId, userReference, status,
                subscription.interval(), subscription.currentPeriodStart(), subscription.currentPeriodEnd(),
                subscription.cancelAtPeriodEnd(), subscription.cancelAt(),
                status == SubscriptionStatus.CANCELED ? created : subscription.canceledAt());
        return subscriptionEvent(type, created);
    }

    /** The current state of the subscription, as an event of {@code type} created at {@code created}. */
    public BillingEvent subscriptionEvent(Type type, Instant created) {
        String processorType = switch (type) {
            case SUBSCRIPTION_CREATED -> "customer.subscription.created";
            case SUBSCRIPTION_DELETED -> "customer.subscription.deleted";
            default -> "customer.subscription.updated";
        };
        return new BillingEvent(eventId(), type, processorType, created, null, subscription, null);
    }

    /** The subscription renewed: its period moves one interval on. */
    public void renew() {
        Instant start = subscription.currentPeriodEnd();
        subscription = new SubscriptionSnapshot(subscriptionId, customerId, userReference, subscription.status(),
                subscription.interval(), start, periodEnd(subscription.interval(), start),
                subscription.cancelAtPeriodEnd(), subscription.cancelAt(), subscription.canceledAt());
    }

    /** {@code invoice.paid} for the current period. */
    public BillingEvent invoicePaid(long amount, Instant created) {
        return invoice(Type.INVOICE_PAID, "invoice.paid", "paid", amount, amount, created);
    }

    /** {@code invoice.payment_failed} for the current period. */
    public BillingEvent invoicePaymentFailed(long amount, Instant created) {
        return invoice(Type.INVOICE_PAYMENT_FAILED, "invoice.payment_failed", "open", 0, amount, created);
    }

    private BillingEvent invoice(Type type, String processorType, String status, long paid, long due, Instant created) {
        String id = "in_" + subscriptionId + "_" + (++invoices);
        InvoiceSnapshot invoice = new InvoiceSnapshot(id, "TEST-" + invoices, customerId, subscriptionId, userReference,
                status, paid, due, "usd", subscription.currentPeriodStart(), subscription.currentPeriodEnd(), created,
                URI.create("https://invoice.test/" + id));
        return new BillingEvent(eventId(), type, processorType, created, null, null, invoice);
    }

    /** {@code invoice.paid} for an invoice already announced (same id), e.g. paid on retry. */
    public BillingEvent invoicePaidAgain(int invoiceNumber, long amount, Instant created) {
        String id = "in_" + subscriptionId + "_" + invoiceNumber;
        InvoiceSnapshot invoice = new InvoiceSnapshot(id, "TEST-" + invoiceNumber, customerId, subscriptionId,
                userReference, "paid", amount, amount, "usd", subscription.currentPeriodStart(),
                subscription.currentPeriodEnd(), created, URI.create("https://invoice.test/" + id));
        return new BillingEvent(eventId(), Type.INVOICE_PAID, "invoice.paid", created, null, null, invoice);
    }

    /** A kind of event the platform does not act on. */
    public static BillingEvent other(Instant created) {
        return new BillingEvent(eventId(), Type.OTHER, "customer.updated", created, null, null, null);
    }

    private static Instant periodEnd(BillingInterval interval, Instant start) {
        var date = start.atOffset(ZoneOffset.UTC);
        return (interval == BillingInterval.MONTH ? date.plusMonths(1) : date.plusYears(1)).toInstant();
    }
}
