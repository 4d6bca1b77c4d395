package io.promptmanager.stripe.testing;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;

/**
 * Signs webhook bodies as Stripe does (docs.stripe.com/webhooks#verify-manually): header
 * {@code Stripe-Signature: t=<unix seconds>,v1=<hex>} where the v1 value is HMAC-SHA256 keyed with
 * the endpoint secret (the whole {@code whsec_…} string as UTF-8) over {@code t + "." + body}; while
 * a rolled secret has not expired, Stripe sends one v1 per active secret, newest first.
 */
final class WebhookSigner {
    private WebhookSigner() {
    }

    static String header(long timestamp, String body, List<String> secrets) {
        StringBuilder header = new StringBuilder("t=").append(timestamp);
        for (String secret : secrets) {
            header.append(",v1=").append(hmacHex(secret, timestamp + "." + body));
        }
        return header.toString();
    }

    static String hmacHex(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
