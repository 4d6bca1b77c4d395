package io.promptmanager.plugins.openrouter;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.promptmanager.plugin.model.ModelProvider;
import io.promptmanager.plugin.tck.ModelProviderContractTest;
import io.promptmanager.plugin.tck.Upstream;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.promptmanager.plugins.openrouter.FakeOpenRouter.json;
import static io.promptmanager.plugins.openrouter.FakeOpenRouter.raw;
import static io.promptmanager.plugins.openrouter.FakeOpenRouter.silence;
import static io.promptmanager.plugins.openrouter.FakeOpenRouter.sse;

/**
 * The platform's provider contract kit, run against the fake OpenRouter (its documented catalogue
 * at {@code GET /models}). No setting is required: the key and the base URL have defaults.
 */
class OpenRouterContractIT extends ModelProviderContractTest {

    @Override
    protected ModelProvider newProvider() {
        // retries (of 503s) pause 20 ms instead of 500 ms
        return new OpenRouterModelProvider(Clock.systemUTC(), Duration.ofMillis(20));
    }

    @Override
    protected Upstream startUpstream() {
        return new OpenRouterUpstream();
    }

    /** {@link FakeOpenRouter} answering in OpenRouter's wire format. */
    private static final class OpenRouterUpstream implements Upstream {
        private static final ObjectMapper JSON = new ObjectMapper();
        private final FakeOpenRouter fake = new FakeOpenRouter();

        @Override
        public Map<String, String> settings(String apiKey) {
            return Map.of("base-url", fake.baseUrl().toString(), "api-key", apiKey, "read-timeout", "PT5S");
        }

        @Override
        public String model() {
            return "openai/gpt-4";
        }

        @Override
        public void completeWith(String text, long promptTokens, long completionTokens) {
            fake.replies("/chat/completions", json(200, write(Map.of("id", "gen-tck", "object", "chat.completion",
                    "model", model(), "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                            "message", Map.of("role", "assistant", "content", text))),
                    "usage", usage(promptTokens, completionTokens)))));
        }

        @Override
        public void streamWith(List<String> deltas, long promptTokens, long completionTokens) {
            List<String> events = new ArrayList<>(List.of(": OPENROUTER PROCESSING\n\n"));
            for (String delta : deltas) {
                events.add(chunk(Map.of("choices", List.of(Map.of("index", 0, "delta", Map.of("content", delta))))));
            }
            events.add(chunk(Map.of("choices", List.of(), "usage", usage(promptTokens, completionTokens))));
            events.add("data: [DONE]\n\n");
            fake.replies("/chat/completions", sse(events, Duration.ZERO, false));
        }

        @Override
        public void failWith(int status, String message, Duration retryAfter) {
            String body = write(Map.of("error", Map.of("code", status, "message", message)));
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

        private String chunk(Map<String, Object> fields) {
            Map<String, Object> chunk = new LinkedHashMap<>(Map.of("id", "gen-tck",
                    "object", "chat.completion.chunk", "model", model()));
            chunk.putAll(fields);
            return "data: " + write(chunk) + "\n\n";
        }

        private static Map<String, Object> usage(long promptTokens, long completionTokens) {
            return Map.of("prompt_tokens", promptTokens, "completion_tokens", completionTokens,
                    "total_tokens", promptTokens + completionTokens, "cost", 0.0000045, "is_byok", false);
        }

        private static String write(Object value) {
            try {
                return JSON.writeValueAsString(value);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
