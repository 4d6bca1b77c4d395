package io.promptmanager.core.plugin;

import java.util.List;

/** The plugins this node found at start, for administrators. Thread-safe. */
@FunctionalInterface
public interface PluginInventory {
    /** Every plugin found, sorted by id. */
    List<PluginInfo> plugins();

    /** No plugin host (tests, or a platform started without plugins). */
    static PluginInventory none() {
        return List::of;
    }
}
