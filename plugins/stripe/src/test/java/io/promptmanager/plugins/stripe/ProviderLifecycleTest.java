package io.promptmanager.plugins.stripe;

import io.promptmanager.plugin.billing.BillingException;
import io.promptmanager.plugin.billing.BillingException.Reason;
import io.promptmanager.plugin.billing.BillingInterval;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The provider's id, start and stop, and what it logs. */
class ProviderLifecycleTest {
    private static final String KEY = "sk_live_51SecretLiveKey0000000000000000";
    private static final String SECRET = "whsec_secretOfTheEndpoint0000000";

    private final Logger logger = Logger.getLogger("io.promptmanager.plugins.stripe");
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @AfterEach
    void detach() {
        logger.removeHandler(handler);
    }

    @Test
    void isTheStripeProvider() {
        assertThat(new StripeBillingProvider().id()).isEqualTo("stripe");
    }

    @Test
    void logsItsStartWithTheApiVersionButNoSecret() {
        logger.setLevel(Level.INFO);
        logger.addHandler(handler);

        new StripeBillingProvider().start(new MapSettings(Map.of("secret-key", KEY, "webhook-secrets", SECRET,
                "price-monthly", "price_1M", "price-yearly", "price_1Y")));

        assertThat(records).singleElement().satisfies(record -> {
            String text = new java.util.logging.SimpleFormatter().formatMessage(record);
            assertThat(text).contains("2026-07-29.dahlia", "mode=live").doesNotContain(KEY).doesNotContain(SECRET);
        });
    }

    @Test
    void callsBeforeStartOrAfterStopFailAsUnavailable() {
        StripeBillingProvider provider = new StripeBillingProvider();

        assertThatThrownBy(() -> provider.startCheckout(StripeProviders.checkout("u", BillingInterval.MONTH, "k")))
                .isInstanceOfSatisfying(BillingException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.PROCESSOR_UNAVAILABLE));
    }
}
