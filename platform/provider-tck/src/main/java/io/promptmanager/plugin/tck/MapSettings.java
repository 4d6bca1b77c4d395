package io.promptmanager.plugin.tck;

import io.promptmanager.plugin.PluginSettings;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Settings over a map, blank values counting as unset, as the platform's do; toString shows keys only. */
final class MapSettings implements PluginSettings {
    private final Map<String, String> values;

    MapSettings(Map<String, String> values) {
        this.values = new TreeMap<>(values);
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).filter(value -> !value.isBlank());
    }

    @Override
    public String toString() {
        return "PluginSettings[keys=" + values.keySet() + "]";
    }
}
