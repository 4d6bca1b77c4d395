package io.promptmanager.plugin.billing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An incoming webhook exactly as received.
 *
 * @param headers    the request headers, names in lower case; never null
 * @param body       the raw body bytes, unchanged (signatures cover them byte for byte); never null
 * @param receivedAt when it arrived, against which the signature's age is checked; never null
 */
public record WebhookRequest(Map<String, List<String>> headers, byte[] body, Instant receivedAt) {

    /** The first value of header {@code name} (any case). */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }
}
