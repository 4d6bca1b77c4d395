package io.promptmanager.plugins.openaiwire;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @Test
    void readsRetryAfterInSeconds() {
        assertThat(RetryAfter.parse(" 60 ", NOW)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void readsRetryAfterAsAnHttpDate() {
        assertThat(RetryAfter.parse("Sun, 29 Nov 2026 12:01:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void takesAnHttpDateInThePastAsNoWait() {
        assertThat(RetryAfter.parse("Sun, 29 Nov 2026 11:00:00 GMT", NOW)).isZero();
    }

    @Test
    void ignoresAnUnreadableRetryAfter() {
        assertThat(RetryAfter.parse("soon", NOW)).isNull();
        assertThat(RetryAfter.parse("-5", NOW)).isNull();
        assertThat(RetryAfter.parse(null, NOW)).isNull();
    }
}
