package io.promptmanager.plugins.openai;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.promptmanager.plugin.model.TokenUsage;
import io.promptmanager.plugins.openaiwire.Json;
import io.promptmanager.plugins.openaiwire.ServerName;
import io.promptmanager.plugins.openaiwire.SettingNames;
import io.promptmanager.plugins.openaiwire.UsageAccounting;
import io.promptmanager.plugins.openaiwire.WireDialect;

import java.io.IOException;

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
        public void ask(JsonGenerator requestBody, boolean stream) throws IOException {
            if (stream) {
                requestBody.writeObjectFieldStart("stream_options");
                requestBody.writeBooleanField("include_usage", true);
                requestBody.writeEndObject();
            }
        }

        @Override
        public TokenUsage read(JsonNode usage) {
            return new TokenUsage(Json.count(usage, "prompt_tokens"), Json.count(usage, "completion_tokens"), null,
                    false, null);
        }
    }
}
