package io.promptmanager.core.plugin;

import io.promptmanager.plugin.PluginApi;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loads PF4J plugins from the plugins folder and keeps a failing plugin from taking the
 * platform down: a plugin that cannot load or start is reported with its reason and skipped.
 * The platform version PF4J checks {@code Plugin-Requires} against is the plugin-API version.
 */
public final class PluginHost implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PluginHost.class.getName());

    private final PluginManager manager;

    private PluginHost(PluginManager manager) {
        this.manager = manager;
    }

    /** Loads and starts every plugin in {@code pluginsDir} (created when missing). */
    public static PluginHost start(Path pluginsDir) {
        try {
            Files.createDirectories(pluginsDir);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the plugins folder " + pluginsDir + ": " + e.getMessage(), e);
        }
        DefaultPluginManager manager = new DefaultPluginManager(pluginsDir);
        manager.setSystemVersion(PluginApi.VERSION);
        manager.setExactVersionAllowed(false);
        manager.loadPlugins();
        manager.startPlugins();
        PluginHost host = new PluginHost(manager);
        host.logStates(pluginsDir);
        return host;
    }

    /** Every plugin found, with its state and the reason of a failure. */
    public List<PluginInfo> plugins() {
        return manager.getPlugins().stream().map(PluginHost::info).toList();
    }

    /** The extensions of one extension point that started plugins provide. */
    public <T> List<T> extensions(Class<T> extensionPoint) {
        return manager.getExtensions(extensionPoint);
    }

    private void logStates(Path pluginsDir) {
        List<PluginInfo> plugins = plugins();
        LOG.info(() -> "Plugin host ready: " + plugins.size() + " plugin(s) in " + pluginsDir);
        for (PluginInfo plugin : plugins) {
            if (plugin.error() == null) {
                LOG.info(() -> "Plugin " + plugin.id() + " " + plugin.version() + ": " + plugin.state());
            } else {
                LOG.warning(() -> "Plugin " + plugin.id() + " " + plugin.version() + " skipped: " + plugin.error());
            }
        }
    }

    private static PluginInfo info(PluginWrapper wrapper) {
        Throwable failure = wrapper.getFailedException();
        String error = failure != null ? String.valueOf(failure.getMessage())
                : wrapper.getPluginState() == PluginState.RESOLVED ? "not started" : null;
        if (wrapper.getPluginState() == PluginState.STARTED) {
            error = null;
        }
        return new PluginInfo(wrapper.getPluginId(), wrapper.getDescriptor().getVersion(),
                wrapper.getPluginState().toString(), error);
    }

    @Override
    public void close() {
        try {
            manager.stopPlugins();
            manager.unloadPlugins();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A plugin did not stop cleanly", e);
        }
    }
}
