package io.promptmanager.plugins.openrouter;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.promptmanager.plugin.model.TokenUsage;
import io.promptmanager.plugins.openaiwire.Json;
import io.promptmanager.plugins.openaiwire.UsageAccounting;

import java.io.IOException;

/** OpenRouter's usage accounting: tokens, the exact cost in USD, whether a user's own key paid. */
final class OpenRouterUsage implements UsageAccounting {

    /**
     * Asked for explicitly ({@code usage.include}); OpenRouter now always reports it, and
     * OpenRouter-compatible servers may still need the flag.
     */
    @Override
    public void ask(JsonGenerator requestBody, boolean stream) throws IOException {
        requestBody.writeObjectFieldStart("usage");
        requestBody.writeBooleanField("include", true);
        requestBody.writeEndObject();
    }

    /** {@code usage}: tokens, {@code cost} (USD, exact), {@code is_byok}, upstream inference cost. */
    @Override
    public TokenUsage read(JsonNode usage) {
        JsonNode byok = usage.get("is_byok");
        return new TokenUsage(Json.count(usage, "prompt_tokens"), Json.count(usage, "completion_tokens"),
                Json.decimal(usage, "cost"), byok != null && byok.asBoolean(false),
                Json.decimal(Json.objectAt(usage, "cost_details"), "upstream_inference_cost"));
    }
}
