package io.promptmanager.plugins.openaiwire;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailuresTest {

    @Test
    void scrubsTheKeyInUseAndAnythingKeyLike() {
        String text = Failures.safeText("bad key my-own-key; also sk-or-v1-0123456789abcdef and Bearer xyz", "my-own-key");

        assertThat(text).isEqualTo("bad key [redacted]; also [redacted] and Bearer [redacted]");
    }

    @Test
    void keepsOneShortLine() {
        String text = Failures.safeText("line one\nline two\u0000" + "x".repeat(500), null);

        assertThat(text).startsWith("line one line two").hasSize(201).endsWith("…");
    }

    @Test
    void givesNullForNothingToSay() {
        assertThat(Failures.safeText(null, "k")).isNull();
        assertThat(Failures.safeText(" \n ", "k")).isNull();
    }
}
