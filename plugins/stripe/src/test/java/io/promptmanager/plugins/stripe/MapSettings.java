package io.promptmanager.plugins.stripe;

import io.promptmanager.plugin.PluginSettings;

import java.util.Map;
import java.util.Optional;

/** PluginSettings over a map, blank values counting as not set (as the platform's do). */
record MapSettings(Map<String, String> values) implements PluginSettings {
    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).filter(value -> !value.isBlank());
    }
}
