package io.promptmanager.plugins.openrouter;

import io.promptmanager.plugins.openaiwire.ServerName;
import io.promptmanager.plugins.openaiwire.SettingNames;
import io.promptmanager.plugins.openaiwire.WireDialect;

/** OpenRouter's dialect of the OpenAI chat-completions wire format. */
final class OpenRouterWire {
    static final ServerName NAME = ServerName.proper("OpenRouter");
    static final WireDialect DIALECT = new WireDialect(NAME, SettingNames.of("openrouter"), new OpenRouterUsage(),
            new OpenRouterErrors());

    private OpenRouterWire() {
    }
}
