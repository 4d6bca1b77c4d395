package io.promptmanager.plugins.stripe;

import io.promptmanager.plugin.billing.BillingException;
import io.promptmanager.plugin.billing.BillingException.Reason;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Checks a {@code Stripe-Signature} header the way Stripe specifies (docs.stripe.com/webhooks,
 * "Verify signatures manually"): the header is {@code t=<unix seconds>,v1=<hex>[,v1=<hex>…]} (other
 * schemes such as {@code v0} are ignored); each {@code v1} is HMAC-SHA256, keyed with the whole
 * {@code whsec_…} secret, of {@code t + "." + raw body}; the body is genuine when any configured
 * secret matches any {@code v1} (compared in constant time).
 *
 * <p>Written here rather than calling stripe-java's {@code Webhook.Signature.verifyHeader} because
 * this signs the raw bytes (not a re-encoded string), checks several secrets without exceptions as
 * control flow, and also refuses a timestamp further in the future than the tolerance: Stripe's
 * libraries check only the past, which would let a signature made with a skewed clock be replayed
 * until that future time plus the tolerance.
 */
final class WebhookSignature {
    static final String HEADER = "Stripe-Signature";
    private static final int MAX_HEADER_LENGTH = 4096;

    private final List<byte[]> secrets;
    private final Duration tolerance;

    WebhookSignature(List<String> secrets, Duration tolerance) {
        this.secrets = secrets.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        this.tolerance = tolerance;
    }

    /**
     * Passes when {@code header} signs {@code body} with a configured secret at a time within the
     * tolerance of {@code receivedAt}.
     *
     * @throws BillingException INVALID_SIGNATURE otherwise; the message says which check failed,
     *                          never a signature or a secret
     */
    void verify(String header, byte[] body, Instant receivedAt) {
        if (header == null || header.isBlank()) {
            throw invalid("the " + HEADER + " header is missing");
        }
        if (header.length() > MAX_HEADER_LENGTH) {
            throw invalid("the " + HEADER + " header is too long");
        }
        Parsed parsed = parse(header);
        for (byte[] secret : secrets) {
            byte[] expected = hmac(secret, parsed.timestamp(), body);
            for (byte[] signature : parsed.signatures()) {
                if (MessageDigest.isEqual(expected, signature)) {
                    checkAge(parsed.timestamp(), receivedAt);
                    return;
                }
            }
        }
        throw invalid("no v1 signature matches the body with a configured webhook secret");
    }

    private void checkAge(long timestamp, Instant receivedAt) {
        long skew = Math.abs(receivedAt.getEpochSecond() - timestamp);
        if (skew > tolerance.toSeconds()) {
            throw invalid("the signature time is " + skew + " s away from its arrival, more than the tolerance of "
                    + tolerance.toSeconds() + " s");
        }
    }

    private record Parsed(long timestamp, List<byte[]> signatures) {
    }

    private static Parsed parse(String header) {
        Long timestamp = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String item : header.split(",")) {
            int equals = item.indexOf('=');
            if (equals < 0) {
                throw invalid("the " + HEADER + " header is malformed");
            }
            String name = item.substring(0, equals).trim();
            String value = item.substring(equals + 1).trim();
            if (name.equals("t")) {
                timestamp = timestamp(value);
            } else if (name.equals("v1")) {
                signatures.add(hex(value));
            }
        }
        if (timestamp == null) {
            throw invalid("the " + HEADER + " header has no timestamp");
        }
        if (signatures.isEmpty()) {
            throw invalid("the " + HEADER + " header has no v1 signature");
        }
        return new Parsed(timestamp, signatures);
    }

    private static long timestamp(String value) {
        if (!value.matches("[0-9]{1,12}")) {
            throw invalid("the " + HEADER + " timestamp is not a number of seconds");
        }
        return Long.parseLong(value);
    }

    private static byte[] hex(String value) {
        // A v1 signature is the hex of a 32-byte HMAC-SHA256; anything else cannot match.
        if (!value.matches("[0-9a-fA-F]{64}")) {
            return new byte[0];
        }
        return HexFormat.of().parseHex(value);
    }

    private static byte[] hmac(byte[] secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }

    private static BillingException invalid(String why) {
        return new BillingException(Reason.INVALID_SIGNATURE, "Invalid Stripe webhook signature: " + why);
    }
}
