package io.promptmanager.plugins.stripe;

import io.promptmanager.plugin.PluginConfigurationException;
import io.promptmanager.plugin.billing.BillingInterval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** plugins.stripe.*: what is required, what is checked, and that no value leaks. */
class StripeSettingsTest {
    private static final String KEY = "sk_test_51PmAnAgerTestKey0000000000000000";
    private static final String SECRET = "whsec_endpointSecret000000000000000";

    private static Map<String, String> valid() {
        Map<String, String> settings = new HashMap<>();
        settings.put("secret-key", KEY);
        settings.put("webhook-secrets", SECRET);
        settings.put("price-monthly", "price_1Monthly");
        settings.put("price-yearly", "price_1Yearly");
        return settings;
    }

    @Test
    void readsTheRequiredSettingsAndDefaultsTheRest() {
        StripeSettings settings = StripeSettings.from(new MapSettings(valid()));

        assertThat(settings.secretKey()).isEqualTo(KEY);
        assertThat(settings.webhookSecrets()).containsExactly(SECRET);
        assertThat(settings.price(BillingInterval.MONTH)).isEqualTo("price_1Monthly");
        assertThat(settings.price(BillingInterval.YEAR)).isEqualTo("price_1Yearly");
        assertThat(settings.apiBase()).isEqualTo(URI.create("https://api.stripe.com"));
        assertThat(settings.webhookTolerance()).isEqualTo(Duration.ofSeconds(300));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.maxNetworkRetries()).isEqualTo(2);
        assertThat(settings.testMode()).isTrue();
    }

    @Test
    void takesSeveralWebhookSecretsForRotation() {
        Map<String, String> values = valid();
        values.put("webhook-secrets", " whsec_newSecret00000000 ,whsec_oldSecret00000000, ");

        assertThat(StripeSettings.from(new MapSettings(values)).webhookSecrets())
                .containsExactly("whsec_newSecret00000000", "whsec_oldSecret00000000");
    }

    @Test
    void acceptsLiveAndRestrictedKeysAndALocalHttpApiBase() {
        Map<String, String> values = valid();
        values.put("secret-key", "rk_live_51Restricted000000000000");
        values.put("api-base", "http://127.0.0.1:12111/");

        StripeSettings settings = StripeSettings.from(new MapSettings(values));

        assertThat(settings.testMode()).isFalse();
        assertThat(settings.apiBase()).isEqualTo(URI.create("http://127.0.0.1:12111"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "secret-key|",
            "secret-key|pk_test_51Publishable0000000000",
            "secret-key|sk_test_",
            "secret-key|sk_test_has spaces inside it",
            "webhook-secrets|",
            "webhook-secrets|,",
            "webhook-secrets|whsec_good000000000000,notASecret",
            "price-monthly|",
            "price-monthly|prod_1Product",
            "price-yearly|price_1Monthly",
            "api-base|api.stripe.com",
            "api-base|http://api.stripe.com",
            "api-base|https://api.stripe.com/v1",
            "api-base|https://user:pw@api.stripe.com",
            "webhook-tolerance|300",
            "webhook-tolerance|PT0S",
            "connect-timeout|-PT1S",
            "read-timeout|PT11M",
            "max-network-retries|6",
            "max-network-retries|two"})
    void refusesABadOrMissingSettingNamingTheKeyNotTheValue(String key, String value) {
        Map<String, String> values = valid();
        values.put(key, value == null ? "" : value);

        assertThatThrownBy(() -> StripeSettings.from(new MapSettings(values)))
                .isInstanceOfSatisfying(PluginConfigurationException.class, e -> {
                    assertThat(e.key()).isEqualTo(key);
                    // Secrets never; other values would only repeat what the operator wrote.
                    if (value != null && key.matches("secret-key|webhook-secrets") && value.length() > 8) {
                        assertThat(e.getMessage()).doesNotContain(value);
                    }
                });
    }

    @Test
    void itsTextNamesNoSecret() {
        Map<String, String> values = valid();
        values.put("webhook-secrets", SECRET + ",whsec_second0000000000");

        String text = StripeSettings.from(new MapSettings(values)).toString();

        assertThat(text).doesNotContain(KEY).doesNotContain(SECRET).doesNotContain("whsec_second")
                .contains("mode=test", "webhookSecrets=2", "price_1Monthly");
        for (String secret : List.of(KEY, SECRET)) {
            assertThat(text).doesNotContain(secret.substring(8));
        }
    }
}
