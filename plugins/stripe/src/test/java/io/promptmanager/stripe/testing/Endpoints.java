package io.promptmanager.stripe.testing;

import io.promptmanager.stripe.testing.StripeState.CheckoutSession;
import io.promptmanager.stripe.testing.StripeState.PaymentIntent;
import io.promptmanager.stripe.testing.StripeState.Price;
import io.promptmanager.stripe.testing.StripeState.Refund;
import io.promptmanager.stripe.testing.StripeState.Subscription;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API endpoints the Stripe plugin calls, with Stripe's validation and answers. Parameters
 * outside the subset implemented here are refused as Stripe refuses unknown ones
 * ({@code parameter_unknown}), so a misspelt or unexpected parameter fails a test.
 */
final class Endpoints {
    /** One request, decoded. */
    record Call(String method, String path, FormParams params, String requestId, String idempotencyKey) {
    }

    /** An answer: status and JSON body. */
    record Reply(int status, String body) {
        static Reply ok(Json body) {
            return new Reply(200, body.toString());
        }
    }

    private static final Pattern SUBSCRIPTION_PATH = Pattern.compile("/v1/subscriptions/([^/]+)");
    private static final Pattern CHECKOUT_PARAMS = Pattern.compile("mode|client_reference_id|customer|customer_email"
            + "|success_url|cancel_url|line_items\\[0]\\[(price|quantity)]|subscription_data\\[metadata]\\[[^\\[\\]]+]"
            + "|metadata\\[[^\\[\\]]+]");
    private static final Pattern PORTAL_PARAMS = Pattern.compile("customer|return_url");
    private static final Pattern UPDATE_PARAMS = Pattern.compile("cancel_at_period_end|metadata\\[[^\\[\\]]+]");
    private static final Pattern CANCEL_PARAMS = Pattern.compile("prorate|invoice_now|cancellation_details\\[(comment|feedback)]");
    private static final Pattern LIST_PARAMS = Pattern.compile("invoice|status|limit|starting_after|ending_before");
    private static final Pattern REFUND_PARAMS = Pattern.compile("payment_intent|amount|reason|metadata\\[[^\\[\\]]+]");
    private static final Pattern NO_PARAMS = Pattern.compile("expand\\[\\d+]");

    private final StripeState state;
    private final Clock clock;
    private final Events events;
    private final Consumer<SignedEvent> apiEvents;
    private final String apiBase;

    Endpoints(StripeState state, Clock clock, Events events, Consumer<SignedEvent> apiEvents, String apiBase) {
        this.state = state;
        this.clock = clock;
        this.events = events;
        this.apiEvents = apiEvents;
        this.apiBase = apiBase;
    }

    /** Handles one call under the state's lock. */
    Reply handle(Call call) {
        synchronized (state) {
            String route = call.method() + " " + call.path();
            Matcher subscription = SUBSCRIPTION_PATH.matcher(call.path());
            return switch (route) {
                case "POST /v1/checkout/sessions" -> createCheckoutSession(call);
                case "POST /v1/billing_portal/sessions" -> createPortalSession(call);
                case "GET /v1/invoice_payments" -> listInvoicePayments(call);
                case "POST /v1/refunds" -> createRefund(call);
                default -> {
                    if (!subscription.matches()) {
                        throw unrecognized(call);
                    }
                    String id = subscription.group(1);
                    yield switch (call.method()) {
                        case "GET" -> retrieveSubscription(call, id);
                        case "POST" -> updateSubscription(call, id);
                        case "DELETE" -> cancelSubscription(call, id);
                        default -> throw unrecognized(call);
                    };
                }
            };
        }
    }

