package io.promptmanager.core.plugin;

import io.promptmanager.core.plugin.ProviderLifecycle.Started;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The started extensions of one extension point (model providers, key storages, billing
 * providers). A plugin's extensions are started as a group: they stay pending until every
 * extension of the plugin started, and are stopped again if one of them fails, so a plugin is
 * either fully in or fully out.
 */
final class StartedExtensions<T> {
    private final Class<T> type;
    private final ProviderLifecycle<T> lifecycle;
    private final List<Started<T>> started = new ArrayList<>();
    private final List<Started<T>> pending = new ArrayList<>();

    StartedExtensions(Class<T> type, ProviderLifecycle.Kind<T> kind, PluginsConfiguration configuration,
                      Duration startTimeout) {
        this.type = type;
        this.lifecycle = new ProviderLifecycle<>(kind, configuration, startTimeout);
    }

    /** Starts the plugin's extensions of this type as pending; PluginFailure when one cannot start. */
    void startPending(HostPluginManager manager, String pluginId) {
        for (Class<? extends T> extension : manager.getExtensionClasses(type, pluginId)) {
            pending.add(lifecycle.start(extension, pluginId, this::takenBy));
        }
    }

    /** The plugin's pending extensions joined the started ones. */
    void commit() {
        started.addAll(pending);
        pending.clear();
        started.sort(Comparator.comparing(Started::providerId));
    }

    /** The plugin failed: stops its pending extensions, newest first. */
    void rollBack() {
        pending.reversed().forEach(lifecycle::stop);
        pending.clear();
    }

    /** The plugin already providing an id, or null when it is free. */
    private String takenBy(String id) {
        return Stream.concat(started.stream(), pending.stream())
                .filter(p -> p.providerId().equals(id)).map(Started::pluginId).findFirst().orElse(null);
    }

    List<T> extensions() {
        return started.stream().map(Started::provider).toList();
    }

    List<String> ids() {
        return started.stream().map(Started::providerId).toList();
    }

    /** Stops every started extension, newest first. */
    void stopAll() {
        started.reversed().forEach(lifecycle::stop);
        started.clear();
    }
}
