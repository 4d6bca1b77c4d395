package io.promptmanager.server.admin;

import io.promptmanager.core.plugin.PluginConfiguration;
import io.promptmanager.core.plugin.PluginInfo;

import java.util.List;

/**
 * An installed plugin: never a setting value. {@code state} is STARTED, DISABLED, NOT_CONFIGURED,
 * INCOMPATIBLE, FAILED or STOPPED.
 */
public record PluginDto(String id, String version, String state, List<String> extensionPoints, String error,
                        boolean enabled, ConfigurationDto configuration) {
    static PluginDto from(PluginInfo plugin) {
        return new PluginDto(plugin.id(), plugin.version(), plugin.status().name(), plugin.extensionPoints(),
                plugin.error(), plugin.enabled(), ConfigurationDto.from(plugin.configuration()));
    }

    /** Its settings that are set and those it refused to start without, as full keys; never values. */
    public record ConfigurationDto(List<String> set, List<String> missing) {
        static ConfigurationDto from(PluginConfiguration configuration) {
            return new ConfigurationDto(configuration.set(), configuration.missing());
        }
    }
}
