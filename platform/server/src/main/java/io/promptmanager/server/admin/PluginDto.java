package io.promptmanager.server.admin;

import io.promptmanager.core.plugin.PluginInfo;

import java.util.List;

/** An installed plugin: never a setting value. */
public record PluginDto(String id, String version, String state, List<String> extensionPoints, String error,
                        boolean enabled) {
    static PluginDto from(PluginInfo plugin) {
        return new PluginDto(plugin.id(), plugin.version(), plugin.status().name(), plugin.extensionPoints(),
                plugin.error(), plugin.enabled());
    }
}