    private Reply createCheckoutSession(Call call) {
        FormParams params = allowed(call, CHECKOUT_PARAMS);
        String mode = required(params, "mode");
        if (!mode.equals("subscription")) {
            throw ApiError.invalid("mode", "This fake implements Checkout only in subscription mode, not " + mode);
        }
        String priceId = required(params, "line_items[0][price]");
        Price price = state.price(priceId);
        if (price == null) {
            throw ApiError.noSuch(400, "price", priceId, "line_items[0][price]");
        }
        long quantity = positive(params, "line_items[0][quantity]");
        String customer = params.get("customer").orElse(null);
        String email = params.get("customer_email").orElse(null);
        if (customer != null && email != null) {
            throw ApiError.invalid("customer_email",
                    "You may only specify one of these parameters: customer, customer_email.");
        }
        if (customer != null && !state.customers.containsKey(customer)) {
            throw ApiError.noSuch(400, "customer", customer, "customer");
        }
        String successUrl = url(params, "success_url");
        String cancelUrl = params.get("cancel_url").isPresent() ? url(params, "cancel_url") : null;
        CheckoutSession session = new CheckoutSession("cs_test_" + Ids.random(58), now(), priceId, quantity,
                params.get("client_reference_id").orElse(null), customer,
                customer != null ? state.customers.get(customer).email : email, successUrl, cancelUrl,
                Map.copyOf(params.map("subscription_data[metadata]")));
        state.sessions.put(session.id, session);
        return Reply.ok(ObjectJson.checkoutSession(session, price, apiBase));
    }

    private Reply createPortalSession(Call call) {
        FormParams params = allowed(call, PORTAL_PARAMS);
        String customer = required(params, "customer");
        if (!state.customers.containsKey(customer)) {
            throw ApiError.noSuch(400, "customer", customer, "customer");
        }
        String returnUrl = params.get("return_url").isPresent() ? url(params, "return_url") : null;
        String token = "test_" + Ids.random(40);
        state.portalReturnUrls.put(token, returnUrl);
        return Reply.ok(ObjectJson.portalSession(Ids.next("bps"), customer, returnUrl, now(),
                apiBase + "/p/session/" + token));
    }

    private Reply retrieveSubscription(Call call, String id) {
        allowed(call, NO_PARAMS);
        return Reply.ok(subscriptionJson(existing(id)));
    }

    private Reply updateSubscription(Call call, String id) {
        FormParams params = allowed(call, UPDATE_PARAMS);
        Subscription subscription = existing(id);
        if (subscription.status.equals("canceled")) {
            throw ApiError.invalid(null, "A canceled subscription can only update its cancellation_details and "
                    + "metadata.");
        }
        Json previous = Json.object();
        params.map("metadata").forEach(subscription.metadata::put);
        if (params.get("cancel_at_period_end").isPresent()) {
            boolean atPeriodEnd = bool(params, "cancel_at_period_end");
            if (atPeriodEnd != subscription.cancelAtPeriodEnd) {
                previous.put("cancel_at", subscription.cancelAt).put("cancel_at_period_end",
                        subscription.cancelAtPeriodEnd).put("canceled_at", subscription.canceledAt);
                subscription.cancelAtPeriodEnd = atPeriodEnd;
                subscription.cancelAt = atPeriodEnd ? subscription.periodEnd : null;
                subscription.canceledAt = atPeriodEnd ? now() : null;
                subscription.cancellationReason = atPeriodEnd ? "cancellation_requested" : null;
            }
        }
        Json object = subscriptionJson(subscription);
        if (!previous.fields().isEmpty()) {
            apiEvents.accept(events.event("customer.subscription.updated", object, previous, call.requestId(),
                    call.idempotencyKey()));
        }
        return Reply.ok(object);
    }

    private Reply cancelSubscription(Call call, String id) {
        FormParams params = allowed(call, CANCEL_PARAMS);
        Subscription subscription = state.subscriptions.get(id);
        // A canceled subscription counts as deleted: cancelling it again is "No such subscription".
        if (subscription == null || subscription.status.equals("canceled")) {
            throw ApiError.noSuch(404, "subscription", id, "id");
        }
        boolean prorate = params.get("prorate").isPresent() && bool(params, "prorate");
        if (params.get("invoice_now").isPresent()) {
            bool(params, "invoice_now");
        }
        long now = now();
        if (prorate && now < subscription.periodEnd) {
            // Unused time is credited as a proration; it ends up on the customer's balance.
            long unused = state.price(subscription.priceId).unitAmount() * (subscription.periodEnd - now)
                    / (subscription.periodEnd - subscription.periodStart);
            state.customers.get(subscription.customer).balance -= unused;
        }
        subscription.status = "canceled";
        subscription.canceledAt = now;
        subscription.endedAt = now;
        subscription.cancellationReason = "cancellation_requested";
        Json object = subscriptionJson(subscription);
        apiEvents.accept(events.event("customer.subscription.deleted", object, null, call.requestId(), null));
        return Reply.ok(object);
    }

