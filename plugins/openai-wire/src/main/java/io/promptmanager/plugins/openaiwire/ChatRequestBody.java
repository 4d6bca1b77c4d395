package io.promptmanager.plugins.openaiwire;

import com.fasterxml.jackson.core.JsonGenerator;
import io.promptmanager.plugin.model.ChatMessage;
import io.promptmanager.plugin.model.CompletionRequest;
import io.promptmanager.plugin.model.GenerationParameters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * The body of {@code POST /chat/completions}, written field by field straight to bytes (no tree
 * in between): model, messages, the parameters that are set, stream, then what the dialect adds
 * to be told the usage.
 */
final class ChatRequestBody {
    // Most requests fit, so the buffer rarely grows.
    private static final int EXPECTED_SIZE = 1024;

    private ChatRequestBody() {
    }

    static byte[] write(CompletionRequest request, boolean stream, WireDialect dialect) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(EXPECTED_SIZE);
        try (JsonGenerator body = Json.generator(out)) {
            body.writeStartObject();
            body.writeStringField("model", request.model());
            body.writeArrayFieldStart("messages");
            for (ChatMessage message : request.messages()) {
                body.writeStartObject();
                body.writeStringField("role", message.role());
                body.writeStringField("content", message.content());
                body.writeEndObject();
            }
            body.writeEndArray();
            parameters(body, request.parameters());
            body.writeBooleanField("stream", stream);
            dialect.usage().ask(body, stream);
            body.writeEndObject();
        } catch (IOException e) {
            throw Failures.internal("Could not write the request to " + dialect.name().object(), e);
        }
        return out.toByteArray();
    }

    private static void parameters(JsonGenerator body, GenerationParameters parameters) throws IOException {
        if (parameters == null) {
            return;
        }
        decimal(body, "temperature", parameters.temperature());
        if (parameters.maxTokens() != null) {
            body.writeNumberField("max_tokens", parameters.maxTokens());
        }
        decimal(body, "top_p", parameters.topP());
        decimal(body, "frequency_penalty", parameters.frequencyPenalty());
        decimal(body, "presence_penalty", parameters.presencePenalty());
        if (parameters.stop() != null && !parameters.stop().isEmpty()) {
            body.writeArrayFieldStart("stop");
            for (String stop : parameters.stop()) {
                body.writeString(stop);
            }
            body.writeEndArray();
        }
        if (parameters.seed() != null) {
            body.writeNumberField("seed", parameters.seed());
        }
    }

    private static void decimal(JsonGenerator body, String field, BigDecimal value) throws IOException {
        if (value != null) {
            body.writeNumberField(field, value);
        }
    }
}
