package io.promptmanager.stripe.testing;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Webhook events as Stripe sends them (docs.stripe.com/api/events/object): a v1 "snapshot" event
 * whose {@code data.object} is the object as it is now, {@code data.previous_attributes} on
 * {@code *.updated} events, and {@code request} naming the API request that caused it (null id for
 * Stripe's own automatic actions such as renewals). Signed at the fake clock's time.
 */
final class Events {
    private final Clock clock;
    private final Supplier<List<String>> secrets;

    Events(Clock clock, Supplier<List<String>> secrets) {
        this.clock = clock;
        this.secrets = secrets;
    }

    /**
     * @param previous  {@code data.previous_attributes}, or null
     * @param requestId the API request that caused the event, or null for an automatic one
     */
    SignedEvent event(String type, Json object, Json previous, String requestId, String idempotencyKey) {
        Json data = Json.object().put("object", object);
        if (previous != null) {
            data.put("previous_attributes", previous);
        }
        String id = Ids.next("evt");
        long now = clock.instant().getEpochSecond();
        String body = Json.object()
                .put("id", id).put("object", "event").put("api_version", FakeStripe.API_VERSION)
                .put("created", now).put("data", data).put("livemode", false).put("pending_webhooks", 1)
                .put("request", Json.object().put("id", requestId).put("idempotency_key", idempotencyKey))
                .put("type", type)
                .toString();
        return new SignedEvent(id, type, body, headers(WebhookSigner.header(now, body, secrets.get())));
    }

    /** Signs any body as the fake would sign an event, at the fake clock's time. */
    SignedEvent sign(String body) {
        String id = null;
        String type = null;
        try {
            JsonObject event = JsonParser.parseString(body).getAsJsonObject();
            id = event.has("id") ? event.get("id").getAsString() : null;
            type = event.has("type") ? event.get("type").getAsString() : null;
        } catch (RuntimeException notAnEvent) {
            // Signed all the same: a test may want Stripe's signature on a body that is no event.
        }
        return new SignedEvent(id, type, body,
                headers(WebhookSigner.header(clock.instant().getEpochSecond(), body, secrets.get())));
    }

    private static Map<String, String> headers(String signature) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put("Cache-Control", "no-cache");
        headers.put("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)");
        headers.put("Accept", "*/*; q=0.5, application/xml");
        headers.put("Stripe-Signature", signature);
        return Collections.unmodifiableMap(headers);
    }
}
