package io.promptmanager.plugins.openaiwire;

import com.fasterxml.jackson.databind.JsonNode;
import io.promptmanager.plugin.model.CompletionRequest;
import io.promptmanager.plugin.model.CompletionResult;
import io.promptmanager.plugin.model.TokenUsage;

/** The JSON of {@code POST /chat/completions}: the request, a whole answer, one streamed chunk. Thread-safe. */
public final class ChatCodec {
    /** Usage when the server reported none: no tokens known, no cost (the platform estimates). */
    public static final TokenUsage NO_USAGE = new TokenUsage(0, 0, null, false, null);

    private final WireDialect dialect;

    public ChatCodec(WireDialect dialect) {
        this.dialect = dialect;
    }

    /** The request body, asking for usage as the dialect does. */
    public byte[] request(CompletionRequest request, boolean stream) {
        return ChatRequestBody.write(request, stream, dialect);
    }

    /**
     * A whole (non-streamed) answer.
     *
     * @throws io.promptmanager.plugin.model.ProviderException MALFORMED_RESPONSE when it is not a chat
     *         completion; the mapped failure when it carries an {@code error}
     */
    public CompletionResult result(byte[] body, String keyInUse) {
        return CompletionReader.read(body, dialect, keyInUse);
    }

    /**
     * One {@code data:} payload of a stream.
     *
     * @throws io.promptmanager.plugin.model.ProviderException MALFORMED_RESPONSE when it is not JSON
     */
    Chunk chunk(String data) {
        JsonNode root = Json.parse(data, dialect.name());
        if (!root.isObject()) {
            throw Json.malformed(dialect.name());
        }
        JsonNode choices = root.get("choices");
        JsonNode choice = choices != null && choices.isArray() && !choices.isEmpty() ? choices.get(0) : null;
        JsonNode delta = Json.objectAt(choice, "delta");
        JsonNode usage = Json.objectAt(root, "usage");
        return new Chunk(Json.text(root, "id"), Json.text(root, "model"), Json.text(delta, "content"),
                Json.text(choice, "finish_reason"), usage == null ? null : dialect.usage().read(usage),
                Json.objectAt(root, "error"));
    }

    /**
     * One streamed chunk.
     *
     * @param content      text to append; null or empty when none
     * @param finishReason set on the last content chunk ({@code error} on a mid-stream failure)
     * @param usage        set on the chunk carrying the final usage, else null
     * @param error        the in-band error object, else null
     */
    record Chunk(String id, String model, String content, String finishReason, TokenUsage usage, JsonNode error) {
    }
}
