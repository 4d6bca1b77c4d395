package io.promptmanager.plugins.openaiwire.testing;

import io.promptmanager.plugin.PluginSettings;

import java.util.Map;
import java.util.Optional;

/** PluginSettings over a map, blank values counting as not set (as the platform's do). */
public record MapSettings(Map<String, String> values) implements PluginSettings {
    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).filter(value -> !value.isBlank());
    }
}
