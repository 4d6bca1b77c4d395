package io.promptmanager.stripe.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fake account's objects. Not thread-safe on its own: every reader and writer holds the
 * instance's monitor ({@code synchronized (state)}), so an API call or a scenario sees and leaves a
 * consistent account.
 */
final class StripeState {
    final Map<String, Price> prices = new LinkedHashMap<>();
    final Map<String, Customer> customers = new LinkedHashMap<>();
    final Map<String, CheckoutSession> sessions = new LinkedHashMap<>();
    final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    final Map<String, Invoice> invoices = new LinkedHashMap<>();
    final Map<String, PaymentIntent> paymentIntents = new LinkedHashMap<>();
    final Map<String, InvoicePayment> invoicePayments = new LinkedHashMap<>();
    final Map<String, Refund> refunds = new LinkedHashMap<>();
    /** Customer portal sessions' return URLs, by the token in their URL. */
    final Map<String, String> portalReturnUrls = new LinkedHashMap<>();

    /** A recurring price of the product on sale. */
    record Price(String id, String product, long unitAmount, String currency, String interval, long created) {
    }

    static final class Customer {
        final String id;
        final String email;
        final long created;
        final String invoicePrefix = Ids.random(8).toUpperCase(java.util.Locale.ROOT);
        long balance;
        int invoiceCount;
        String defaultPaymentMethod;

        Customer(String id, String email, long created) {
            this.id = id;
            this.email = email;
            this.created = created;
        }
    }

    static final class CheckoutSession {
        final String id;
        final long created;
        final String priceId;
        final long quantity;
        final String clientReferenceId;
        final String customerEmail;
        final String successUrl;
        final String cancelUrl;
        final Map<String, String> subscriptionMetadata;
        String customer;
        String status = "open";
        String paymentStatus = "unpaid";
        String subscription;
        String invoice;

        CheckoutSession(String id, long created, String priceId, long quantity, String clientReferenceId,
                        String customer, String customerEmail, String successUrl, String cancelUrl,
                        Map<String, String> subscriptionMetadata) {
            this.id = id;
            this.created = created;
            this.priceId = priceId;
            this.quantity = quantity;
            this.clientReferenceId = clientReferenceId;
            this.customer = customer;
            this.customerEmail = customerEmail;
            this.successUrl = successUrl;
            this.cancelUrl = cancelUrl;
            this.subscriptionMetadata = subscriptionMetadata;
        }
    }

    static final class Subscription {
        final String id;
        final String customer;
        final long created;
        final String itemId = Ids.next("si");
        final String priceId;
        final long quantity;
        final Map<String, String> metadata;
        String status = "active";
        long periodStart;
        long periodEnd;
        boolean cancelAtPeriodEnd;
        Long cancelAt;
        Long canceledAt;
        Long endedAt;
        String cancellationReason;
        String latestInvoice;

        Subscription(String id, String customer, long created, String priceId, long quantity,
                     Map<String, String> metadata) {
            this.id = id;
            this.customer = customer;
            this.created = created;
            this.priceId = priceId;
            this.quantity = quantity;
            this.metadata = metadata;
        }
    }

    static final class Invoice {
        final String id;
        final String number;
        final String customer;
        final String customerEmail;
        final String subscription;
        final Map<String, String> subscriptionMetadata;
        final String billingReason;
        final long created;
        final long amount;
        final String currency;
        // The invoice's own period (usage accrued: the previous period for a renewal) and the
        // subscription line's service period.
        final long periodStart;
        final long periodEnd;
        final String lineId = Ids.next("il");
        final String priceId;
        final String subscriptionItem;
        final long linePeriodStart;
        final long linePeriodEnd;
        String status = "open";
        long amountPaid;
        int attemptCount;
        Long paidAt;
        Long nextPaymentAttempt;

        Invoice(String id, String number, Subscription subscription, String customerEmail, String billingReason,
                long created, long amount, String currency, long periodStart, long periodEnd) {
            this.id = id;
            this.number = number;
            this.customer = subscription.customer;
            this.customerEmail = customerEmail;
            this.subscription = subscription.id;
            this.subscriptionMetadata = Map.copyOf(subscription.metadata);
            this.billingReason = billingReason;
            this.created = created;
            this.amount = amount;
            this.currency = currency;
            this.periodStart = periodStart;
            this.periodEnd = periodEnd;
            this.priceId = subscription.priceId;
            this.subscriptionItem = subscription.itemId;
            this.linePeriodStart = subscription.periodStart;
            this.linePeriodEnd = subscription.periodEnd;
        }
    }

    static final class PaymentIntent {
        final String id;
        final String customer;
        final long amount;
        final String currency;
        final long created;
        final String charge = Ids.next("ch");
        String status = "requires_payment_method";
        long amountReceived;
        long amountRefunded;

        PaymentIntent(String id, String customer, long amount, String currency, long created) {
            this.id = id;
            this.customer = customer;
            this.amount = amount;
            this.currency = currency;
            this.created = created;
        }
    }

    static final class InvoicePayment {
        final String id;
        final String invoice;
        final String paymentIntent;
        final long amount;
        final String currency;
        final long created;
        String status = "open";
        Long paidAt;

        InvoicePayment(String id, String invoice, String paymentIntent, long amount, String currency, long created) {
            this.id = id;
            this.invoice = invoice;
            this.paymentIntent = paymentIntent;
            this.amount = amount;
            this.currency = currency;
            this.created = created;
        }
    }

    record Refund(String id, String paymentIntent, String charge, long amount, String currency, long created,
                  String reason, Map<String, String> metadata) {
    }

    Price price(String id) {
        return prices.get(id);
    }

    List<InvoicePayment> paymentsOf(String invoiceId) {
        return new ArrayList<>(invoicePayments.values().stream().filter(p -> p.invoice.equals(invoiceId)).toList());
    }
}
