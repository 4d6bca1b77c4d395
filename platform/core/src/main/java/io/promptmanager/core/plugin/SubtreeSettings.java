package io.promptmanager.core.plugin;

import io.promptmanager.plugin.PluginSettings;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One plugin's read-only view of {@code plugins.<short-id>.*}: keys relative to the subtree.
 * Its {@link #toString()} lists keys only, never values.
 */
final class SubtreeSettings implements PluginSettings {
    private final String prefix;
    private final Map<String, String> values;

    SubtreeSettings(String shortId, Map<String, String> allPluginSettings) {
        this.prefix = "plugins." + shortId + ".";
        String own = shortId + ".";
        Map<String, String> mine = new TreeMap<>();
        allPluginSettings.forEach((key, value) -> {
            if (key.startsWith(own) && key.length() > own.length() && value != null) {
                mine.put(key.substring(own.length()), value);
            }
        });
        this.values = Map.copyOf(mine);
    }

    @Override
    public Optional<String> get(String key) {
        String value = values.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** The keys whose value is set (not blank), sorted; never their values. */
    List<String> keysSet() {
        return values.entrySet().stream().filter(e -> !e.getValue().isBlank()).map(Map.Entry::getKey).sorted().toList();
    }

    /** The values, for redacting them from messages; never to be logged. */
    Collection<String> values() {
        return values.values();
    }

    @Override
    public String toString() {
        return "PluginSettings[" + prefix + "* keys=" + new TreeMap<>(values).keySet() + "]";
    }
}
