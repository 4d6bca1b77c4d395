package io.promptmanager.core.plugin;

import io.promptmanager.core.CoreServices;
import io.promptmanager.core.db.Database;
import io.promptmanager.core.db.StartupException;
import io.promptmanager.core.testing.PluginZip;
import io.promptmanager.core.testing.TestDatabase;
import io.promptmanager.core.testing.TestPlatform;
import io.promptmanager.plugin.billing.BillingInterval;
import io.promptmanager.plugin.billing.BillingProvider;
import io.promptmanager.plugin.billing.CheckoutRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BillingHostIT {
    private static final String BILLING_PROVIDER = BillingProvider.class.getName();

    @TempDir
    Path work;

    private static String billing(String className, String id) {
        int dot = className.lastIndexOf('.');
        return """
                package %s;

                import io.promptmanager.plugin.*;
                import io.promptmanager.plugin.billing.*;
                import java.net.URI;
                import java.util.List;

                @org.pf4j.Extension
                public class %s implements BillingProvider {
                    private volatile String priceMonth;
                    public String id() { return "%s"; }
                    public void start(PluginSettings settings) {
                        priceMonth = settings.get("price-month").orElseThrow(
                                () -> new PluginConfigurationException("price-month", "is required"));
                    }
                    public CheckoutSession startCheckout(CheckoutRequest request) {
                        return new CheckoutSession("cs_1", URI.create("https://pay.test/" + priceMonth));
                    }
                    public PortalSession openPortal(PortalRequest request) { throw unavailable(); }
                    public List<BillingEvent> verifyWebhook(WebhookRequest request) { throw unavailable(); }
                    public Cancellation cancelNow(CancelNowRequest request) { throw unavailable(); }
                    public SubscriptionSnapshot cancelAtPeriodEnd(String id, String key) { throw unavailable(); }
                    private static BillingException unavailable() {
                        return new BillingException(BillingException.Reason.PROCESSOR_UNAVAILABLE, "offline");
                    }
                }
                """.formatted(className.substring(0, dot), className.substring(dot + 1), id);
    }

    @Test
    void startsABillingProviderWithItsSubtreeListsItAndSkipsOneRefusingItsConfiguration() {
        Path plugins = work.resolve("plugins");
        PluginZip.plugin("io.promptmanager.paywall")
                .source("test.paywall.Paywall", billing("test.paywall.Paywall", "paywall"))
                .writeTo(plugins);
        PluginZip.plugin("io.promptmanager.broken-pay")
                .source("test.broken.BrokenPay", billing("test.broken.BrokenPay", "broken-pay"))
                .writeTo(plugins);

        try (PluginHost host = PluginHost.start(plugins, Map.of("paywall.price-month", "price_123",
                "broken-pay.secret-key", "sk_test_x"))) {
            assertThat(host.billingProviders()).extracting(BillingProvider::id).containsExactly("paywall");
            var session = host.billingProviders().getFirst().startCheckout(new CheckoutRequest("u", "u@example.test",
                    null, BillingInterval.MONTH, "http://x/ok", URI.create("http://x/ko"), "k"));
            assertThat(session.url()).hasToString("https://pay.test/price_123");
            assertThat(plugin(host, "io.promptmanager.paywall").extensionPoints()).containsExactly(BILLING_PROVIDER);
            PluginInfo broken = plugin(host, "io.promptmanager.broken-pay");
            assertThat(broken.status()).isEqualTo(PluginStatus.FAILED);
            assertThat(broken.error()).isEqualTo("invalid configuration: plugins.broken-pay.price-month is required");
            try (TestPlatform platform = TestPlatform.start(host)) {
                assertThat(platform.services().billingService().available()).isTrue();
            }
        }
    }

    @Test
    void refusesToStartWithTwoBillingPluginsNamingThem() {
        Path plugins = work.resolve("plugins");
        PluginZip.plugin("io.promptmanager.pay-one").source("test.one.One", billing("test.one.One", "pay-one"))
                .writeTo(plugins);
        PluginZip.plugin("io.promptmanager.pay-two").source("test.two.Two", billing("test.two.Two", "pay-two"))
                .writeTo(plugins);

        try (PluginHost host = PluginHost.start(plugins, Map.of("pay-one.price-month", "a", "pay-two.price-month", "b"));
             Database database = TestDatabase.fresh()) {
            assertThatThrownBy(() -> CoreServices.start(database, TestPlatform.settings(Clock.systemUTC()), host))
                    .isInstanceOf(StartupException.class)
                    .hasMessageContaining("More than one billing provider plugin is installed (pay-one, pay-two)");
        }
    }

    private static PluginInfo plugin(PluginHost host, String id) {
        return host.plugins().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }
}
