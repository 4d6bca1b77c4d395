package io.promptmanager.core.plugin;

/**
 * Why a plugin is skipped: a safe, one-line message, without a stack trace; when the plugin refused
 * to start because a setting it requires is not set, that setting's key (relative to its subtree).
 */
final class PluginFailure extends RuntimeException {
    private final String missingSetting;

    PluginFailure(String reason) {
        this(reason, null);
    }

    PluginFailure(String reason, String missingSetting) {
        super(reason, null, false, false);
        this.missingSetting = missingSetting;
    }

    /** The required setting that is not set, or null when the failure is something else. */
    String missingSetting() {
        return missingSetting;
    }
}
