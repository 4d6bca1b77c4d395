package io.promptmanager.core.plugin;

import io.promptmanager.plugin.PluginConfigurationException;
import io.promptmanager.plugin.model.ModelProvider;

import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Creates, starts and stops one model provider of a plugin. Start and stop are bounded in time
 * and run with the plugin's class loader as context class loader; start failures become
 * {@link PluginFailure}s with a safe reason.
 */
final class ProviderLifecycle {
    private static final Logger LOG = Logger.getLogger(PluginHost.class.getName());
    private static final Pattern PROVIDER_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    /** A started provider and the plugin it belongs to. */
    record Started(String pluginId, String providerId, ModelProvider provider) {
    }

    private final PluginsConfiguration configuration;
    private final Duration startTimeout;

    ProviderLifecycle(PluginsConfiguration configuration, Duration startTimeout) {
        this.configuration = configuration;
        this.startTimeout = startTimeout;
    }

    /**
     * @param takenBy the plugin already providing a provider id, or null when it is free
     * @throws PluginFailure when the provider cannot be created or refuses to start
     */
    Started start(Class<? extends ModelProvider> type, String pluginId,
                  java.util.function.Function<String, String> takenBy) {
        ModelProvider provider = instantiate(type);
        String providerId = providerId(provider, type);
        String owner = takenBy.apply(providerId);
        if (owner != null) {
            throw new PluginFailure("its model provider id '" + providerId + "' is already provided by plugin " + owner);
        }
        startWithinTimeout(provider, providerId, pluginId);
        return new Started(pluginId, providerId, provider);
    }

    private static ModelProvider instantiate(Class<? extends ModelProvider> type) {
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

    private static String providerId(ModelProvider provider, Class<?> type) {
        String id;
        try {
            id = provider.id();
        } catch (RuntimeException | LinkageError e) {
            throw new PluginFailure("its model provider " + type.getName() + " failed to tell its id: "
                    + Redaction.describe(e, List.of()));
        }
        if (id == null || !PROVIDER_ID.matcher(id).matches()) {
            throw new PluginFailure("its model provider " + type.getName() + " has the id '" + id
                    + "', which is not lower-kebab (e.g. openrouter)");
        }
        return id;
    }

    private void startWithinTimeout(ModelProvider provider, String providerId, String pluginId) {
        SubtreeSettings settings = configuration.settingsOf(pluginId);
        FutureTask<Void> start = inPluginContext(provider, () -> provider.start(settings));
        Thread thread = Thread.ofVirtual().name("plugin-start-" + providerId).start(start);
        try {
            start.get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw startFailure(e.getCause(), providerId, pluginId);
        } catch (TimeoutException e) {
            thread.interrupt();
            stopWhenFinished(start, new Started(pluginId, providerId, provider));
            throw new PluginFailure("its model provider '" + providerId + "' did not start within "
                    + startTimeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PluginFailure("the platform was interrupted while its model provider '" + providerId + "' started");
        }
    }

    private static PluginFailure startFailure(Throwable cause, String providerId, String pluginId) {
        if (cause instanceof VirtualMachineError fatal) {
            throw fatal;
        }
        if (cause instanceof PluginConfigurationException invalid) {
            return new PluginFailure("invalid configuration: " + PluginsConfiguration.key(pluginId, invalid.getMessage()));
        }
        return new PluginFailure("its model provider '" + providerId + "' failed to start: "
                + Redaction.describe(cause, List.of()));
    }

    /** A provider that starts after its deadline is stopped as soon as it has, so nothing keeps running. */
    private void stopWhenFinished(FutureTask<Void> start, Started late) {
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
    void stop(Started started) {
        FutureTask<Void> stop = inPluginContext(started.provider(), started.provider()::stop);
        Thread.ofVirtual().name("plugin-stop-" + started.providerId()).start(stop);
        String provider = "Model provider " + started.providerId() + " of plugin " + started.pluginId();
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

    private static FutureTask<Void> inPluginContext(ModelProvider provider, Runnable action) {
        return new FutureTask<>(() -> {
            ContextClassLoader.run(provider, action);
            return null;
        });
    }
}
