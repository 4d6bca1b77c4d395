package io.promptmanager.stripe.testing;

import io.promptmanager.stripe.testing.StripeState.CheckoutSession;
import io.promptmanager.stripe.testing.StripeState.Customer;
import io.promptmanager.stripe.testing.StripeState.Invoice;
import io.promptmanager.stripe.testing.StripeState.InvoicePayment;
import io.promptmanager.stripe.testing.StripeState.PaymentIntent;
import io.promptmanager.stripe.testing.StripeState.Price;
import io.promptmanager.stripe.testing.StripeState.Subscription;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Stripe's side of a subscription's life: what Stripe does when a customer pays at Checkout, a
 * period renews, a renewal payment fails or recovers, retries run out, or a subscription ends, and
 * the events it sends for each (only the six types the plugin's endpoint subscribes to).
 */
final class Scenarios {
    private final StripeState state;
    private final Clock clock;
    private final Events events;

    Scenarios(StripeState state, Clock clock, Events events) {
        this.state = state;
        this.clock = clock;
        this.events = events;
    }

    /** The customer pays the open session: customer, active subscription, paid first invoice. */
    List<SignedEvent> completeCheckout(String sessionId) {
        synchronized (state) {
            CheckoutSession session = state.sessions.get(sessionId);
            if (session == null || !session.status.equals("open")) {
                throw new IllegalStateException("no open checkout session " + sessionId);
            }
            long now = now();
            Customer customer = session.customer != null ? state.customers.get(session.customer)
                    : new Customer(Ids.next("cus"), session.customerEmail, now);
            state.customers.putIfAbsent(customer.id, customer);
            customer.defaultPaymentMethod = Ids.next("pm");
            Subscription subscription = new Subscription(Ids.next("sub"), customer.id, now, session.priceId,
                    session.quantity, new LinkedHashMap<>(session.subscriptionMetadata));
            subscription.periodStart = now;
            subscription.periodEnd = plusInterval(now, state.price(session.priceId));
            state.subscriptions.put(subscription.id, subscription);
            Invoice invoice = invoice(subscription, "subscription_create", now, now);
            pay(invoice);
            subscription.latestInvoice = invoice.id;
            session.customer = customer.id;
            session.subscription = subscription.id;
            session.invoice = invoice.id;
            session.status = "complete";
            session.paymentStatus = "paid";
            return List.of(
                    events.event("checkout.session.completed", ObjectJson.checkoutSession(session,
                            state.price(session.priceId), ""), null, null, null),
                    events.event("customer.subscription.created", subscriptionJson(subscription), null, null, null),
                    events.event("invoice.paid", invoiceJson(invoice), null, null, null));
        }
    }

    /** The period ends and the next one is paid. */
    List<SignedEvent> renew(String subscriptionId) {
        synchronized (state) {
            Subscription subscription = live(subscriptionId);
            Json previous = previous(subscription);
            Invoice invoice = nextPeriod(subscription);
            pay(invoice);
            subscription.status = "active";
            return List.of(
                    events.event("invoice.paid", invoiceJson(invoice), null, null, null),
                    updated(subscription, previous));
        }
    }

    /** The period ends and its payment fails: the invoice stays open, the subscription is past due. */
    List<SignedEvent> failRenewal(String subscriptionId) {
        synchronized (state) {
            Subscription subscription = live(subscriptionId);
            Json previous = previous(subscription);
            Invoice invoice = nextPeriod(subscription);
            attempt(invoice);
            invoice.attemptCount = 1;
            invoice.nextPaymentAttempt = now() + 3 * 24 * 3600;
            subscription.status = "past_due";
            return List.of(
                    events.event("invoice.payment_failed", invoiceJson(invoice), null, null, null),
                    updated(subscription, previous));
        }
    }

    /** A retry of the latest (open) invoice succeeds: paid, and the subscription is active again. */
    List<SignedEvent> recoverPayment(String subscriptionId) {
        synchronized (state) {
            Subscription subscription = live(subscriptionId);
            Invoice invoice = state.invoices.get(subscription.latestInvoice);
            if (!invoice.status.equals("open")) {
                throw new IllegalStateException("the latest invoice of " + subscriptionId + " is " + invoice.status);
            }
            pay(invoice);
            invoice.attemptCount++;
            invoice.nextPaymentAttempt = null;
            String previousStatus = subscription.status;
            subscription.status = "active";
            return List.of(
                    events.event("invoice.paid", invoiceJson(invoice), null, null, null),
                    events.event("customer.subscription.updated", subscriptionJson(subscription),
                            Json.object().put("status", previousStatus), null, null));
        }
    }

    /** Payment retries ran out and the account marks such subscriptions unpaid. */
    List<SignedEvent> markUnpaid(String subscriptionId) {
        synchronized (state) {
            Subscription subscription = live(subscriptionId);
            String previousStatus = subscription.status;
            subscription.status = "unpaid";
            state.invoices.get(subscription.latestInvoice).nextPaymentAttempt = null;
            return List.of(events.event("customer.subscription.updated", subscriptionJson(subscription),
                    Json.object().put("status", previousStatus), null, null));
        }
    }

    /** The subscription ends now (cancelled in the Dashboard, or retries ran out with "cancel"). */
    List<SignedEvent> deleteSubscription(String subscriptionId, String reason) {
        synchronized (state) {
            Subscription subscription = live(subscriptionId);
            subscription.status = "canceled";
            subscription.canceledAt = now();
            subscription.endedAt = now();
            subscription.cancellationReason = reason;
            return List.of(events.event("customer.subscription.deleted", subscriptionJson(subscription), null, null,
                    null));
        }
    }

    /** A subscription set to cancel at period end reaches that end. */
    List<SignedEvent> expire(String subscriptionId) {
        synchronized (state) {
            Subscription subscription = live(subscriptionId);
            if (!subscription.cancelAtPeriodEnd) {
                throw new IllegalStateException(subscriptionId + " is not set to cancel at period end");
            }
            subscription.status = "canceled";
            subscription.endedAt = subscription.periodEnd;
            return List.of(events.event("customer.subscription.deleted", subscriptionJson(subscription), null, null,
                    null));
        }
    }

    private Invoice nextPeriod(Subscription subscription) {
        long previousStart = subscription.periodStart;
        long previousEnd = subscription.periodEnd;
        subscription.periodStart = previousEnd;
        subscription.periodEnd = plusInterval(previousEnd, state.price(subscription.priceId));
        // A renewal invoice's own period is the one just ended; its line bills the new one.
        Invoice invoice = invoice(subscription, "subscription_cycle", previousStart, previousEnd);
        subscription.latestInvoice = invoice.id;
        return invoice;
    }

    /** What a period roll changes, as it was before: for {@code data.previous_attributes}. */
    private static Json previous(Subscription subscription) {
        return Json.object().put("latest_invoice", subscription.latestInvoice).put("status", subscription.status);
    }

    private SignedEvent updated(Subscription subscription, Json previous) {
        if (subscription.status.equals(previous.fields().get("status"))) {
            previous.fields().remove("status");
        }
        return events.event("customer.subscription.updated", subscriptionJson(subscription), previous, null, null);
    }

    private Invoice invoice(Subscription subscription, String reason, long periodStart, long periodEnd) {
        Customer customer = state.customers.get(subscription.customer);
        Price price = state.price(subscription.priceId);
        customer.invoiceCount++;
        Invoice invoice = new Invoice(Ids.next("in"), customer.invoicePrefix + "-" + String.format("%04d",
                customer.invoiceCount), subscription, customer.email, reason, now(),
                price.unitAmount() * subscription.quantity, price.currency(), periodStart, periodEnd);
        state.invoices.put(invoice.id, invoice);
        return invoice;
    }

    private void pay(Invoice invoice) {
        InvoicePayment payment = state.paymentsOf(invoice.id).stream().findFirst().orElseGet(() -> attempt(invoice));
        PaymentIntent intent = state.paymentIntents.get(payment.paymentIntent);
        intent.status = "succeeded";
        intent.amountReceived = invoice.amount;
        payment.status = "paid";
        payment.paidAt = now();
        invoice.status = "paid";
        invoice.amountPaid = invoice.amount;
        invoice.paidAt = now();
        invoice.attemptCount = Math.max(invoice.attemptCount, 1);
    }

    /** A payment attempt on the invoice: a payment intent and its (open) invoice payment. */
    private InvoicePayment attempt(Invoice invoice) {
        PaymentIntent intent = new PaymentIntent(Ids.next("pi"), invoice.customer, invoice.amount, invoice.currency,
                now());
        state.paymentIntents.put(intent.id, intent);
        InvoicePayment payment = new InvoicePayment(Ids.next("inpay"), invoice.id, intent.id, invoice.amount,
                invoice.currency, now());
        state.invoicePayments.put(payment.id, payment);
        return payment;
    }

    private Subscription live(String subscriptionId) {
        Subscription subscription = state.subscriptions.get(subscriptionId);
        if (subscription == null || subscription.status.equals("canceled")) {
            throw new IllegalStateException("no live subscription " + subscriptionId);
        }
        return subscription;
    }

    private Json subscriptionJson(Subscription subscription) {
        return ObjectJson.subscription(subscription, state.price(subscription.priceId));
    }

    private Json invoiceJson(Invoice invoice) {
        return ObjectJson.invoice(invoice, state.price(invoice.priceId));
    }

    private long plusInterval(long epochSecond, Price price) {
        ZonedDateTime start = Instant.ofEpochSecond(epochSecond).atZone(ZoneOffset.UTC);
        return (price.interval().equals("year") ? start.plusYears(1) : start.plusMonths(1)).toEpochSecond();
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }
}
