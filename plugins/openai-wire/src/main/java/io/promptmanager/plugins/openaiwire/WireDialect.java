package io.promptmanager.plugins.openaiwire;

/**
 * What sets one server speaking OpenAI's chat-completions API apart from another: its name in
 * messages, the setting names messages quote, how it reports usage and how its errors map.
 */
public record WireDialect(ServerName name, SettingNames settings, UsageAccounting usage, ErrorMapping errors) {
}
