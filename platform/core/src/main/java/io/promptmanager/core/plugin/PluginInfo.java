package io.promptmanager.core.plugin;

/** A plugin found in the plugins folder: its id, version, state and, if it failed, why. */
public record PluginInfo(String id, String version, String state, String error) {
}