    private Reply listInvoicePayments(Call call) {
        FormParams params = allowed(call, LIST_PARAMS);
        String invoice = params.get("invoice").orElse(null);
        if (invoice != null && !state.invoices.containsKey(invoice)) {
            throw ApiError.noSuch(400, "invoice", invoice, "invoice");
        }
        String status = params.get("status").orElse(null);
        if (status != null && !List.of("canceled", "open", "paid").contains(status)) {
            throw ApiError.invalid("status", "Invalid status: must be one of canceled, open, or paid");
        }
        long limit = params.get("limit").isPresent() ? positive(params, "limit") : 10;
        List<Json> data = state.invoicePayments.values().stream()
                .filter(p -> invoice == null || p.invoice.equals(invoice))
                .filter(p -> status == null || p.status.equals(status))
                .sorted((a, b) -> Long.compare(b.created, a.created))
                .limit(limit)
                .map(ObjectJson::invoicePayment)
                .toList();
        return Reply.ok(Json.list("/v1/invoice_payments", data));
    }

    private Reply createRefund(Call call) {
        FormParams params = allowed(call, REFUND_PARAMS);
        String intentId = required(params, "payment_intent");
        PaymentIntent intent = state.paymentIntents.get(intentId);
        if (intent == null) {
            throw ApiError.noSuch(400, "payment_intent", intentId, "payment_intent");
        }
        if (!intent.status.equals("succeeded")) {
            throw new ApiError(400, "invalid_request_error", "charge_not_refundable", "payment_intent",
                    "This PaymentIntent (" + intentId + ") does not have a successful charge to refund.");
        }
        long refundable = intent.amountReceived - intent.amountRefunded;
        long amount = params.get("amount").isPresent() ? positive(params, "amount") : refundable;
        if (refundable == 0) {
            throw new ApiError(400, "invalid_request_error", "charge_already_refunded", null,
                    "Charge " + intent.charge + " has already been refunded.");
        }
        if (amount > refundable) {
            throw new ApiError(400, "invalid_request_error", "amount_too_large", "amount",
                    "Refund amount (" + amount + ") is greater than unrefunded amount on charge (" + refundable + ")");
        }
        String reason = params.get("reason").orElse(null);
        if (reason != null && !List.of("duplicate", "fraudulent", "requested_by_customer").contains(reason)) {
            throw ApiError.invalid("reason", "Invalid reason: must be one of duplicate, fraudulent, or "
                    + "requested_by_customer");
        }
        intent.amountRefunded += amount;
        Refund refund = new Refund(Ids.next("re"), intent.id, intent.charge, amount, intent.currency, now(), reason,
                Map.copyOf(params.map("metadata")));
        state.refunds.put(refund.id(), refund);
        return Reply.ok(ObjectJson.refund(refund));
    }

    private Json subscriptionJson(Subscription subscription) {
        return ObjectJson.subscription(subscription, state.price(subscription.priceId));
    }

    private Subscription existing(String id) {
        Subscription subscription = state.subscriptions.get(id);
        if (subscription == null) {
            throw ApiError.noSuch(404, "subscription", id, "id");
        }
        return subscription;
    }

    private static FormParams allowed(Call call, Pattern names) {
        call.params().unknown(names).ifPresent(name -> {
            throw ApiError.unknownParam(name);
        });
        return call.params();
    }

    private static String required(FormParams params, String name) {
        return params.get(name).filter(value -> !value.isEmpty()).orElseThrow(() -> ApiError.missingParam(name));
    }

    private static long positive(FormParams params, String name) {
        String value = required(params, name);
        if (!value.matches("[1-9][0-9]{0,17}")) {
            throw ApiError.invalid(name, "Invalid positive integer");
        }
        return Long.parseLong(value);
    }

    private static boolean bool(FormParams params, String name) {
        return switch (required(params, name)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiError.invalid(name, "Invalid boolean: " + params.get(name).orElse(""));
        };
    }

    private static String url(FormParams params, String name) {
        String value = required(params, name);
        if (!value.matches("https?://\\S+")) {
            throw new ApiError(400, "invalid_request_error", "url_invalid", name, "Not a valid URL");
        }
        return value;
    }

    private static ApiError unrecognized(Call call) {
        return new ApiError(404, "invalid_request_error", null, null, "Unrecognized request URL (" + call.method()
                + ": " + call.path() + "). Please see https://stripe.com/docs or we can help at "
                + "https://support.stripe.com/.");
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }
}
