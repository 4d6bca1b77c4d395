package io.promptmanager.core.plugin;

import java.util.List;

/**
 * A plugin found in the plugins folder. Never holds a setting value.
 *
 * @param id              its {@code Plugin-Id}, or the file name when it could not even be read
 * @param version         its {@code Plugin-Version}; null when unknown
 * @param status          where it stands
 * @param extensionPoints the extension points its extensions implement (fully qualified interface
 *                        names, e.g. {@code io.promptmanager.plugin.model.ModelProvider}), sorted
 * @param error           why it is not running (one line, safe to show); null when it is
 * @param enabled         false when {@code plugins.<id>.enabled} switched it off
 * @param configuration   which of its settings are set and which it misses, by key only
 */
public record PluginInfo(String id, String version, PluginStatus status, List<String> extensionPoints,
                         String error, boolean enabled, PluginConfiguration configuration) {
    public PluginInfo {
        extensionPoints = List.copyOf(extensionPoints);
    }

    PluginInfo stopped() {
        return status == PluginStatus.STARTED
                ? new PluginInfo(id, version, PluginStatus.STOPPED, extensionPoints, error, enabled, configuration) : this;
    }
}
