package io.promptmanager.core.plugin;

import io.promptmanager.core.user.Actor;

import java.util.List;

/** What administrators may learn about the installed plugins. */
public final class PluginService {
    private final PluginInventory inventory;

    public PluginService(PluginInventory inventory) {
        this.inventory = inventory;
    }

    /** Every plugin with its version, status, extension points and error; administrators only. */
    public List<PluginInfo> list(Actor admin) {
        admin.requireAdmin();
        return inventory.plugins();
    }
}
