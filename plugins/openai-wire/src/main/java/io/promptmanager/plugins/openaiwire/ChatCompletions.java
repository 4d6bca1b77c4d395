package io.promptmanager.plugins.openaiwire;

import io.promptmanager.plugin.model.CompletionRequest;
import io.promptmanager.plugin.model.CompletionResult;
import io.promptmanager.plugin.model.StreamListener;

/**
 * {@code POST /chat/completions}, plain or streamed, over one {@link UpstreamHttp}. Thread-safe.
 */
public final class ChatCompletions {
    /** The largest whole answer read. */
    public static final int MAX_ANSWER_BYTES = 32 * 1024 * 1024;
    private static final String PATH = "/chat/completions";

    private final UpstreamHttp http;
    private final WireDialect dialect;
    private final ChatCodec codec;

    public ChatCompletions(UpstreamHttp http, WireDialect dialect) {
        this.http = http;
        this.dialect = dialect;
        this.codec = new ChatCodec(dialect);
    }

    /** The whole answer to {@code request}, sent with {@code key} (null: no Authorization). */
    public CompletionResult complete(CompletionRequest request, String key) {
        UpstreamHttp.Answer answer = http.post(PATH, codec.request(request, false), key, request.deadline(),
                UpstreamHttp.JSON);
        try (ResponseBody body = answer.body()) {
            return codec.result(body.readAll(MAX_ANSWER_BYTES), key);
        }
    }

    /** The streamed answer to {@code request}, each piece of text handed to {@code listener} as it arrives. */
    public CompletionResult stream(CompletionRequest request, StreamListener listener, String key) {
        UpstreamHttp.Answer answer = http.post(PATH, codec.request(request, true), key, request.deadline(),
                UpstreamHttp.EVENT_STREAM);
        try (ResponseBody body = answer.body()) {
            if (!answer.contentType().startsWith(UpstreamHttp.EVENT_STREAM)) {
                // Not streamed after all (some servers answer in one piece).
                CompletionResult result = codec.result(body.readAll(MAX_ANSWER_BYTES), key);
                if (!result.text().isEmpty()) {
                    listener.onDelta(result.text());
                }
                return result;
            }
            return new ChatStream(body, codec, dialect, listener, key).read();
        }
    }
}
