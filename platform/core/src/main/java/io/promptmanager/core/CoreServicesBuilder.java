package io.promptmanager.core;

import io.promptmanager.core.db.Database;
import io.promptmanager.core.db.StartupException;
import io.promptmanager.core.plugin.PluginHost;
import io.promptmanager.core.plugin.PluginInventory;
import io.promptmanager.plugin.billing.BillingProvider;
import io.promptmanager.plugin.keystore.KeyStorage;
import io.promptmanager.plugin.model.ModelProvider;

import java.util.List;
import java.util.Objects;

/** What core services are started over. Extensions given must be started already; their owner stops them. */
public final class CoreServicesBuilder {
    private final Database database;
    private final CoreSettings settings;
    private List<ModelProvider> providers = List.of();
    private List<KeyStorage> keyStorages = List.of();
    private List<BillingProvider> billingProviders = List.of();
    private PluginInventory plugins = PluginInventory.none();

    CoreServicesBuilder(Database database, CoreSettings settings) {
        this.database = Objects.requireNonNull(database, "database");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Model providers with distinct ids: their models make the catalogue. */
    public CoreServicesBuilder providers(List<ModelProvider> modelProviders) {
        this.providers = List.copyOf(modelProviders);
        return this;
    }

    /** At most one key storage (none: BYOK answers KEY_STORAGE_UNAVAILABLE). */
    public CoreServicesBuilder keyStorages(List<KeyStorage> storages) {
        this.keyStorages = List.copyOf(storages);
        return this;
    }

    /** At most one billing provider (none: billing answers BILLING_UNAVAILABLE). */
    public CoreServicesBuilder billing(List<BillingProvider> billing) {
        this.billingProviders = List.copyOf(billing);
        return this;
    }

    /** The host's started extensions of every kind; administrators see its plugins. */
    public CoreServicesBuilder plugins(PluginHost host) {
        this.providers = host.modelProviders();
        this.keyStorages = host.keyStorages();
        this.billingProviders = host.billingProviders();
        this.plugins = host;
        return this;
    }

    /**
     * @throws StartupException when several key storages or billing providers are given, or
     *                          the key storage cannot open the users' saved keys (wrong master keys)
     */
    public CoreServices start() {
        return new CoreServices(database, settings, providers, keyStorages, billingProviders, plugins);
    }
}
