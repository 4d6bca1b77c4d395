package io.promptmanager.plugins.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.promptmanager.plugin.model.ChatMessage;
import io.promptmanager.plugin.model.CompletionRequest;
import io.promptmanager.plugin.model.CompletionResult;
import io.promptmanager.plugin.model.GenerationParameters;
import io.promptmanager.plugin.model.TokenUsage;

/** The JSON of {@code POST /chat/completions}: the request, a whole answer, one streamed chunk. */
final class ChatCodec {
    /** Usage when the server reported none: no tokens known, no cost (the platform estimates). */
    static final TokenUsage NO_USAGE = new TokenUsage(0, 0, null, false, null);

    private ChatCodec() {
    }

    /**
     * The request body. A stream asks for its usage ({@code stream_options.include_usage}): the
     * server then sends it in a last chunk with an empty {@code choices} array.
     */
    static byte[] request(CompletionRequest request, boolean stream) {
        ObjectNode body = Json.object();
        body.put("model", request.model());
        ArrayNode messages = body.putArray("messages");
        for (ChatMessage message : request.messages()) {
            messages.addObject().put("role", message.role()).put("content", message.content());
        }
        parameters(body, request.parameters());
        body.put("stream", stream);
        if (stream) {
            body.putObject("stream_options").put("include_usage", true);
        }
        return Json.bytes(body);
    }

    /**
     * A whole (non-streamed) answer.
     *
     * @throws io.promptmanager.plugin.model.ProviderException MALFORMED_RESPONSE when it is not a chat
     *         completion; the mapped failure when it carries an {@code error}
     */
    static CompletionResult result(byte[] body, String keyInUse) {
        JsonNode root = Json.parse(body);
        JsonNode error = Json.objectAt(root, "error");
        if (error != null) {
            throw UpstreamErrors.inBand(error, false, false, keyInUse);
        }
        JsonNode choices = root.get("choices");
        if (choices == null || !choices.isArray()) {
            throw Json.malformed();
        }
        JsonNode choice = choices.isEmpty() ? null : choices.get(0);
        JsonNode message = Json.objectAt(choice, "message");
        String text = Json.text(message, "content");
        return new CompletionResult(text == null ? "" : text, Json.text(choice, "finish_reason"), usage(root),
                Json.text(root, "id"), Json.text(root, "model"));
    }

    /**
     * One {@code data:} payload of a stream.
     *
     * @throws io.promptmanager.plugin.model.ProviderException MALFORMED_RESPONSE when it is not JSON
     */
    static Chunk chunk(String data) {
        JsonNode root = Json.parse(data);
        if (!root.isObject()) {
            throw Json.malformed();
        }
        JsonNode choices = root.get("choices");
        JsonNode choice = choices != null && choices.isArray() && !choices.isEmpty() ? choices.get(0) : null;
        JsonNode delta = Json.objectAt(choice, "delta");
        JsonNode usage = Json.objectAt(root, "usage");
        return new Chunk(Json.text(root, "id"), Json.text(root, "model"), Json.text(delta, "content"),
                Json.text(choice, "finish_reason"), usage == null ? null : usage(root), Json.objectAt(root, "error"));
    }

    /**
     * One streamed chunk.
     *
     * @param content      text to append; null or empty when none
     * @param finishReason set on the last content chunk
     * @param usage        set on the chunk carrying the final usage, else null
     * @param error        the in-band error object, else null
     */
    record Chunk(String id, String model, String content, String finishReason, TokenUsage usage, JsonNode error) {
    }

    /** {@code usage}: tokens only. The server reports no cost: null, so the platform estimates it. */
    static TokenUsage usage(JsonNode root) {
        JsonNode usage = Json.objectAt(root, "usage");
        if (usage == null) {
            return NO_USAGE;
        }
        return new TokenUsage(Json.count(usage, "prompt_tokens"), Json.count(usage, "completion_tokens"), null,
                false, null);
    }

    private static void parameters(ObjectNode body, GenerationParameters parameters) {
        if (parameters == null) {
            return;
        }
        if (parameters.temperature() != null) {
            body.put("temperature", parameters.temperature());
        }
        if (parameters.maxTokens() != null) {
            body.put("max_tokens", parameters.maxTokens());
        }
        if (parameters.topP() != null) {
            body.put("top_p", parameters.topP());
        }
        if (parameters.frequencyPenalty() != null) {
            body.put("frequency_penalty", parameters.frequencyPenalty());
        }
        if (parameters.presencePenalty() != null) {
            body.put("presence_penalty", parameters.presencePenalty());
        }
        if (parameters.stop() != null && !parameters.stop().isEmpty()) {
            ArrayNode stop = body.putArray("stop");
            parameters.stop().forEach(stop::add);
        }
        if (parameters.seed() != null) {
            body.put("seed", parameters.seed());
        }
    }
}
