package io.promptmanager.plugins.openaiwire.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.promptmanager.plugin.tck.Upstream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.promptmanager.plugins.openaiwire.testing.FakeUpstream.json;
import static io.promptmanager.plugins.openaiwire.testing.FakeUpstream.raw;
import static io.promptmanager.plugins.openaiwire.testing.FakeUpstream.silence;
import static io.promptmanager.plugins.openaiwire.testing.FakeUpstream.sse;

/**
 * The contract kit's {@link Upstream} over a {@link FakeUpstream} answering chat completions. What
 * differs between the providers speaking this format is left to the subclass: the settings, the
 * model, the usage object, the error body, what a stream sends before its first chunk.
 */
public abstract class ChatCompletionsUpstream implements Upstream {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FakeUpstream fake;
    private final String id;

    /** @param id the {@code id} of every completion and chunk, e.g. {@code gen-tck} */
    protected ChatCompletionsUpstream(FakeUpstream fake, String id) {
        this.fake = fake;
        this.id = id;
    }

    /** The fake, e.g. for its {@link FakeUpstream#baseUrl()}. */
    protected FakeUpstream fake() {
        return fake;
    }

    /** The {@code usage} object of a completion and of a stream's last chunk. */
    protected abstract Map<String, Object> usage(long promptTokens, long completionTokens);

    /** The {@code error} object of a failed request. */
    protected abstract Map<String, Object> error(int status, String message);

    /** What a stream sends before its first chunk (e.g. a keep-alive comment); nothing by default. */
    protected List<String> streamPreamble() {
        return List.of();
    }

    /** Whether a content chunk carries {@code "usage": null} (as OpenAI's do) instead of no usage at all. */
    protected boolean nullUsageOnContentChunks() {
        return false;
    }

    @Override
    public void completeWith(String text, long promptTokens, long completionTokens) {
        fake.replies("/chat/completions", json(200, write(Map.of("id", id, "object", "chat.completion",
                "model", model(), "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                        "message", Map.of("role", "assistant", "content", text))),
                "usage", usage(promptTokens, completionTokens)))));
    }

    @Override
    public void streamWith(List<String> deltas, long promptTokens, long completionTokens) {
        List<String> events = new ArrayList<>(streamPreamble());
        for (String delta : deltas) {
            events.add(chunk(List.of(Map.of("index", 0, "delta", Map.of("content", delta))), null));
        }
        events.add(chunk(List.of(), usage(promptTokens, completionTokens)));
        events.add("data: [DONE]\n\n");
        fake.replies("/chat/completions", sse(events, Duration.ZERO, false));
    }

    @Override
    public void failWith(int status, String message, Duration retryAfter) {
        String body = write(Map.of("error", error(status, message)));
        fake.replies("/chat/completions", retryAfter == null ? json(status, body)
                : json(status, body, "Retry-After", Long.toString(retryAfter.toSeconds())));
    }

    @Override
    public void hang() {
        fake.replies("/chat/completions", silence());
    }

    @Override
    public void sendGarbage() {
        fake.replies("/chat/completions", raw(200, "application/json", "<html><body>502 Bad Gateway</body></html>"));
    }

    @Override
    public void close() {
        fake.close();
    }

    private String chunk(List<?> choices, Map<String, Object> usage) {
        Map<String, Object> chunk = new LinkedHashMap<>(Map.of("id", id,
                "object", "chat.completion.chunk", "model", model(), "choices", choices));
        if (usage != null || nullUsageOnContentChunks()) {
            chunk.put("usage", usage);
        }
        return "data: " + write(chunk) + "\n\n";
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
