package io.promptmanager.plugins.stripe;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import io.promptmanager.plugin.billing.BillingException;
import io.promptmanager.plugin.billing.BillingException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stripe-Signature checks: docs.stripe.com/webhooks#verify-manually. */
class WebhookSignatureTest {
    private static final String SECRET = "whsec_plugin0test0vector0secret00";
    private static final String OTHER_SECRET = "whsec_another0secret0of0the0team";
    private static final byte[] BODY = "{\n  \"id\": \"evt_test_vector\",\n  \"object\": \"event\"\n}"
            .getBytes(StandardCharsets.UTF_8);
    private static final long T = 1_767_225_600L;
    private static final Instant AT_T = Instant.ofEpochSecond(T);
    // HMAC-SHA256(key=SECRET, "1767225600." + BODY), computed outside Java (Python's hmac module).
    private static final String VECTOR = "e1d68af36afdeb5187beb2b57c12f0058a6d7bd3319ce0375701421addf4ff62";

    private final WebhookSignature signature = new WebhookSignature(List.of(SECRET), Duration.ofSeconds(300));

    @Test
    void acceptsTheSignatureOfAnIndependentlyComputedVector() {
        assertThatCode(() -> signature.verify("t=" + T + ",v1=" + VECTOR, BODY, AT_T)).doesNotThrowAnyException();
    }

    @Test
    void acceptsWhatStripeJavaSignsAndStripeJavaAcceptsWhatItAccepts() throws Exception {
        String payload = new String(BODY, StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        String header = Webhook.Signature.generateSignatureHeader(payload, SECRET, now);

        assertThatCode(() -> signature.verify(header, BODY, Instant.now())).doesNotThrowAnyException();
        assertThat(Webhook.Signature.verifyHeader(payload, header, SECRET, 300)).isTrue();
        assertThat(Webhook.Signature.verifyHeader(payload, "t=" + now + ",v1=" + hmac(SECRET, now, BODY), SECRET,
                300, Clock.fixed(Instant.now(), ZoneOffset.UTC))).isTrue();
    }

    @Test
    void refusesWhatStripeJavaRefuses() {
        String payload = new String(BODY, StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        for (String header : List.of("t=" + now + ",v1=" + hmac(OTHER_SECRET, now, BODY),
                "t=" + (now - 301) + ",v1=" + hmac(SECRET, now - 301, BODY),
                "t=" + now + ",v0=" + hmac(SECRET, now, BODY))) {
            assertThatThrownBy(() -> Webhook.Signature.verifyHeader(payload, header, SECRET, 300))
                    .isInstanceOf(SignatureVerificationException.class);
            assertInvalid(header, BODY, Instant.now());
        }
    }

    @Test
    void refusesAMissingHeader() {
        assertInvalid(null, BODY, AT_T).hasMessageContaining("missing");
        assertInvalid("  ", BODY, AT_T).hasMessageContaining("missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "t=,v1=" + VECTOR, "t=abc,v1=" + VECTOR, "v1=" + VECTOR, "t=1767225600",
            "t=1767225600,v0=" + VECTOR, "t=1767225600,v1=zz", "t=1767225600,v1=" + VECTOR + "00"})
    void refusesAMalformedHeader(String header) {
        assertInvalid(header, BODY, AT_T);
    }

    @Test
    void refusesATamperedBody() {
        byte[] tampered = BODY.clone();
        tampered[tampered.length - 3] = 'X';

        assertInvalid("t=" + T + ",v1=" + VECTOR, tampered, AT_T).hasMessageContaining("no v1 signature matches");
    }

    @Test
    void refusesAnotherTimestampThanTheOneSigned() {
        assertInvalid("t=" + (T + 1) + ",v1=" + VECTOR, BODY, AT_T);
    }

    @Test
    void refusesASignatureMadeWithAnotherSecret() {
        assertInvalid("t=" + T + ",v1=" + hmac(OTHER_SECRET, T, BODY), BODY, AT_T);
    }

    @Test
    void acceptsUpToTheToleranceOfDelayAndRefusesOlder() {
        String header = "t=" + T + ",v1=" + VECTOR;

        assertThatCode(() -> signature.verify(header, BODY, AT_T.plusSeconds(300))).doesNotThrowAnyException();
        assertInvalid(header, BODY, AT_T.plusSeconds(301)).hasMessageContaining("301 s away");
    }

    @Test
    void acceptsClockSkewWithinTheToleranceButNotATimestampFurtherInTheFuture() {
        String header = "t=" + T + ",v1=" + VECTOR;

        assertThatCode(() -> signature.verify(header, BODY, AT_T.minusSeconds(299))).doesNotThrowAnyException();
        assertInvalid(header, BODY, AT_T.minusSeconds(301)).hasMessageContaining("301 s away");
    }

    @Test
    void anyConfiguredSecretMatchingAnyV1SignatureVerifies() {
        WebhookSignature rotating = new WebhookSignature(List.of(OTHER_SECRET, SECRET), Duration.ofSeconds(300));
        String junk = "0".repeat(64);

        assertThatCode(() -> rotating.verify("t=" + T + ",v1=" + VECTOR, BODY, AT_T)).doesNotThrowAnyException();
        assertThatCode(() -> rotating.verify("t=" + T + ",v1=" + junk + ",v1=" + VECTOR + ",v0=" + junk, BODY, AT_T))
                .doesNotThrowAnyException();
        assertThatCode(() -> rotating.verify("t=" + T + ",v1=" + hmac(OTHER_SECRET, T, BODY), BODY, AT_T))
                .doesNotThrowAnyException();
    }

    @Test
    void theMessageNamesNoSecretAndNoSignature() {
        assertInvalid("t=" + T + ",v1=" + hmac(OTHER_SECRET, T, BODY), BODY, AT_T)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain(OTHER_SECRET)
                        .doesNotContain(hmac(OTHER_SECRET, T, BODY)).doesNotContain(VECTOR));
    }

    private org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertInvalid(String header,
                                                                                                 byte[] body,
                                                                                                 Instant receivedAt) {
        return assertThatThrownBy(() -> signature.verify(header, body, receivedAt))
                .isInstanceOfSatisfying(BillingException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_SIGNATURE));
    }

    private static String hmac(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
