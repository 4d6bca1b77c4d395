package io.promptmanager.core.plugin;

/** Where a plugin found in the plugins folder stands. */
public enum PluginStatus {
    /** Loaded and started; its extensions are in use. */
    STARTED,
    /** Installed but switched off by {@code plugins.<id>.enabled: false}. */
    DISABLED,
    /** Its {@code Plugin-Requires} range does not contain this platform's plugin-API version. */
    INCOMPATIBLE,
    /** It could not be loaded or started; the error says why. */
    FAILED,
    /** It was started and has been stopped by the platform's shutdown. */
    STOPPED
}
