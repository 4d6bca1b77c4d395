package io.promptmanager.stripe.testing;

import io.promptmanager.stripe.testing.StripeState.Price;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A local Stripe for tests, speaking Stripe's wire format (API version {@value #API_VERSION}) for
 * the endpoints the Stripe plugin uses:
 * <ul>
 *   <li>{@code POST /v1/checkout/sessions} (subscription mode, one line item),</li>
 *   <li>{@code POST /v1/billing_portal/sessions},</li>
 *   <li>{@code GET}, {@code POST} (update) and {@code DELETE} (cancel) {@code /v1/subscriptions/{id}},</li>
 *   <li>{@code GET /v1/invoice_payments?invoice=…&status=…},</li>
 *   <li>{@code POST /v1/refunds} (by payment intent).</li>
 * </ul>
 * Requests are form-encoded with bracket notation and authenticated with
 * {@code Authorization: Bearer} {@link #secretKey()}; POSTs honour {@code Idempotency-Key}; answers
 * are Stripe's JSON objects and error objects with Stripe's statuses (see {@link StripeServer},
 * {@link Endpoints}, {@link ObjectJson}). The account keeps customers, checkout sessions,
 * subscriptions, invoices, invoice payments, payment intents and refunds.
 *
 * <p>Scenario methods play Stripe's side of a subscription's life and return the webhook events
 * Stripe would send for it, signed as Stripe signs them ({@link SignedEvent}); API calls that cause
 * events (cancelling, cancel at period end) queue theirs for {@link #takeApiEvents()}. With
 * {@link #sendWebhooksTo(URI)} every event is also POSTed to that endpoint: a scenario's before it
 * returns, an API call's asynchronously (as Stripe does).
 *
 * <p>The checkout and portal URLs it returns lead to stand-ins for Stripe's hosted pages
 * ({@link HostedPages}) where a browser can pay or go back.
 *
 * <p>Prices: {@link #monthlyPrice()} (700 usd a month) and {@link #yearlyPrice()} (7000 usd a year).
 * Thread-safe.
 */
public final class FakeStripe implements AutoCloseable {
    /** The only API version the fake speaks: the one stripe-java 33.3.0 pins. */
    public static final String API_VERSION = "2026-07-29.dahlia";
    /** The prices' amounts, in cents (usd). */
    public static final long MONTHLY_AMOUNT = 700;
    public static final long YEARLY_AMOUNT = 7000;

    private final String secretKey = "sk_test_" + Ids.random(40);
    private final SigningSecrets webhookSecrets = new SigningSecrets();
    private final StripeState state = new StripeState();
    private final StripeServer server = new StripeServer(secretKey);
    private final WebhookSender sender = new WebhookSender();
    private final Events events;
    private final Scenarios scenarios;
    private final List<SignedEvent> apiEvents = new ArrayList<>();
    private final String monthlyPrice = "price_" + Ids.random(24);
    private final String yearlyPrice = "price_" + Ids.random(24);

    private FakeStripe(Clock clock) {
        this.events = new Events(clock, webhookSecrets::active);
        this.scenarios = new Scenarios(state, clock, events);
        long created = clock.instant().getEpochSecond();
        String product = "prod_" + Ids.random(14);
        state.prices.put(monthlyPrice, new Price(monthlyPrice, product, MONTHLY_AMOUNT, "usd", "month", created));
        state.prices.put(yearlyPrice, new Price(yearlyPrice, product, YEARLY_AMOUNT, "usd", "year", created));
        server.start(new Endpoints(state, clock, events, this::apiEvent, server.baseUri().toString()),
                new HostedPages(state, this::completeCheckout));
    }

    /** Starts a fake on a free loopback port, on the system clock. */
    public static FakeStripe start() {
        return start(Clock.systemUTC());
    }

    /** Starts a fake whose objects, events and signatures are timed by {@code clock}. */
    public static FakeStripe start(Clock clock) {
        return new FakeStripe(clock);
    }

    /** The API base to configure ({@code http://127.0.0.1:<port>}). */
    public URI apiBase() {
        return server.baseUri();
    }

    /** The only secret key the fake accepts. */
    public String secretKey() {
        return secretKey;
    }

    /** The newest webhook signing secret. */
    public String webhookSecret() {
        return webhookSecrets.newest();
    }

    /** Every secret events are signed with, newest first. */
    public List<String> activeSecrets() {
        return webhookSecrets.active();
    }

    /**
     * Rolls the endpoint secret as the Dashboard does with an expiry: events are then signed with the
     * new secret and with the old ones, until {@link #expireOldSecrets()}.
     *
     * @return the new secret
     */
    public String rollWebhookSecret() {
        return webhookSecrets.roll();
    }

    /** The rolled secrets expire: events are signed with the newest secret only. */
    public void expireOldSecrets() {
        webhookSecrets.expireOld();
    }

    public String monthlyPrice() {
        return monthlyPrice;
    }

    public String yearlyPrice() {
        return yearlyPrice;
    }

    /**
     * The Stripe plugin's settings ({@code plugins.stripe.*}) for this fake: secret key, webhook
     * secrets, prices and API base.
     */
    public Map<String, String> pluginSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("secret-key", secretKey);
        settings.put("webhook-secrets", String.join(",", webhookSecrets.active()));
        settings.put("price-monthly", monthlyPrice);
        settings.put("price-yearly", yearlyPrice);
        settings.put("api-base", apiBase().toString());
        return settings;
    }

    /** Also POSTs every event to {@code endpoint} from now on (null stops). */
    public void sendWebhooksTo(URI endpoint) {
        sender.endpoint(endpoint);
    }

    /** POSTs events to the configured endpoint now, in order, and returns its statuses (0: unreachable). */
    public List<Integer> deliver(List<SignedEvent> events) {
        return sender.sendNow(events);
    }

    /**
     * Signs {@code body} as Stripe signs a webhook, at the fake clock's time, with the active secrets
     * (for hand-made or documented bodies; the event's id and type are read from it when it has them).
     */
    public SignedEvent sign(String body) {
        return events.sign(body);
    }

    // --- Stripe's side of a subscription's life --------------------------------------------------

    /**
     * The customer pays the open Checkout Session: a customer (unless the session named one), an
     * active subscription for the session's price whose period starts now, its first invoice paid
     * through a payment intent. Events: {@code checkout.session.completed},
     * {@code customer.subscription.created}, {@code invoice.paid}.
     */
    public List<SignedEvent> completeCheckout(String sessionId) {
        return delivered(scenarios.completeCheckout(sessionId));
    }

    /**
     * The period ends and the next is paid: the subscription's item period moves one interval on, a
     * {@code subscription_cycle} invoice is paid. Events: {@code invoice.paid},
     * {@code customer.subscription.updated}.
     */
    public List<SignedEvent> renew(String subscriptionId) {
        return delivered(scenarios.renew(subscriptionId));
    }

    /**
     * The period ends and its payment fails: the new period's invoice stays open with
     * {@code amount_paid} 0, the subscription turns {@code past_due}. Events:
     * {@code invoice.payment_failed}, {@code customer.subscription.updated}.
     */
    public List<SignedEvent> failRenewal(String subscriptionId) {
        return delivered(scenarios.failRenewal(subscriptionId));
    }

    /**
     * A retry pays the open latest invoice; the subscription is active again. Events:
     * {@code invoice.paid}, {@code customer.subscription.updated}.
     */
    public List<SignedEvent> recoverPayment(String subscriptionId) {
        return delivered(scenarios.recoverPayment(subscriptionId));
    }

    /** Retries ran out and the subscription turns {@code unpaid}. Event: {@code customer.subscription.updated}. */
    public List<SignedEvent> markUnpaid(String subscriptionId) {
        return delivered(scenarios.markUnpaid(subscriptionId));
    }

    /**
     * The subscription ends now, outside the platform (Dashboard, or retries ran out with "cancel
     * the subscription"). Event: {@code customer.subscription.deleted}.
     */
    public List<SignedEvent> deleteSubscription(String subscriptionId) {
        return delivered(scenarios.deleteSubscription(subscriptionId, "cancellation_requested"));
    }

    /**
     * A subscription set to cancel at period end reaches it. Event: {@code customer.subscription.deleted}.
     */
    public List<SignedEvent> expire(String subscriptionId) {
        return delivered(scenarios.expire(subscriptionId));
    }

    /** The events API calls caused since the last call ({@code customer.subscription.deleted/updated}). */
    public List<SignedEvent> takeApiEvents() {
        synchronized (apiEvents) {
            List<SignedEvent> taken = List.copyOf(apiEvents);
            apiEvents.clear();
            return taken;
        }
    }

    // --- What the account holds --------------------------------------------------------------------

    /** Every refund created, oldest first. */
    public List<Refunded> refunds() {
        synchronized (state) {
            return state.refunds.values().stream()
                    .map(r -> new Refunded(r.id(), r.paymentIntent(), r.amount(), r.currency())).toList();
        }
    }

    /**
     * The customer's balance in minor units: negative is credit owed to the customer (what a
     * prorated cancellation leaves).
     */
    public long customerBalance(String customerId) {
        return read(s -> s.customers.get(customerId), customerId, customer -> customer.balance);
    }

    /** The subscription's status ({@code active}, {@code past_due}, {@code canceled}, …). */
    public String subscriptionStatus(String subscriptionId) {
        return read(s -> s.subscriptions.get(subscriptionId), subscriptionId, subscription -> subscription.status);
    }

    /** The subscription's latest invoice id. */
    public String latestInvoice(String subscriptionId) {
        return read(s -> s.subscriptions.get(subscriptionId), subscriptionId,
                subscription -> subscription.latestInvoice);
    }

    /** The customer of a subscription. */
    public String customerOf(String subscriptionId) {
        return read(s -> s.subscriptions.get(subscriptionId), subscriptionId, subscription -> subscription.customer);
    }

    /** The payment intent that paid (or tried to pay) the invoice. */
    public String paymentIntentOf(String invoiceId) {
        synchronized (state) {
            return state.paymentsOf(invoiceId).stream().map(p -> p.paymentIntent).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no payment for " + invoiceId));
        }
    }

    /** Every API request received, oldest first. */
    public List<RecordedRequest> requests() {
        return server.requests();
    }

    /** The API requests for {@code method} on {@code path}, oldest first. */
    public List<RecordedRequest> requests(String method, String path) {
        return requests().stream().filter(r -> r.is(method, path)).toList();
    }

    /** Every webhook delivery attempted to the endpoint of {@link #sendWebhooksTo(URI)}. */
    public List<String> deliveredEventIds() {
        return sender.deliveries().stream().map(WebhookSender.Delivery::eventId).toList();
    }

    // --- Failures ------------------------------------------------------------------------------------

    /** The next request for {@code method} on a path starting with {@code path} meets {@code failure}. */
    public void failNext(String method, String path, Failure failure) {
        failTimes(method, path, failure, 1);
    }

    /** The next {@code times} such requests meet {@code failure}. */
    public void failTimes(String method, String path, Failure failure, int times) {
        server.fail(method, path, failure, times);
    }

    @Override
    public void close() {
        sender.close();
        server.close();
    }

    private void apiEvent(SignedEvent event) {
        synchronized (apiEvents) {
            apiEvents.add(event);
        }
        if (sender.enabled()) {
            sender.sendLater(List.of(event));
        }
    }

    private List<SignedEvent> delivered(List<SignedEvent> produced) {
        if (sender.enabled()) {
            sender.sendNow(produced);
        }
        return produced;
    }

    private <T, R> R read(Function<StripeState, T> find, String id, Function<T, R> field) {
        synchronized (state) {
            T object = find.apply(state);
            if (object == null) {
                throw new IllegalArgumentException("the fake Stripe has no " + id);
            }
            return field.apply(object);
        }
    }
}
