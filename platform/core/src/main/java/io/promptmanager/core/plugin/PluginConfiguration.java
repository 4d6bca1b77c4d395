package io.promptmanager.core.plugin;

import java.util.List;

/**
 * Where a plugin's configuration stands, by key only: never a value. Keys are full
 * ({@code plugins.openai-compatible.base-url}), as an operator writes them.
 *
 * @param set     the settings of its subtree that have a (non-blank) value, sorted
 * @param missing the settings it refused to start without, sorted; a plugin stops at its first
 *                problem, so the next missing one shows once this one is set
 */
public record PluginConfiguration(List<String> set, List<String> missing) {
    public static final PluginConfiguration NONE = new PluginConfiguration(List.of(), List.of());

    public PluginConfiguration {
        set = List.copyOf(set);
        missing = List.copyOf(missing);
    }
}
