package io.promptmanager.plugins.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.promptmanager.plugin.model.ModelProvider;
import io.promptmanager.plugin.tck.ModelProviderContractTest;
import io.promptmanager.plugin.tck.Upstream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.promptmanager.plugins.openai.FakeOpenAi.json;
import static io.promptmanager.plugins.openai.FakeOpenAi.raw;
import static io.promptmanager.plugins.openai.FakeOpenAi.silence;
import static io.promptmanager.plugins.openai.FakeOpenAi.sse;

/** The platform's provider contract kit, run against the fake OpenAI-compatible server. */
class OpenAiCompatibleContractIT extends ModelProviderContractTest {

    @Override
    protected ModelProvider newProvider() {
        return new OpenAiCompatibleModelProvider();
    }

    @Override
    protected Upstream startUpstream() {
        return new OpenAiUpstream();
    }

    @Override
    protected Set<String> requiredSettings() {
        return Set.of("base-url", "models");
    }

    /** {@link FakeOpenAi} answering in OpenAI's chat-completions wire format. */
    private static final class OpenAiUpstream implements Upstream {
        private static final ObjectMapper JSON = new ObjectMapper();
        private final FakeOpenAi fake = new FakeOpenAi();

        @Override
        public Map<String, String> settings(String apiKey) {
            return Map.of("base-url", fake.baseUrl().toString(), "api-key", apiKey,
                    "models", "gpt-4o-mini=0.00000015/0.0000006, llama3.2", "read-timeout", "PT5S");
        }

        @Override
        public String model() {
            return "gpt-4o-mini";
        }

        @Override
        public void completeWith(String text, long promptTokens, long completionTokens) {
            fake.replies("/chat/completions", json(200, write(Map.of("id", "chatcmpl-tck", "object", "chat.completion",
                    "model", model(), "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                            "message", Map.of("role", "assistant", "content", text))),
                    "usage", usage(promptTokens, completionTokens)))));
        }

        @Override
        public void streamWith(List<String> deltas, long promptTokens, long completionTokens) {
            List<String> events = new ArrayList<>();
            for (String delta : deltas) {
                events.add(chunk(List.of(Map.of("index", 0, "delta", Map.of("content", delta))), null));
            }
            events.add(chunk(List.of(), usage(promptTokens, completionTokens)));
            events.add("data: [DONE]\n\n");
            fake.replies("/chat/completions", sse(events, Duration.ZERO, false));
        }

        @Override
        public void failWith(int status, String message, Duration retryAfter) {
            String body = write(Map.of("error", Map.of("message", message, "type", "tck_error")));
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

        private String chunk(List<?> choices, Map<String, Long> usage) {
            Map<String, Object> chunk = new LinkedHashMap<>(Map.of("id", "chatcmpl-tck", "object", "chat.completion.chunk",
                    "model", model(), "choices", choices));
            chunk.put("usage", usage);
            return "data: " + write(chunk) + "\n\n";
        }

        private static Map<String, Long> usage(long promptTokens, long completionTokens) {
            return Map.of("prompt_tokens", promptTokens, "completion_tokens", completionTokens,
                    "total_tokens", promptTokens + completionTokens);
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
