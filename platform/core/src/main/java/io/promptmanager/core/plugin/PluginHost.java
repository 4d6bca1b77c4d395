package io.promptmanager.core.plugin;

import io.promptmanager.core.db.StartupException;
import io.promptmanager.plugin.billing.BillingProvider;
import io.promptmanager.plugin.keystore.KeyStorage;
import io.promptmanager.plugin.model.ModelProvider;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loads the PF4J plugins (zips or folders) of the plugins folder, hands each {@link ModelProvider},
 * {@link KeyStorage} and {@link BillingProvider} its plugin's configuration subtree and starts it, and keeps a failing plugin from taking the
 * platform down: a plugin that cannot be read or loaded, requires another plugin-API version,
 * throws in {@code Plugin.start}, cannot have its extension instantiated, or whose provider refuses
 * to start (a {@link io.promptmanager.plugin.PluginConfigurationException} or anything else, or
 * not within 30 seconds) is reported with its reason on one WARNING line and skipped.
 *
 * <p>Configuration: the flattened {@code plugins.*} settings without the {@code plugins.} prefix
 * ({@code openrouter.api-key → …}). A plugin's subtree is {@code plugins.<short-id>.*}, the short id
 * being its {@code Plugin-Id} without {@code io.promptmanager.} (another vendor's id is used whole);
 * {@code plugins.<short-id>.enabled: false} keeps it installed but not started. A plugin none of
 * whose settings is set and that refuses to start for a missing setting is NOT_CONFIGURED (one INFO
 * line) rather than FAILED: installed, off until configured. Values are never logged, and are
 * masked in the messages of a plugin's exceptions.
 *
 * <p>Closing stops every billing provider, key storage and model provider, then every plugin.
 */
public final class PluginHost implements PluginInventory, AutoCloseable {
    static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(PluginHost.class.getName());

    private final Path pluginsDir;
    private final HostPluginManager manager;
    private final PluginsConfiguration configuration;
    private final StartedExtensions<ModelProvider> providers;
    private final StartedExtensions<KeyStorage> storages;
    private final StartedExtensions<BillingProvider> billing;
    private final List<StartedExtensions<?>> kinds;
    private final Map<String, PluginFailure> providerFailures = new HashMap<>();
    private volatile List<PluginInfo> plugins = List.of();
    private boolean closed;

    private PluginHost(Path pluginsDir, HostPluginManager manager, PluginsConfiguration configuration,
                       Duration startTimeout) {
        this.pluginsDir = pluginsDir;
        this.manager = manager;
        this.configuration = configuration;
        this.providers = new StartedExtensions<>(ModelProvider.class, ProviderLifecycle.MODEL_PROVIDER, configuration,
                startTimeout);
        this.storages = new StartedExtensions<>(KeyStorage.class, ProviderLifecycle.KEY_STORAGE, configuration,
                startTimeout);
        this.billing = new StartedExtensions<>(BillingProvider.class, ProviderLifecycle.BILLING_PROVIDER, configuration,
                startTimeout);
        this.kinds = List.of(providers, storages, billing);
    }

    /** Loads and starts every plugin in {@code pluginsDir} (created when missing), without settings. */
    public static PluginHost start(Path pluginsDir) {
        return start(pluginsDir, Map.of());
    }

    /**
     * Loads and starts every plugin in {@code pluginsDir} (created when missing).
     *
     * @param settings the flattened {@code plugins.*} configuration without the {@code plugins.}
     *                 prefix and without {@code plugins.dir}, e.g. {@code openrouter.api-key → sk-…}
     * @throws StartupException only when the plugins folder itself cannot be created
     */
    public static PluginHost start(Path pluginsDir, Map<String, String> settings) {
        return start(pluginsDir, settings, DEFAULT_START_TIMEOUT);
    }

    static PluginHost start(Path pluginsDir, Map<String, String> settings, Duration providerStartTimeout) {
        try {
            Files.createDirectories(pluginsDir);
        } catch (IOException e) {
            throw new StartupException("Cannot create the plugins folder " + pluginsDir + ": " + e.getMessage(), e);
        }
        PluginsConfiguration configuration = new PluginsConfiguration(settings);
        HostPluginManager manager = new HostPluginManager(pluginsDir, configuration);
        manager.loadPlugins();
        manager.startPlugins();
        PluginHost host = new PluginHost(pluginsDir, manager, configuration, providerStartTimeout);
        host.startProviders();
        host.plugins = host.describe();
        host.report();
        return host;
    }

    /** Every plugin found, sorted by id, with its status and, if it is not running, why. */
    @Override
    public List<PluginInfo> plugins() {
        return plugins;
    }

    /** The started model providers, sorted by id; empty once the host is closed. */
    public synchronized List<ModelProvider> modelProviders() {
        return providers.extensions();
    }

    /** The started key storages, sorted by id; empty once the host is closed. */
    public synchronized List<KeyStorage> keyStorages() {
        return storages.extensions();
    }

    /** The started billing providers, sorted by id; empty once the host is closed. */
    public synchronized List<BillingProvider> billingProviders() {
        return billing.extensions();
    }

    private void startProviders() {
        for (PluginWrapper wrapper : List.copyOf(manager.getStartedPlugins())) {
            String pluginId = wrapper.getPluginId();
            try {
                ExtensionTypes.copiedApiType(wrapper, manager.getExtensionClassNames(pluginId)).ifPresent(type -> {
                    throw new PluginFailure("it bundles its own copy of " + type
                            + ": declare io.promptmanager:plugin-api and org.pf4j:pf4j as provided dependencies");
                });
                for (StartedExtensions<?> kind : kinds) {
                    kind.startPending(manager, pluginId);
                }
                kinds.forEach(StartedExtensions::commit);
            } catch (PluginFailure failure) {
                kinds.reversed().forEach(StartedExtensions::rollBack);
                providerFailures.put(pluginId, failure);
                stopPlugin(pluginId);
            }
        }
    }

    private List<PluginInfo> describe() {
        List<PluginInfo> infos = new ArrayList<>();
        manager.loadFailures().forEach(failure -> infos.add(new PluginInfo(failure.name(), null, PluginStatus.FAILED,
                List.of(), failure.reason(), true, PluginConfiguration.NONE)));
        for (PluginWrapper wrapper : manager.getPlugins()) {
            infos.add(describe(wrapper));
        }
        infos.sort(Comparator.comparing(PluginInfo::id));
        return List.copyOf(infos);
    }

    private PluginInfo describe(PluginWrapper wrapper) {
        String id = wrapper.getPluginId();
        HostPluginManager.Skip skip = manager.skipped().get(id);
        PluginFailure failure = providerFailures.get(id);
        List<String> keysSet = configuration.settingsOf(id).keysSet();
        PluginStatus status;
        String error;
        if (skip != null) {
            status = skip.status();
            error = skip.status() == PluginStatus.DISABLED ? null : skip.reason();
        } else if (failure != null) {
            // Installed but never configured: off by choice, not broken (e.g. a bundled plugin nobody set up).
            status = failure.missingSetting() != null && keysSet.isEmpty() ? PluginStatus.NOT_CONFIGURED : PluginStatus.FAILED;
            error = failure.getMessage();
        } else if (wrapper.getPluginState() == PluginState.STARTED) {
            status = PluginStatus.STARTED;
            error = null;
        } else {
            status = PluginStatus.FAILED;
            error = pluginStartFailure(wrapper);
        }
        String safeError = Redaction.redact(error, configuration.settingsOf(id).values());
        List<String> missing = failure == null || failure.missingSetting() == null ? List.of()
                : List.of(PluginsConfiguration.key(id, failure.missingSetting()));
        return new PluginInfo(id, wrapper.getDescriptor().getVersion(), status,
                ExtensionTypes.extensionPoints(wrapper, manager.getExtensionClassNames(id)), safeError,
                configuration.enabled(id), new PluginConfiguration(
                        keysSet.stream().map(key -> PluginsConfiguration.key(id, key)).toList(), missing));
    }

    private static String pluginStartFailure(PluginWrapper wrapper) {
        Throwable failure = wrapper.getFailedException();
        if (failure == null) {
            return "it was not started (PF4J state " + wrapper.getPluginState() + ")";
        }
        if (failure instanceof HostPluginManager.PluginClassFailure) {
            return failure.getMessage();
        }
        return "its Plugin.start failed: " + Redaction.describe(failure, List.of());
    }

    private void report() {
        for (PluginInfo plugin : plugins) {
            String name = "Plugin " + plugin.id() + (plugin.version() == null ? "" : " " + plugin.version());
            switch (plugin.status()) {
                case STARTED -> {
                    if (plugin.extensionPoints().isEmpty()) {
                        LOG.warning(() -> name + " started but provides no extension: was it built with PF4J's "
                                + "annotation processor (META-INF/extensions.idx)?");
                    } else {
                        LOG.info(() -> name + " started: " + String.join(", ", plugin.extensionPoints()));
                    }
                }
                case DISABLED -> LOG.info(() -> name + " is disabled by "
                        + PluginsConfiguration.key(plugin.id(), "enabled") + ": false");
                case NOT_CONFIGURED -> LOG.info(() -> name + " is installed but not configured, so not started: "
                        + String.join(", ", plugin.configuration().missing()) + " is required");
                default -> LOG.warning(() -> name + " skipped: " + plugin.error());
            }
        }
        LOG.info(() -> "Plugin host ready: " + plugins.size() + " plugin(s) in " + pluginsDir
                + listed(providers.ids(), "model provider") + listed(storages.ids(), "key storage")
                + listed(billing.ids(), "billing provider"));
    }

    private static String listed(List<String> ids, String kind) {
        return ids.isEmpty() ? ", no " + kind : ", " + kind + "s " + String.join(", ", ids);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        kinds.reversed().forEach(StartedExtensions::stopAll);
        for (PluginWrapper wrapper : List.copyOf(manager.getStartedPlugins()).reversed()) {
            stopPlugin(wrapper.getPluginId());
        }
        try {
            manager.unloadPlugins();
        } catch (RuntimeException | LinkageError e) {
            LOG.warning(() -> "Plugins did not unload cleanly: " + HostPluginManager.rootMessage(e));
        }
        plugins = plugins.stream().map(PluginInfo::stopped).toList();
    }

    private void stopPlugin(String pluginId) {
        try {
            manager.stopPlugin(pluginId);
        } catch (RuntimeException | LinkageError e) {
            String reason = Redaction.describe(e, configuration.settingsOf(pluginId).values());
            LOG.log(Level.WARNING, () -> "Plugin " + pluginId + " did not stop cleanly: " + reason);
        }
    }
}
