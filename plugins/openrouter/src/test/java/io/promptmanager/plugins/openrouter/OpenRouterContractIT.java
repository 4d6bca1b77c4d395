package io.promptmanager.plugins.openrouter;

import io.promptmanager.plugin.model.ModelProvider;
import io.promptmanager.plugin.tck.ModelProviderContractTest;
import io.promptmanager.plugin.tck.Upstream;
import io.promptmanager.plugins.openaiwire.testing.ChatCompletionsUpstream;
import io.promptmanager.plugins.openaiwire.testing.FakeUpstream;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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

    /** {@link FakeUpstream} answering in OpenRouter's wire format. */
    private static final class OpenRouterUpstream extends ChatCompletionsUpstream {
        OpenRouterUpstream() {
            super(ProviderTestSupport.fakeOpenRouter(), "gen-tck");
        }

        @Override
        public Map<String, String> settings(String apiKey) {
            return Map.of("base-url", fake().baseUrl().toString(), "api-key", apiKey, "read-timeout", "PT5S");
        }

        @Override
        public String model() {
            return "openai/gpt-4";
        }

        @Override
        protected Map<String, Object> usage(long promptTokens, long completionTokens) {
            return Map.of("prompt_tokens", promptTokens, "completion_tokens", completionTokens,
                    "total_tokens", promptTokens + completionTokens, "cost", 0.0000045, "is_byok", false);
        }

        @Override
        protected Map<String, Object> error(int status, String message) {
            return Map.of("code", status, "message", message);
        }

        @Override
        protected List<String> streamPreamble() {
            return List.of(": OPENROUTER PROCESSING\n\n");
        }
    }
}
