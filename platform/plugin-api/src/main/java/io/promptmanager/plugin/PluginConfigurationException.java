package io.promptmanager.plugin;

/**
 * A plugin's configuration is missing or invalid. Thrown from an extension's start method; the
 * host logs the message and skips the plugin. The message names the key and never its value.
 */
public class PluginConfigurationException extends RuntimeException {
    private final String key;

    /**
     * @param key     the setting at fault, relative to the plugin's subtree
     * @param problem what is wrong with it, e.g. "is required"
     */
    public PluginConfigurationException(String key, String problem) {
        super(key + " " + problem);
        this.key = key;
    }

    /** The setting at fault, relative to the plugin's subtree. */
    public String key() {
        return key;
    }
}
