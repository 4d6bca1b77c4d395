package io.promptmanager.stripe.testing;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One webhook delivery as Stripe makes it: the event's raw JSON body and the request headers,
 * {@code Stripe-Signature} among them. A test may deliver it in any order, twice, or concurrently.
 *
 * @param id      the event id ({@code evt_…})
 * @param type    the event type ({@code invoice.paid})
 * @param body    the body, byte for byte as signed
 * @param headers the request headers Stripe sends ({@code Content-Type}, {@code Stripe-Signature},
 *                {@code User-Agent})
 */
public record SignedEvent(String id, String type, String body, Map<String, String> headers) {

    /** The {@code Stripe-Signature} header. */
    public String signature() {
        return headers.get("Stripe-Signature");
    }

    /** The body's bytes (UTF-8), as a verifier must see them. */
    public byte[] bodyBytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /** The headers with lower-case names and list values, as HTTP servers hand them over. */
    public Map<String, List<String>> lowerCaseHeaders() {
        Map<String, List<String>> lower = new LinkedHashMap<>();
        headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), List.of(value)));
        return lower;
    }
}
