package io.promptmanager.plugins.stripe;

import com.stripe.Stripe;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.StripeObject;
import com.stripe.model.Subscription;
import com.stripe.model.checkout.Session;
import com.stripe.net.ApiResource;
import io.promptmanager.plugin.billing.BillingEvent;
import io.promptmanager.plugin.billing.BillingEvent.Type;
import io.promptmanager.plugin.billing.BillingException;
import io.promptmanager.plugin.billing.BillingException.Reason;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads a verified webhook body (a Stripe v1 "snapshot" event) into a {@link BillingEvent} with
 * stripe-java's model classes. Events must come in the API release stripe-java is pinned to
 * ({@link Stripe#API_VERSION}): within one release (the name after the dot, e.g. {@code dahlia})
 * monthly versions only add fields, so any version of that release is read; an event of another
 * release is refused rather than misread, since its objects may have another shape.
 */
final class WebhookEvents {
    static final String RELEASE = release(Stripe.API_VERSION);

    private WebhookEvents() {
    }

    /**
     * The event in {@code body}.
     *
     * @throws BillingException MALFORMED_PAYLOAD when the body is not a readable event of this release
     */
    static BillingEvent read(byte[] body) {
        Event event = event(body);
        Type type = type(event.getType());
        Instant created = Instant.ofEpochSecond(event.getCreated());
        if (type == Type.OTHER) {
            return new BillingEvent(event.getId(), type, event.getType(), created, null, null, null);
        }
        StripeObject object = object(event);
        try {
            return switch (type) {
                case CHECKOUT_COMPLETED -> Snapshots.checkout(cast(object, Session.class, event))
                        .map(checkout -> new BillingEvent(event.getId(), type, event.getType(), created, checkout,
                                null, null))
                        .orElseGet(() -> other(event, created));
                case SUBSCRIPTION_CREATED, SUBSCRIPTION_UPDATED, SUBSCRIPTION_DELETED ->
                        Snapshots.subscription(cast(object, Subscription.class, event))
                                .map(subscription -> new BillingEvent(event.getId(), type, event.getType(), created,
                                        null, subscription, null))
                                .orElseGet(() -> other(event, created));
                case INVOICE_PAID, INVOICE_PAYMENT_FAILED -> new BillingEvent(event.getId(), type, event.getType(),
                        created, null, null, Snapshots.invoice(cast(object, Invoice.class, event)));
                case OTHER -> throw new IllegalStateException("handled above");
            };
        } catch (Snapshots.Unreadable e) {
            throw malformed("event " + event.getId() + " (" + event.getType() + "): " + e.getMessage());
        }
    }

    private static Event event(byte[] body) {
        Event event;
        try {
            event = StripeObject.deserializeStripeObject(new String(body, StandardCharsets.UTF_8), Event.class,
                    ApiResource.getGlobalResponseGetter());
        } catch (RuntimeException e) {
            // Gson's syntax and type errors, and whatever else untrusted JSON provokes while being read.
            throw malformed("the body is not a Stripe event");
        }
        if (event == null || !"event".equals(event.getObject()) || event.getId() == null || event.getType() == null
                || event.getCreated() == null) {
            throw malformed("the body is not a Stripe v1 event (object, id, type and created are required)");
        }
        String release = event.getApiVersion() == null ? null : release(event.getApiVersion());
        if (!RELEASE.equals(release)) {
            throw malformed("event " + event.getId() + " has API version " + StripeFailures.safeText(
                    event.getApiVersion()) + "; set the webhook endpoint's API version to " + Stripe.API_VERSION);
        }
        return event;
    }

    private static StripeObject object(Event event) {
        if (event.getData() == null || event.getData().getObject() == null) {
            throw malformed("event " + event.getId() + " has no data.object");
        }
        try {
            return event.getDataObjectDeserializer().deserializeUnsafe();
        } catch (EventDataObjectDeserializationException | RuntimeException e) {
            throw malformed("event " + event.getId() + " (" + event.getType() + ") has an unreadable data.object");
        }
    }

    private static <T> T cast(StripeObject object, Class<T> type, Event event) {
        if (!type.isInstance(object)) {
            throw malformed("event " + event.getId() + " (" + event.getType() + ") does not hold a "
                    + type.getSimpleName());
        }
        return type.cast(object);
    }

    private static Type type(String stripeType) {
        return switch (stripeType) {
            case "checkout.session.completed" -> Type.CHECKOUT_COMPLETED;
            case "customer.subscription.created" -> Type.SUBSCRIPTION_CREATED;
            case "customer.subscription.updated" -> Type.SUBSCRIPTION_UPDATED;
            case "customer.subscription.deleted" -> Type.SUBSCRIPTION_DELETED;
            case "invoice.paid" -> Type.INVOICE_PAID;
            case "invoice.payment_failed" -> Type.INVOICE_PAYMENT_FAILED;
            default -> Type.OTHER;
        };
    }

    private static BillingEvent other(Event event, Instant created) {
        return new BillingEvent(event.getId(), Type.OTHER, event.getType(), created, null, null, null);
    }

    private static String release(String apiVersion) {
        int dot = apiVersion.indexOf('.');
        return dot < 0 ? null : apiVersion.substring(dot + 1);
    }

    private static BillingException malformed(String why) {
        return new BillingException(Reason.MALFORMED_PAYLOAD, "Unreadable Stripe webhook: " + why);
    }
}
