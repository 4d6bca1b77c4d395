package io.promptmanager.core.plugin;

import io.promptmanager.plugin.PluginApi;
import org.pf4j.BasePluginRepository;
import org.pf4j.CompoundPluginRepository;
import org.pf4j.DefaultPluginManager;
import org.pf4j.JarPluginRepository;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.Plugin;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginFactory;
import org.pf4j.PluginRepository;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginState;
import org.pf4j.PluginStateEvent;
import org.pf4j.PluginStatusProvider;
import org.pf4j.PluginWrapper;
import org.pf4j.PropertiesPluginDescriptorFinder;

import java.io.File;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PF4J's manager with the host's policies: the system version is the plugin-API version; a plugin
 * that is incompatible or switched off in configuration is loaded but never started; and every
 * failure (unreadable zip, missing descriptor, throwing {@code Plugin.start}) is collected with
 * its reason instead of being logged by PF4J with a stack trace, so the host reports each one on
 * one line.
 */
final class HostPluginManager extends DefaultPluginManager {
    /** A plugin PF4J loaded but the host keeps from starting, and why. */
    record Skip(PluginStatus status, String reason) {
    }

    /** Something in the plugins folder that could not be loaded at all. */
    record LoadFailure(String name, String reason) {
    }

    private final PluginsConfiguration configuration;
    private final Map<String, Skip> skipped = new LinkedHashMap<>();
    private final List<LoadFailure> loadFailures = new ArrayList<>();

    HostPluginManager(Path pluginsDir, PluginsConfiguration configuration) {
        super(pluginsDir);
        this.configuration = configuration;
        setSystemVersion(PluginApi.VERSION);
        setExactVersionAllowed(false);
        setResolveRecoveryStrategy(ResolveRecoveryStrategy.IGNORE_PLUGIN_AND_CONTINUE);
    }

    Map<String, Skip> skipped() {
        return skipped;
    }

    List<LoadFailure> loadFailures() {
        return loadFailures;
    }

    @Override
    public void loadPlugins() {
        expandZips();
        for (Path path : pluginRepository.getPluginPaths()) {
            try {
                loadPluginFromPath(path);
            } catch (RuntimeException | LinkageError e) {
                loadFailures.add(new LoadFailure(path.getFileName().toString(), "cannot be loaded: " + rootMessage(e)));
            }
        }
        Set<String> loaded = new HashSet<>(plugins.keySet());
        try {
            resolvePlugins();
        } catch (RuntimeException e) {
            for (PluginWrapper unresolved : List.copyOf(unresolvedPlugins)) {
                skipped.put(unresolved.getPluginId(), new Skip(PluginStatus.FAILED,
                        "its dependencies cannot be resolved: " + rootMessage(e)));
                unresolved.setPluginState(PluginState.DISABLED);
            }
        }
        loaded.removeAll(plugins.keySet());
        loaded.forEach(id -> loadFailures.add(new LoadFailure(id,
                "a plugin it depends on (plugin.dependencies) is missing or has the wrong version")));
    }

    private void expandZips() {
        for (Path root : getPluginsRoots()) {
            PluginZips.expandAll(root, (name, reason) -> loadFailures.add(new LoadFailure(name, reason)));
        }
    }

    @Override
    protected PluginRepository createPluginRepository() {
        // Zips are expanded by expandZips; these list jars and (expanded) plugin folders.
        return new CompoundPluginRepository()
                .add(new JarPluginRepository(getPluginsRoots()))
                .add(new BasePluginRepository(getPluginsRoots(),
                        (File file) -> file.isDirectory() && !file.isHidden() && !file.getName().startsWith(".")));
    }

    @Override
    protected PluginDescriptorFinder createPluginDescriptorFinder() {
        return new QuietDescriptorFinder();
    }

    @Override
    protected PluginStatusProvider createPluginStatusProvider() {
        return new ConfiguredStatus();
    }

    @Override
    protected PluginFactory createPluginFactory() {
        return HostPluginManager::createPlugin;
    }

    @Override
    protected PluginWrapper createPluginWrapper(PluginDescriptor descriptor, Path pluginPath, ClassLoader classLoader) {
        String id = descriptor.getPluginId();
        String incompatibility = incompatibility(descriptor);
        if (incompatibility != null) {
            skipped.put(id, new Skip(PluginStatus.INCOMPATIBLE, incompatibility));
        } else if (configuration.enabledProblem(id).isPresent()) {
            skipped.put(id, new Skip(PluginStatus.FAILED, configuration.enabledProblem(id).get()));
        } else if (!configuration.enabled(id)) {
            skipped.put(id, new Skip(PluginStatus.DISABLED, "disabled by " + PluginsConfiguration.key(id, "enabled")));
        }
        return super.createPluginWrapper(descriptor, pluginPath, classLoader);
    }

    @Override
    protected boolean isPluginDisabled(String pluginId) {
        return skipped.containsKey(pluginId);
    }

