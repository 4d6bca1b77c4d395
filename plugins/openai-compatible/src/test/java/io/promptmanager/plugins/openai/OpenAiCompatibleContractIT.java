package io.promptmanager.plugins.openai;

import io.promptmanager.plugin.model.ModelProvider;
import io.promptmanager.plugin.tck.ModelProviderContractTest;
import io.promptmanager.plugin.tck.Upstream;
import io.promptmanager.plugins.openaiwire.testing.ChatCompletionsUpstream;
import io.promptmanager.plugins.openaiwire.testing.FakeUpstream;

import java.util.Map;
import java.util.Set;

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

    /** {@link FakeUpstream} answering in OpenAI's chat-completions wire format. */
    private static final class OpenAiUpstream extends ChatCompletionsUpstream {
        OpenAiUpstream() {
            super(ProviderTestSupport.fakeOpenAi(), "chatcmpl-tck");
        }

        @Override
        public Map<String, String> settings(String apiKey) {
            return Map.of("base-url", fake().baseUrl().toString(), "api-key", apiKey,
                    "models", "gpt-4o-mini=0.00000015/0.0000006, llama3.2", "read-timeout", "PT5S");
        }

        @Override
        public String model() {
            return "gpt-4o-mini";
        }

        @Override
        protected Map<String, Object> usage(long promptTokens, long completionTokens) {
            return Map.of("prompt_tokens", promptTokens, "completion_tokens", completionTokens,
                    "total_tokens", promptTokens + completionTokens);
        }

        @Override
        protected Map<String, Object> error(int status, String message) {
            return Map.of("message", message, "type", "tck_error");
        }

        @Override
        protected boolean nullUsageOnContentChunks() {
            return true;
        }
    }
}
