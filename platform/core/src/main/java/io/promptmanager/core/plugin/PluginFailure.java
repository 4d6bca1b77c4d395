package io.promptmanager.core.plugin;

/** Why a plugin is skipped: a safe, one-line message, without a stack trace. */
final class PluginFailure extends RuntimeException {
    PluginFailure(String reason) {
        super(reason, null, false, false);
    }
}
