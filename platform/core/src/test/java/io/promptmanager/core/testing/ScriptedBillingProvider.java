package io.promptmanager.core.testing;

import io.promptmanager.plugin.PluginSettings;
import io.promptmanager.plugin.billing.BillingEvent;
import io.promptmanager.plugin.billing.BillingException;
import io.promptmanager.plugin.billing.BillingException.Reason;
import io.promptmanager.plugin.billing.BillingProvider;
import io.promptmanager.plugin.billing.CancelNowRequest;
import io.promptmanager.plugin.billing.Cancellation;
import io.promptmanager.plugin.billing.CheckoutRequest;
import io.promptmanager.plugin.billing.CheckoutSession;
import io.promptmanager.plugin.billing.PortalRequest;
import io.promptmanager.plugin.billing.PortalSession;
import io.promptmanager.plugin.billing.SubscriptionSnapshot;
import io.promptmanager.plugin.billing.SubscriptionStatus;
import io.promptmanager.plugin.billing.WebhookRequest;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A billing provider for core's and the server's tests, so the platform's billing rules are
 * tested without Stripe. It records every call, answers like a processor would (checkout
 * sessions and cancellations are idempotent per key, as Stripe's are), can be told to fail the
 * next call, and verifies webhooks in a tiny test format: the body is the JSON-B array of
 * {@link BillingEvent}s, signed with HMAC-SHA-256 under {@link #SECRET} in the
 * {@value #SIGNATURE_HEADER} header ({@code v1=<hex>}). (The real Stripe plugin is tested with a
 * fake Stripe server in its own module.)
 */
public final class ScriptedBillingProvider implements BillingProvider {
    public static final String SIGNATURE_HEADER = "test-signature";
    public static final String SECRET = "whsec_scripted_test_secret";
    private static final Jsonb JSON = JsonbBuilder.create();

    private final String id;
    private final Clock clock;
    private final List<CheckoutRequest> checkouts = new ArrayList<>();
    private final List<PortalRequest> portals = new ArrayList<>();
    private final List<CancelNowRequest> cancelNows = new ArrayList<>();
    private final List<String> periodEndCancellations = new ArrayList<>();
    private final Map<String, SubscriptionSnapshot> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, Object> answered = new LinkedHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private BillingException nextFailure;

    /** Id {@code stripe}, so routes and docs read as in production. */
    public ScriptedBillingProvider(Clock clock) {
        this("stripe", clock);
    }

    public ScriptedBillingProvider(String id, Clock clock) {
        this.id = id;
        this.clock = clock;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public void start(PluginSettings settings) {
    }

    /** The next call (any but verifyWebhook) throws {@code failure}. */
    public synchronized void failNext(BillingException failure) {
        this.nextFailure = failure;
    }

    /** Tells the processor about a subscription, so cancellations can answer with its state. */
    public void knows(SubscriptionSnapshot subscription) {
        subscriptions.put(subscription.id(), subscription);
    }

    @Override
    public synchronized CheckoutSession startCheckout(CheckoutRequest request) {
        failIfScripted();
        checkouts.add(request);
        return (CheckoutSession) answered.computeIfAbsent("checkout:" + request.idempotencyKey(), key -> {
            String session = "cs_test_" + sequence.incrementAndGet();
            return new CheckoutSession(session, URI.create("https://checkout.test/pay/" + session));
        });
    }

    @Override
    public synchronized PortalSession openPortal(PortalRequest request) {
        failIfScripted();
        portals.add(request);
        return new PortalSession(URI.create("https://billing.test/portal/" + request.customerId()));
    }

    @Override
    public List<BillingEvent> verifyWebhook(WebhookRequest request) {
        String signature = request.header(SIGNATURE_HEADER)
                .orElseThrow(() -> new BillingException(Reason.INVALID_SIGNATURE, "no signature header"));
        if (!signature.equals(sign(request.body()))) {
            throw new BillingException(Reason.INVALID_SIGNATURE, "the signature does not match the body");
        }
        try {
            BillingEvent[] events = JSON.fromJson(new String(request.body(), StandardCharsets.UTF_8),
                    BillingEvent[].class);
            if (events == null) {
                throw new BillingException(Reason.MALFORMED_PAYLOAD, "no events");
            }
            return List.of(events);
        } catch (JsonbException e) {
            throw new BillingException(Reason.MALFORMED_PAYLOAD, "not a list of events");
        }
    }

    @Override
    public synchronized Cancellation cancelNow(CancelNowRequest request) {
        failIfScripted();
        cancelNows.add(request);
        return (Cancellation) answered.computeIfAbsent("cancel-now:" + request.idempotencyKey(), key -> {
            SubscriptionSnapshot canceled = with(known(request.subscriptionId()), SubscriptionStatus.CANCELED, false,
                    null);
            subscriptions.put(canceled.id(), canceled);
            String refund = request.refundAmount() > 0 ? "re_test_" + sequence.incrementAndGet() : null;
            return new Cancellation(canceled, refund, request.refundAmount());
        });
    }

    @Override
    public synchronized SubscriptionSnapshot cancelAtPeriodEnd(String subscriptionId, String idempotencyKey) {
        failIfScripted();
        periodEndCancellations.add(idempotencyKey);
        SubscriptionSnapshot current = known(subscriptionId);
        SubscriptionSnapshot ending = with(current, current.status(), true, current.currentPeriodEnd());
        subscriptions.put(ending.id(), ending);
        return ending;
    }

    private SubscriptionSnapshot known(String subscriptionId) {
        SubscriptionSnapshot current = subscriptions.get(subscriptionId);
        if (current == null) {
            throw new BillingException(Reason.NOT_FOUND, "No such subscription: '" + subscriptionId + "'");
        }
        return current;
    }

    private SubscriptionSnapshot with(SubscriptionSnapshot s, SubscriptionStatus status, boolean atPeriodEnd,
                                      java.time.Instant cancelAt) {
        java.time.Instant canceledAt = status == SubscriptionStatus.CANCELED || atPeriodEnd ? clock.instant() : null;
        return new SubscriptionSnapshot(s.id(), s.customerId(), s.userReference(), status, s.interval(),
                s.currentPeriodStart(), s.currentPeriodEnd(), atPeriodEnd, cancelAt, canceledAt);
    }

    private void failIfScripted() {
        BillingException failure = nextFailure;
        nextFailure = null;
        if (failure != null) {
            throw failure;
        }
    }

    public synchronized List<CheckoutRequest> checkouts() {
        return List.copyOf(checkouts);
    }

    public synchronized List<PortalRequest> portals() {
        return List.copyOf(portals);
    }

    public synchronized List<CancelNowRequest> cancelNows() {
        return List.copyOf(cancelNows);
    }

    /** The idempotency keys of the cancel-at-period-end calls. */
    public synchronized List<String> periodEndCancellations() {
        return List.copyOf(periodEndCancellations);
    }

    /** A webhook body carrying {@code events} in the test format. */
    public static byte[] body(BillingEvent... events) {
        return JSON.toJson(events).getBytes(StandardCharsets.UTF_8);
    }

    /** The value of {@value #SIGNATURE_HEADER} that signs {@code body}. */
    public static String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A correctly signed webhook carrying {@code events}, received now. */
    public WebhookRequest webhook(BillingEvent... events) {
        byte[] body = body(events);
        return new WebhookRequest(Map.of(SIGNATURE_HEADER, List.of(sign(body))), body, clock.instant());
    }
}
