package io.promptmanager.plugins.stripe;

import com.stripe.model.Invoice;
import com.stripe.model.InvoiceLineItem;
import com.stripe.model.Price;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.model.checkout.Session;
import io.promptmanager.plugin.billing.BillingEvent.CompletedCheckout;
import io.promptmanager.plugin.billing.BillingInterval;
import io.promptmanager.plugin.billing.InvoiceSnapshot;
import io.promptmanager.plugin.billing.SubscriptionSnapshot;
import io.promptmanager.plugin.billing.SubscriptionStatus;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads Stripe objects of API version {@code 2026-07-29.dahlia} into the plugin API's records.
 * Since {@code 2025-03-31.basil} a subscription's period lives on its items
 * ({@code items.data[].current_period_start/end}), and an invoice names its subscription under
 * {@code parent.subscription_details} (with a snapshot of the subscription's metadata).
 */
final class Snapshots {
    /** The subscription metadata key holding the platform's user id (set at checkout). */
    static final String USER_ID = "user_id";

    private Snapshots() {
    }

    /** A Stripe object lacks something the platform needs. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message);
        }
    }

    /**
     * The subscription, or empty when none of its items has a monthly or yearly price (a
     * subscription the platform cannot have sold).
     *
     * @throws Unreadable when a field the platform needs is missing or unknown
     */
    static Optional<SubscriptionSnapshot> subscription(Subscription subscription) {
        List<SubscriptionItem> items = subscription.getItems() == null || subscription.getItems().getData() == null
                ? List.of() : subscription.getItems().getData();
        for (SubscriptionItem item : items) {
            Optional<BillingInterval> interval = interval(item.getPrice());
            if (interval.isPresent()) {
                return Optional.of(new SubscriptionSnapshot(
                        required(subscription.getId(), "subscription id"),
                        required(subscription.getCustomer(), "subscription customer"),
                        metadata(subscription.getMetadata()),
                        status(subscription.getStatus()),
                        interval.get(),
                        instant(item.getCurrentPeriodStart(), "subscription item current_period_start"),
                        instant(item.getCurrentPeriodEnd(), "subscription item current_period_end"),
                        Boolean.TRUE.equals(subscription.getCancelAtPeriodEnd()),
                        optionalInstant(subscription.getCancelAt()),
                        optionalInstant(subscription.getCanceledAt())));
            }
        }
        return Optional.empty();
    }

    /**
     * The invoice, its period being the subscription line's service period (the invoice's own
     * {@code period_start/end} is the previous period for a renewal).
     *
     * @throws Unreadable when a field the platform needs is missing
     */
    static InvoiceSnapshot invoice(Invoice invoice) {
        Invoice.Parent.SubscriptionDetails details = invoice.getParent() == null ? null
                : invoice.getParent().getSubscriptionDetails();
        InvoiceLineItem.Period period = servicePeriod(invoice);
        Instant periodStart = period == null ? instant(invoice.getPeriodStart(), "invoice period_start")
                : instant(period.getStart(), "invoice line period start");
        Instant periodEnd = period == null ? instant(invoice.getPeriodEnd(), "invoice period_end")
                : instant(period.getEnd(), "invoice line period end");
        return new InvoiceSnapshot(
                required(invoice.getId(), "invoice id"),
                invoice.getNumber(),
                required(invoice.getCustomer(), "invoice customer"),
                details == null ? null : details.getSubscription(),
                details == null ? null : metadata(details.getMetadata()),
                required(invoice.getStatus(), "invoice status"),
                required(invoice.getAmountPaid(), "invoice amount_paid"),
                required(invoice.getAmountDue(), "invoice amount_due"),
                required(invoice.getCurrency(), "invoice currency").toLowerCase(Locale.ROOT),
                periodStart,
                periodEnd,
                instant(invoice.getCreated(), "invoice created"),
                url(invoice.getHostedInvoiceUrl()));
    }

    /** The completed checkout, or empty when it made no customer (not a subscription checkout). */
    static Optional<CompletedCheckout> checkout(Session session) {
        if (session.getCustomer() == null) {
            return Optional.empty();
        }
        return Optional.of(new CompletedCheckout(required(session.getId(), "checkout session id"),
                session.getClientReferenceId(), session.getCustomer(), session.getSubscription()));
    }

    private static InvoiceLineItem.Period servicePeriod(Invoice invoice) {
        List<InvoiceLineItem> lines = invoice.getLines() == null || invoice.getLines().getData() == null
                ? List.of() : invoice.getLines().getData();
        return lines.stream()
                .filter(line -> line.getParent() != null && line.getParent().getSubscriptionItemDetails() != null)
                .map(InvoiceLineItem::getPeriod)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    private static Optional<BillingInterval> interval(Price price) {
        if (price == null || price.getRecurring() == null || !Long.valueOf(1).equals(price.getRecurring()
                .getIntervalCount())) {
            return Optional.empty();
        }
        return switch (String.valueOf(price.getRecurring().getInterval())) {
            case "month" -> Optional.of(BillingInterval.MONTH);
            case "year" -> Optional.of(BillingInterval.YEAR);
            default -> Optional.empty();
        };
    }

    private static SubscriptionStatus status(String status) {
        try {
            return SubscriptionStatus.valueOf(required(status, "subscription status").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Unreadable("unknown subscription status " + StripeFailures.safeText(status));
        }
    }

    private static String metadata(Map<String, String> metadata) {
        return metadata == null ? null : metadata.get(USER_ID);
    }

    private static URI url(String url) {
        if (url == null) {
            return null;
        }
        try {
            return URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new Unreadable("the invoice's hosted_invoice_url is not a URL");
        }
    }

    private static Instant instant(Long epochSeconds, String what) {
        return Instant.ofEpochSecond(required(epochSeconds, what));
    }

    private static Instant optionalInstant(Long epochSeconds) {
        return epochSeconds == null ? null : Instant.ofEpochSecond(epochSeconds);
    }

    private static <T> T required(T value, String what) {
        if (value == null) {
            throw new Unreadable("the " + what + " is missing");
        }
        return value;
    }
}
