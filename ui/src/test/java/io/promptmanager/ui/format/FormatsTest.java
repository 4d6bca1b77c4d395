package io.promptmanager.ui.format;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTest {

    @Test
    void writesDollarsWithEverySignificantDigitAndNoRounding() {
        assertThat(Formats.usd(new BigDecimal("0.000000136"), Locale.ENGLISH)).isEqualTo("$0.000000136");
        assertThat(Formats.usd(new BigDecimal("0.1").add(new BigDecimal("0.2")), Locale.ENGLISH)).isEqualTo("$0.30");
        assertThat(Formats.usd(new BigDecimal("1234.5000"), Locale.ENGLISH)).isEqualTo("$1,234.50");
        assertThat(Formats.usd(BigDecimal.ZERO, Locale.ENGLISH)).isEqualTo("$0.00");
        assertThat(Formats.usd(new BigDecimal("0.000136"), Locale.FRENCH)).isEqualTo("0,000136\u00a0$US");
    }

    @Test
    void listsPerTokenPricesPerMillionTokensExactly() {
        assertThat(Formats.perMillionTokens(new BigDecimal("0.00000015"), Locale.ENGLISH)).isEqualTo("$0.15");
        assertThat(Formats.perMillionTokens(new BigDecimal("0.0000000001"), Locale.ENGLISH)).isEqualTo("$0.0001");
    }

    @Test
    void writesSharesInPerCentWithOneDecimal() {
        assertThat(Formats.percent(1, 3, Locale.ENGLISH)).isEqualTo("33.3%");
        assertThat(Formats.percent(0, 0, Locale.ENGLISH)).isEqualTo("0.0%");
        assertThat(Formats.percent(1, 4, Locale.FRENCH)).isEqualTo("25,0\u00a0%");
    }

    @Test
    void roundsTheTimeLeftUpToTheMinuteSoThatItNeverShowsZeroTooEarly() {
        assertThat(Formats.hoursAndMinutes(Duration.ofHours(5).plusMinutes(12))).containsExactly(5, 12);
        assertThat(Formats.hoursAndMinutes(Duration.ofSeconds(61))).containsExactly(0, 2);
        assertThat(Formats.hoursAndMinutes(Duration.ofSeconds(-5))).containsExactly(0, 0);
    }
}