    /** Checked quietly in {@link #createPluginWrapper}; PF4J would log two warnings of its own. */
    @Override
    protected boolean isPluginValid(PluginWrapper pluginWrapper) {
        return true;
    }

    private String incompatibility(PluginDescriptor descriptor) {
        String requires = descriptor.getRequires() == null ? "" : descriptor.getRequires().trim();
        if (!isExactVersionAllowed() && requires.matches("^\\d+\\.\\d+\\.\\d+$")) {
            requires = ">=" + requires;
        }
        try {
            if (getVersionManager().checkVersionConstraint(getSystemVersion(), requires)) {
                return null;
            }
            return "requires plugin API " + requires + " (Plugin-Requires) but this platform provides plugin API "
                    + PluginApi.VERSION;
        } catch (RuntimeException e) {
            return "its Plugin-Requires '" + requires + "' is not a version range such as >=0.1.0 & <1.0.0";
        }
    }

    /** PF4J's own loop, minus its stack-trace logging: a failure stays on the wrapper for the host. */
    @Override
    public void startPlugins() {
        for (PluginWrapper wrapper : List.copyOf(resolvedPlugins)) {
            PluginState before = wrapper.getPluginState();
            if (before.isDisabled() || before.isStarted()) {
                continue;
            }
            try {
                wrapper.getPlugin().start();
                wrapper.setPluginState(PluginState.STARTED);
                wrapper.setFailedException(null);
                startedPlugins.add(wrapper);
            } catch (Exception | LinkageError e) {
                wrapper.setPluginState(PluginState.FAILED);
                wrapper.setFailedException(e);
            } finally {
                firePluginStateEvent(new PluginStateEvent(this, wrapper, before));
            }
        }
    }

    private static Plugin createPlugin(PluginWrapper wrapper) {
        String className = wrapper.getDescriptor().getPluginClass();
        try {
            Class<?> pluginClass = wrapper.getPluginClassLoader().loadClass(className);
            int modifiers = pluginClass.getModifiers();
            if (!Plugin.class.isAssignableFrom(pluginClass) || Modifier.isAbstract(modifiers)
                    || Modifier.isInterface(modifiers)) {
                throw new PluginClassFailure("its Plugin-Class " + className + " is not a concrete org.pf4j.Plugin");
            }
            try {
                return (Plugin) pluginClass.getConstructor(PluginWrapper.class).newInstance(wrapper);
            } catch (NoSuchMethodException e) {
                return (Plugin) pluginClass.getConstructor().newInstance();
            }
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new PluginClassFailure("its Plugin-Class " + className + " cannot be instantiated: "
                    + Redaction.describe(root(e), List.of()));
        }
    }

    /** The plugin's own class is unusable (as opposed to its {@code start()} throwing). */
    static final class PluginClassFailure extends PluginRuntimeException {
        PluginClassFailure(String message) {
            super(message.replace("{}", "{ }"));
        }
    }

    static Throwable root(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    static String rootMessage(Throwable failure) {
        Throwable root = root(failure);
        String message = root.getMessage();
        String text = message == null || message.isBlank() ? root.getClass().getSimpleName()
                : root == failure ? message : root.getClass().getSimpleName() + ": " + message;
        return text.replaceAll("\\s+", " ").trim();
    }

    /** plugin.properties first, then a manifest with Plugin-Id; a plain message when neither is there. */
    private static final class QuietDescriptorFinder implements PluginDescriptorFinder {
        private final List<PluginDescriptorFinder> finders =
                List.of(new PropertiesPluginDescriptorFinder(), new ManifestPluginDescriptorFinder());

        @Override
        public boolean isApplicable(Path pluginPath) {
            return finders.stream().anyMatch(finder -> finder.isApplicable(pluginPath));
        }

        @Override
        public PluginDescriptor find(Path pluginPath) {
            for (PluginDescriptorFinder finder : finders) {
                try {
                    PluginDescriptor descriptor = finder.isApplicable(pluginPath) ? finder.find(pluginPath) : null;
                    if (descriptor != null && descriptor.getPluginId() != null) {
                        return descriptor;
                    }
                } catch (RuntimeException e) {
                    // try the next kind of descriptor
                }
            }
            throw new PluginRuntimeException(
                    "it has no plugin descriptor (plugin.properties with plugin.id, or a manifest with Plugin-Id)");
        }
    }

    /** Whether a plugin runs is decided by configuration, never by PF4J's enabled.txt/disabled.txt. */
    private final class ConfiguredStatus implements PluginStatusProvider {
        @Override
        public boolean isPluginDisabled(String pluginId) {
            return skipped.containsKey(pluginId);
        }

        @Override
        public void disablePlugin(String pluginId) {
            throw new UnsupportedOperationException("set plugins.<id>.enabled: false instead");
        }

        @Override
        public void enablePlugin(String pluginId) {
            throw new UnsupportedOperationException("set plugins.<id>.enabled: true instead");
        }
    }
}
