package io.promptmanager.plugin;

/**
 * The plugin API of Prompt Manager: the extension points a plugin may implement and the value
 * types they exchange with the platform.
 *
 * <p>A plugin declares the API versions it works with in its manifest ({@code Plugin-Requires},
 * a semantic-version range such as {@code >=0.1.0 & <1.0.0}); the host refuses a plugin whose
 * range does not contain {@link #VERSION}.
 */
public final class PluginApi {
    /** The version of this plugin API, matched against each plugin's {@code Plugin-Requires}. */
    public static final String VERSION = "0.1.0";

    private PluginApi() {
    }
}
