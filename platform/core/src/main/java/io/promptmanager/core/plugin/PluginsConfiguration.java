package io.promptmanager.core.plugin;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The flattened {@code plugins.*} configuration (keys without the {@code plugins.} prefix, e.g.
 * {@code openrouter.api-key}) and how a plugin finds its part of it: its short id is its
 * {@code Plugin-Id} without the {@code io.promptmanager.} prefix (another vendor's id is used whole).
 */
final class PluginsConfiguration {
    static final String OWN_PREFIX = "io.promptmanager.";
    private static final String ENABLED = "enabled";

    private final Map<String, String> settings;

    PluginsConfiguration(Map<String, String> settings) {
        this.settings = Map.copyOf(settings);
    }

    static String shortId(String pluginId) {
        return pluginId.startsWith(OWN_PREFIX) && pluginId.length() > OWN_PREFIX.length()
                ? pluginId.substring(OWN_PREFIX.length()) : pluginId;
    }

    static String key(String pluginId, String relativeKey) {
        return "plugins." + shortId(pluginId) + "." + relativeKey;
    }

    SubtreeSettings settingsOf(String pluginId) {
        return new SubtreeSettings(shortId(pluginId), settings);
    }

    /** False when {@code plugins.<id>.enabled} is {@code false}; true when unset or {@code true}. */
    boolean enabled(String pluginId) {
        return !"false".equals(enabledValue(pluginId).orElse("true"));
    }

    /** Why {@code plugins.<id>.enabled} cannot be read, when its value is neither true nor false. */
    Optional<String> enabledProblem(String pluginId) {
        return enabledValue(pluginId)
                .filter(value -> !value.equals("true") && !value.equals("false"))
                .map(value -> key(pluginId, ENABLED) + " must be true or false");
    }

    private Optional<String> enabledValue(String pluginId) {
        return Optional.ofNullable(settings.get(shortId(pluginId) + "." + ENABLED))
                .map(value -> value.trim().toLowerCase(Locale.ROOT))
                .filter(value -> !value.isEmpty());
    }
}
