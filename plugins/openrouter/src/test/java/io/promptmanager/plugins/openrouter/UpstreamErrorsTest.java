package io.promptmanager.plugins.openrouter;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class UpstreamErrorsTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @Test
    void readsRetryAfterInSeconds() {
        assertThat(UpstreamErrors.retryAfter(" 60 ", NOW)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void readsRetryAfterAsAnHttpDate() {
        assertThat(UpstreamErrors.retryAfter("Sun, 29 Nov 2026 12:01:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void takesAnHttpDateInThePastAsNoWait() {
        assertThat(UpstreamErrors.retryAfter("Sun, 29 Nov 2026 11:00:00 GMT", NOW)).isZero();
    }

    @Test
    void ignoresAnUnreadableRetryAfter() {
        assertThat(UpstreamErrors.retryAfter("soon", NOW)).isNull();
        assertThat(UpstreamErrors.retryAfter("-5", NOW)).isNull();
        assertThat(UpstreamErrors.retryAfter(null, NOW)).isNull();
    }

    @Test
    void fallsBackToTheRetryAfterOfAnAvailabilityError() {
        // given
        byte[] body = ("{\"error\":{\"code\":429,\"message\":\"All providers are at capacity\",\"availability\":"
                + "{\"code\":\"capacity_exhausted\",\"retryable\":true,\"retry_after\":12}}}").getBytes();

        // when
        var e = UpstreamErrors.fromStatus(429, body, null, null, NOW);

        // then
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(12));
    }

    @Test
    void takesNotFoundModelsAsBadRequests() {
        // given
        byte[] body = "{\"error\":{\"code\":404,\"message\":\"No endpoints found for acme/model.\"}}".getBytes();

        // when
        var e = UpstreamErrors.fromStatus(404, body, null, null, NOW);

        // then
        assertThat(e.kind()).isEqualTo(io.promptmanager.plugin.model.ProviderException.Kind.BAD_REQUEST);
        assertThat(e.getMessage()).isEqualTo("OpenRouter refused the request: No endpoints found for acme/model.");
    }
}
