package io.promptmanager.plugin;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A read-only view of one plugin's own configuration subtree, {@code plugins.<plugin-id>.*}
 * (in {@code conf/application.yaml}, or the environment variables the platform maps onto it).
 * Keys are relative to the subtree and kebab-case, dotted for nesting: {@code base-url},
 * {@code timeouts.read}.
 *
 * <p>Implementations are immutable and thread-safe. Values may be secrets: a plugin must never
 * log them or put them in an exception message.
 */
public interface PluginSettings {

    /** The value of {@code key}, or empty when it is not set (a blank value counts as not set). */
    Optional<String> get(String key);

    /** The value of {@code key}, or {@code fallback} when it is not set. */
    default String get(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    /**
     * The value of a setting the plugin cannot work without.
     *
     * @throws PluginConfigurationException naming the key when it is not set
     */
    default String require(String key) {
        return get(key).orElseThrow(() -> new PluginConfigurationException(key, "is required"));
    }

    /**
     * An integer setting.
     *
     * @throws PluginConfigurationException when the value is not an integer
     */
    default int getInt(String key, int fallback) {
        Optional<String> value = get(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.get().trim());
        } catch (NumberFormatException e) {
            throw new PluginConfigurationException(key, "must be an integer");
        }
    }

    /**
     * A boolean setting ({@code true} or {@code false}).
     *
     * @throws PluginConfigurationException for any other value
     */
    default boolean getBoolean(String key, boolean fallback) {
        Optional<String> value = get(key).map(String::trim);
        if (value.isEmpty()) {
            return fallback;
        }
        return switch (value.get()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new PluginConfigurationException(key, "must be true or false");
        };
    }

    /**
     * A duration setting in ISO-8601 form ({@code PT30S}).
     *
     * @throws PluginConfigurationException when the value is not such a duration
     */
    default Duration getDuration(String key, Duration fallback) {
        Optional<String> value = get(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Duration.parse(value.get().trim());
        } catch (DateTimeParseException e) {
            throw new PluginConfigurationException(key, "must be an ISO-8601 duration such as PT30S");
        }
    }
}
