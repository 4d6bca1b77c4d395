package io.promptmanager.core.billing;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BillingSettingsTest {
    @Test
    void keepsTheConsoleAddressWithoutItsTrailingSlash() {
        BillingSettings settings = BillingSettings.defaults().withConsolePublicUrl(URI.create("https://prompts.example.com/pm/"));

        assertThat(settings.consolePublicUrl()).hasToString("https://prompts.example.com/pm");
    }

    @Test
    void refusesAConsoleAddressBrowsersCannotBeSentTo() {
        for (String url : new String[]{"prompts.example.com", "ftp://example.com", "https://example.com/?a=1"}) {
            assertThatThrownBy(() -> BillingSettings.defaults().withConsolePublicUrl(URI.create(url)))
                    .as(url).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("console.public-url");
        }
    }

    @Test
    void refusesANegativeGraceAndAnEmptySweepInterval() {
        assertThatThrownBy(() -> BillingSettings.defaults().withGracePeriod(Duration.ofDays(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BillingSettings(Duration.ZERO, Duration.ZERO, BillingSettings.DEFAULT_CONSOLE_PUBLIC_URL))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
