package io.promptmanager.plugins.openaiwire;

/**
 * The names of a plugin's settings as messages quote them.
 *
 * @param baseUrl        the full key, e.g. {@code plugins.openrouter.base-url}
 * @param connectTimeout the key within the plugin, e.g. {@code connect-timeout}
 * @param readTimeout    the key within the plugin, e.g. {@code read-timeout}
 */
public record SettingNames(String baseUrl, String connectTimeout, String readTimeout) {

    /** {@code plugins.<pluginId>.base-url}, {@code connect-timeout} and {@code read-timeout}. */
    public static SettingNames of(String pluginSettingsId) {
        return new SettingNames("plugins." + pluginSettingsId + ".base-url", "connect-timeout", "read-timeout");
    }
}
