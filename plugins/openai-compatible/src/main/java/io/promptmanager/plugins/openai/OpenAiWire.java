package io.promptmanager.plugins.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.promptmanager.plugin.model.TokenUsage;
import io.promptmanager.plugins.openaiwire.Json;
import io.promptmanager.plugins.openaiwire.ServerName;
import io.promptmanager.plugins.openaiwire.SettingNames;
import io.promptmanager.plugins.openaiwire.UsageAccounting;
import io.promptmanager.plugins.openaiwire.WireDialect;

/** OpenAI's chat-completions wire format as any compatible server speaks it. */
final class OpenAiWire {
    static final WireDialect DIALECT = new WireDialect(ServerName.common("the model server"),
            SettingNames.of("openai-compatible"), new TokensOnly(), new OpenAiErrors());

    private OpenAiWire() {
    }

    /** Usage as OpenAI reports it: tokens only, so a null cost and the platform estimates it. */
    private static final class TokensOnly implements UsageAccounting {
        /** A stream asks for its usage: the server then sends it in a last chunk with an empty {@code choices} array. */
        @Override
        public void ask(ObjectNode requestBody, boolean stream) {
            if (stream) {
                requestBody.putObject("stream_options").put("include_usage", true);
            }
        }

        @Override
        public TokenUsage read(JsonNode usage) {
            return new TokenUsage(Json.count(usage, "prompt_tokens"), Json.count(usage, "completion_tokens"), null,
                    false, null);
        }
    }
}
