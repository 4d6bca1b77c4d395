package io.promptmanager.core.plugin;

import org.pf4j.ExtensionPoint;
import org.pf4j.PluginWrapper;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** What a plugin's extension classes implement, read from its class loader without initialising them. */
final class ExtensionTypes {
    private static final String API_PACKAGE = "io.promptmanager.plugin.";

    private ExtensionTypes() {
    }

    /** The extension points (interface names) the plugin's indexed extensions implement, sorted. */
    static List<String> extensionPoints(PluginWrapper plugin, Set<String> extensionClassNames) {
        Set<String> points = new TreeSet<>();
        for (String className : extensionClassNames) {
            for (Class<?> type : hierarchy(plugin, className)) {
                if (type.isInterface() && type != ExtensionPoint.class && ExtensionPoint.class.isAssignableFrom(type)) {
                    points.add(type.getName());
                }
            }
        }
        return List.copyOf(points);
    }

    /**
     * Whether the plugin carries its own copy of a plugin-API type: its extensions would then
     * not be the platform's extension points (PF4J ignores them silently). The type's name, if so.
     */
    static Optional<String> copiedApiType(PluginWrapper plugin, Set<String> extensionClassNames) {
        for (String className : extensionClassNames) {
            for (Class<?> type : hierarchy(plugin, className)) {
                if (type.getName().startsWith(API_PACKAGE) && type.getClassLoader() == plugin.getPluginClassLoader()) {
                    return Optional.of(type.getName());
                }
            }
        }
        return Optional.empty();
    }

    private static Set<Class<?>> hierarchy(PluginWrapper plugin, String className) {
        Set<Class<?>> seen = new HashSet<>();
        Class<?> start;
        try {
            start = Class.forName(className, false, plugin.getPluginClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return seen;
        }
        Deque<Class<?>> pending = new ArrayDeque<>(List.of(start));
        while (!pending.isEmpty()) {
            Class<?> type = pending.pop();
            if (seen.add(type)) {
                if (type.getSuperclass() != null) {
                    pending.push(type.getSuperclass());
                }
                pending.addAll(List.of(type.getInterfaces()));
            }
        }
        return seen;
    }
}
