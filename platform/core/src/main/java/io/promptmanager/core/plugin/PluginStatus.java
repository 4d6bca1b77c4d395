package io.promptmanager.core.plugin;

/** Where a plugin found in the plugins folder stands. */
public enum PluginStatus {
    /** Loaded and started; its extensions are in use. */
    STARTED,
    /** Installed but switched off by {@code plugins.<id>.enabled: false}. */
    DISABLED,
    /**
     * Installed, but nothing of its subtree {@code plugins.<id>.*} is set and it refuses to start
     * without a setting: it stays off until configured. (Once any of its settings is set, a missing
     * one makes it FAILED instead.)
     */
    NOT_CONFIGURED,
    /** Its {@code Plugin-Requires} range does not contain this platform's plugin-API version. */
    INCOMPATIBLE,
    /** It could not be loaded or started; the error says why. */
    FAILED,
    /** It was started and has been stopped by the platform's shutdown. */
    STOPPED
}
