package io.promptmanager.core.testing;

import io.promptmanager.core.CoreServices;
import io.promptmanager.core.CoreSettings;
import io.promptmanager.core.db.Database;
import io.promptmanager.core.execution.ExecutionSettings;
import io.promptmanager.core.plan.PlanSettings;
import io.promptmanager.core.plugin.PluginHost;
import io.promptmanager.core.user.AccountSettings;
import io.promptmanager.plugin.billing.BillingProvider;
import io.promptmanager.plugin.keystore.KeyStorage;
import io.promptmanager.plugin.model.ModelProvider;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * Core services over a fresh test database, for tests of the API and the console. Unless given
 * other providers, prompts run on a {@link FakeModelProvider}. Close it to stop the services and
 * the database (model providers and a plugin host stay their owner's).
 */
public final class TestPlatform implements AutoCloseable {
    public static final byte[] TEST_PEPPER = "test-pepper-test-pepper-test-pepper!".getBytes(StandardCharsets.UTF_8);

    private final Database database;
    private final CoreSettings settings;
    private final List<ModelProvider> providers;
    private final List<KeyStorage> keyStorages;
    private final List<BillingProvider> billing;
    private final CoreServices services;

    private TestPlatform(Database database, CoreSettings settings, List<ModelProvider> providers,
                         List<KeyStorage> keyStorages, List<BillingProvider> billing, CoreServices services) {
        this.database = database;
        this.settings = settings;
        this.providers = providers;
        this.keyStorages = keyStorages;
        this.billing = billing;
        this.services = services;
    }

    /** Over a {@link FakeModelProvider}, with the system clock. */
    public static TestPlatform start() {
        return start(Clock.systemUTC());
    }

    /** Over a {@link FakeModelProvider}. */
    public static TestPlatform start(Clock clock) {
        return start(settings(clock));
    }

    /** Over a {@link FakeModelProvider}, with these settings. */
    public static TestPlatform start(CoreSettings settings) {
        return start(settings, List.of(new FakeModelProvider()));
    }

    /** Over these started model providers (distinct ids): their models make the catalogue. */
    public static TestPlatform start(List<ModelProvider> providers) {
        return start(Clock.systemUTC(), providers);
    }

    public static TestPlatform start(Clock clock, List<ModelProvider> providers) {
        return start(settings(clock), providers);
    }

    /** Over a started plugin host: its providers make the catalogue and administrators see its plugins. */
    public static TestPlatform start(PluginHost plugins) {
        Database database = TestDatabase.fresh();
        CoreSettings settings = settings(Clock.systemUTC());
        return new TestPlatform(database, settings, plugins.modelProviders(), plugins.keyStorages(),
                plugins.billingProviders(), CoreServices.start(database, settings, plugins));
    }

    private static TestPlatform start(CoreSettings settings, List<ModelProvider> providers) {
        return start(settings, providers, List.of());
    }

    /** Over these started model providers and key storages (at most one). */
    public static TestPlatform start(CoreSettings settings, List<ModelProvider> providers,
                                     List<KeyStorage> keyStorages) {
        return start(settings, providers, keyStorages, List.of());
    }

    /** Over a {@link FakeModelProvider} and these started billing providers (at most one). */
    public static TestPlatform withBilling(CoreSettings settings, List<BillingProvider> billing) {
        return start(settings, List.of(new FakeModelProvider()), List.of(), billing);
    }

    /** Over these started model providers, key storages and billing providers (at most one of each of the last two). */
    public static TestPlatform start(CoreSettings settings, List<ModelProvider> providers,
                                     List<KeyStorage> keyStorages, List<BillingProvider> billing) {
        Database database = TestDatabase.fresh();
        try {
            return new TestPlatform(database, settings, providers, keyStorages, billing,
                    CoreServices.builder(database, settings).providers(providers).keyStorages(keyStorages)
                            .billing(billing).start());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * A second node on the same database (own caches, listeners and recorder; same settings and
     * extensions), e.g. for cross-node tests. The caller closes it.
     */
    public CoreServices secondNode() {
        return secondNode(keyStorages);
    }

    /** Another node on the same database with its own key storage, e.g. one configured with other master keys. */
    public CoreServices secondNode(List<KeyStorage> otherKeyStorages) {
        return CoreServices.builder(database, settings).providers(providers).keyStorages(otherKeyStorages)
                .billing(billing).start();
    }

    public static CoreSettings settings(Clock clock) {
        return new CoreSettings(PlanSettings.defaults(), AccountSettings.defaults(), TEST_PEPPER, clock,
                ExecutionSettings.defaults());
    }

    public Database database() {
        return database;
    }

    public CoreServices services() {
        return services;
    }

    /** The fake provider prompts run on; fails when the platform was started over other providers. */
    public FakeModelProvider provider() {
        return providers.stream().filter(FakeModelProvider.class::isInstance).map(FakeModelProvider.class::cast)
                .findFirst().orElseThrow(() -> new IllegalStateException("this platform runs no FakeModelProvider"));
    }

    @Override
    public void close() {
        services.close();
        database.close();
    }
}
