package io.promptmanager.plugins.stripe;

import io.promptmanager.plugin.PluginApi;
import io.promptmanager.plugin.billing.BillingEvent;
import io.promptmanager.plugin.billing.BillingEvent.Type;
import io.promptmanager.plugin.billing.BillingInterval;
import io.promptmanager.plugin.billing.BillingProvider;
import io.promptmanager.plugin.billing.CancelNowRequest;
import io.promptmanager.plugin.billing.Cancellation;
import io.promptmanager.plugin.billing.CheckoutSession;
import io.promptmanager.stripe.testing.FakeStripe;
import io.promptmanager.stripe.testing.SignedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;
import org.pf4j.DefaultVersionManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged plugin zip (built at package; run by failsafe): its PF4J layout, and PF4J loading it. */
class StripePluginZipIT {
    private static final Path ZIP = Path.of(System.getProperty("pm.plugin.zip", "target/stripe-0.1.0.zip"));
    private static final String PLUGIN_ID = "io.promptmanager.stripe";

    @Test
    void hasTheLayoutPf4jExpectsWithStripeJavaAndGsonInLib() throws IOException {
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            List<String> names = Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();

            assertThat(names).allMatch(name -> name.equals("plugin.properties") || name.startsWith("classes/")
                    || name.startsWith("lib/"));
            assertThat(names).contains("classes/META-INF/extensions.idx",
                    "classes/io/promptmanager/plugins/stripe/StripeBillingProvider.class",
                    "classes/io/promptmanager/plugins/stripe/StripePlugin.class");
            assertThat(names.stream().filter(name -> name.startsWith("lib/") && !name.equals("lib/")))
                    .containsExactlyInAnyOrder("lib/stripe-java-33.3.0.jar", "lib/gson-2.10.1.jar");
            assertThat(names).as("the fake Stripe is test code").noneMatch(name -> name.contains("testing"));
            try (InputStream in = zip.getInputStream(zip.getEntry("classes/META-INF/extensions.idx"))) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .contains(StripeBillingProvider.class.getName());
            }
        }
    }

    @Test
    void describesItselfForPf4jAndRequiresThisPluginApi() throws IOException {
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            Properties descriptor = new Properties();
            try (InputStream in = zip.getInputStream(zip.getEntry("plugin.properties"))) {
                descriptor.load(in);
            }

            assertThat(descriptor.getProperty("plugin.id")).isEqualTo(PLUGIN_ID);
            assertThat(descriptor.getProperty("plugin.class")).isEqualTo(StripePlugin.class.getName());
            assertThat(descriptor.getProperty("plugin.version")).isEqualTo("0.1.0");
            assertThat(new DefaultVersionManager().checkVersionConstraint(PluginApi.VERSION,
                    descriptor.getProperty("plugin.requires"))).isTrue();
        }
    }

    @Test
    void loadsInPf4jWithItsOwnStripeJavaAndBillsAgainstTheFake(@TempDir Path pluginsDir) throws Exception {
        // given the zip in a plugins folder, as the distribution ships it
        Files.copy(ZIP, pluginsDir.resolve(ZIP.getFileName()));
        DefaultPluginManager manager = new DefaultPluginManager(pluginsDir);
        manager.setSystemVersion(PluginApi.VERSION);
        manager.setExactVersionAllowed(false);
        try (FakeStripe fake = FakeStripe.start()) {
            // when
            manager.loadPlugins();
            manager.startPlugins();
            PluginWrapper plugin = manager.getPlugin(PLUGIN_ID);
            List<BillingProvider> providers = manager.getExtensions(BillingProvider.class, PLUGIN_ID);

            // then
            assertThat(plugin.getPluginState()).isEqualTo(PluginState.STARTED);
            assertThat(providers).singleElement().extracting(BillingProvider::id).isEqualTo("stripe");
            BillingProvider provider = providers.getFirst();
            ClassLoader pluginLoader = plugin.getPluginClassLoader();
            assertThat(provider.getClass().getClassLoader()).isSameAs(pluginLoader);
            assertThat(pluginLoader.loadClass("com.stripe.StripeClient").getClassLoader())
                    .as("stripe-java comes from the plugin's lib/").isSameAs(pluginLoader);
            assertThat(pluginLoader.loadClass("com.google.gson.Gson").getClassLoader())
                    .as("Gson comes from the plugin's lib/").isSameAs(pluginLoader);
            assertThat(pluginLoader.loadClass(BillingProvider.class.getName()))
                    .as("the plugin API comes from the host").isSameAs(BillingProvider.class);

            provider.start(new MapSettings(fake.pluginSettings()));
            try {
                CheckoutSession session = provider.startCheckout(StripeProviders.checkout("user-1",
                        BillingInterval.MONTH, "zip-1"));
                List<SignedEvent> events = fake.completeCheckout(session.id());
                List<BillingEvent> read = events.stream().map(e -> provider.verifyWebhook(StripeProviders.request(e,
                        Instant.now())).getFirst()).toList();
                assertThat(read).extracting(BillingEvent::type)
                        .containsExactly(Type.CHECKOUT_COMPLETED, Type.SUBSCRIPTION_CREATED, Type.INVOICE_PAID);
                Cancellation cancellation = provider.cancelNow(new CancelNowRequest(
                        read.get(1).subscription().id(), read.get(2).invoice().id(), 500, "usd", "zip-2"));
                assertThat(cancellation.refundedAmount()).isEqualTo(500);
                assertThat(fake.refunds()).hasSize(1);
            } finally {
                provider.stop();
            }
        } finally {
            manager.stopPlugins();
            manager.unloadPlugins();
        }
    }
}
