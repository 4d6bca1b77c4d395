package io.promptmanager.core.plugin;

import io.promptmanager.plugin.PluginConfigurationException;
import io.promptmanager.plugin.PluginSettings;
import io.promptmanager.plugin.billing.BillingProvider;
import io.promptmanager.plugin.keystore.KeyStorage;
import io.promptmanager.plugin.model.ModelProvider;

import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Creates, starts and stops one extension (a model provider, a key storage, a billing provider) of a plugin. Start and stop are bounded in time
 * and run with the plugin's class loader as context class loader; start failures become
 * {@link PluginFailure}s with a safe reason.
 */
final class ProviderLifecycle<T> {
    private static final Logger LOG = Logger.getLogger(PluginHost.class.getName());
    private static final Pattern PROVIDER_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    /** A started extension and the plugin it belongs to. */
    record Started<T>(String pluginId, String providerId, T provider) {
    }

    /** How to handle one kind of extension: its name in messages and its id/start/stop calls. */
    record Kind<T>(String label, Function<T, String> id, BiConsumer<T, PluginSettings> start, Consumer<T> stop) {
    }

    static final Kind<ModelProvider> MODEL_PROVIDER = new Kind<>("model provider", ModelProvider::id,
            ModelProvider::start, ModelProvider::stop);
    static final Kind<KeyStorage> KEY_STORAGE = new Kind<>("key storage", KeyStorage::id, KeyStorage::start,
            KeyStorage::stop);
    static final Kind<BillingProvider> BILLING_PROVIDER = new Kind<>("billing provider", BillingProvider::id,
            BillingProvider::start, BillingProvider::stop);

    private final Kind<T> kind;
    private final PluginsConfiguration configuration;
    private final Duration startTimeout;

    ProviderLifecycle(Kind<T> kind, PluginsConfiguration configuration, Duration startTimeout) {
        this.kind = kind;
        this.configuration = configuration;
        this.startTimeout = startTimeout;
    }

    /**
     * @param takenBy the plugin already providing a provider id, or null when it is free
     * @throws PluginFailure when the provider cannot be created or refuses to start
     */
    Started<T> start(Class<? extends T> type, String pluginId, Function<String, String> takenBy) {
        T provider = instantiate(type);
        String providerId = providerId(provider, type);
        String owner = takenBy.apply(providerId);
        if (owner != null) {
            throw new PluginFailure("its " + kind.label() + " id '" + providerId + "' is already provided by plugin " + owner);
        }
        startWithinTimeout(provider, providerId, pluginId);
        return new Started<>(pluginId, providerId, provider);
    }

    private static <T> T instantiate(Class<? extends T> type) {
        try {
            return type.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new PluginFailure("its extension " + type.getName() + " has no public no-argument constructor");
        } catch (InvocationTargetException e) {
            throw new PluginFailure("its extension " + type.getName() + " cannot be instantiated: "
                    + Redaction.describe(e.getCause(), List.of()));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new PluginFailure("its extension " + type.getName() + " cannot be instantiated: "
                    + Redaction.describe(HostPluginManager.root(e), List.of()));
        }
    }

    private String providerId(T provider, Class<?> type) {
        String id;
        try {
            id = kind.id().apply(provider);
        } catch (RuntimeException | LinkageError e) {
            throw new PluginFailure("its " + kind.label() + " " + type.getName() + " failed to tell its id: "
                    + Redaction.describe(e, List.of()));
        }
        if (id == null || !PROVIDER_ID.matcher(id).matches()) {
            throw new PluginFailure("its " + kind.label() + " " + type.getName() + " has the id '" + id
                    + "', which is not lower-kebab (e.g. openrouter)");
        }
        return id;
    }

    private void startWithinTimeout(T provider, String providerId, String pluginId) {
        SubtreeSettings settings = configuration.settingsOf(pluginId);
        FutureTask<Void> start = inPluginContext(provider, () -> kind.start().accept(provider, settings));
        Thread thread = Thread.ofVirtual().name("plugin-start-" + providerId).start(start);
        try {
            start.get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw startFailure(e.getCause(), providerId, pluginId);
        } catch (TimeoutException e) {
            thread.interrupt();
            stopWhenFinished(start, new Started<>(pluginId, providerId, provider));
            throw new PluginFailure("its " + kind.label() + " '" + providerId + "' did not start within "
                    + startTimeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PluginFailure("the platform was interrupted while its " + kind.label() + " '" + providerId + "' started");
        }
    }

    private PluginFailure startFailure(Throwable cause, String providerId, String pluginId) {
        if (cause instanceof VirtualMachineError fatal) {
            throw fatal;
        }
        if (cause instanceof PluginConfigurationException invalid) {
            boolean missing = invalid.key() != null && configuration.settingsOf(pluginId).get(invalid.key()).isEmpty();
            return new PluginFailure("invalid configuration: " + PluginsConfiguration.key(pluginId, invalid.getMessage()),
                    missing ? invalid.key() : null);
        }
        return new PluginFailure("its " + kind.label() + " '" + providerId + "' failed to start: "
                + Redaction.describe(cause, List.of()));
    }

    /** A provider that starts after its deadline is stopped as soon as it has, so nothing keeps running. */
    private void stopWhenFinished(FutureTask<Void> start, Started<T> late) {
        Thread.ofVirtual().name("plugin-late-start-" + late.providerId()).start(() -> {
            try {
                start.get();
                stop(late);
            } catch (ExecutionException | InterruptedException ignored) {
                // it never started: nothing to stop
            }
        });
    }

    /** Bounded, so that a provider hanging in {@code stop()} cannot hold up the platform's shutdown. */
    void stop(Started<T> started) {
        FutureTask<Void> stop = inPluginContext(started.provider(), () -> kind.stop().accept(started.provider()));
        Thread.ofVirtual().name("plugin-stop-" + started.providerId()).start(stop);
        String provider = Character.toUpperCase(kind.label().charAt(0)) + kind.label().substring(1) + " "
                + started.providerId() + " of plugin " + started.pluginId();
        try {
            stop.get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof VirtualMachineError fatal) {
                throw fatal;
            }
            String reason = Redaction.describe(e.getCause(), configuration.settingsOf(started.pluginId()).values());
            LOG.warning(() -> provider + " did not stop cleanly: " + reason);
        } catch (TimeoutException e) {
            LOG.warning(() -> provider + " did not stop within " + STOP_TIMEOUT.toSeconds() + " s; shutdown goes on");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static FutureTask<Void> inPluginContext(Object provider, Runnable action) {
        return new FutureTask<>(() -> {
            ContextClassLoader.run(provider, action);
            return null;
        });
    }
}
