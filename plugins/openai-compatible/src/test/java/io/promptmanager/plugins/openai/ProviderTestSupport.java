package io.promptmanager.plugins.openai;

import io.promptmanager.plugin.model.CompletionRequest;
import io.promptmanager.plugin.model.Credentials;
import io.promptmanager.plugins.openaiwire.testing.FakeUpstream;
import io.promptmanager.plugins.openaiwire.testing.FakeUpstreamTestSupport;

import java.time.Duration;
import java.util.Map;

/** A fake OpenAI-compatible server and a provider started against it, both closed after each test. */
abstract class ProviderTestSupport extends FakeUpstreamTestSupport<OpenAiCompatibleModelProvider> {
    static final String SYSTEM_KEY = "sk-proj-system0123456789abcdef0123456789abcdef";
    static final String USER_KEY = "sk-proj-user0123456789abcdef0123456789abcdef00";

    /** Its documented payloads under src/test/resources/openai; {@code GET /models} answers models.json. */
    static final FakeUpstream.Flavour OPENAI = new FakeUpstream.Flavour("/v1",
            "{\"error\":{\"message\":\"Not Found\",\"type\":\"invalid_request_error\",\"code\":null}}", "/openai/");

    ProviderTestSupport() {
        super(OPENAI);
    }

    static FakeUpstream fakeOpenAi() {
        return OPENAI.start();
    }

    static String fixture(String name) {
        return OPENAI.fixture(name);
    }

    @Override
    protected OpenAiCompatibleModelProvider newProvider() {
        return new OpenAiCompatibleModelProvider();
    }

    /** The system key and two models. */
    @Override
    protected Map<String, String> defaultSettings() {
        return Map.of("api-key", SYSTEM_KEY, "read-timeout", "PT5S",
                "models", "gpt-4o-mini=0.00000015/0.0000006, llama3.2");
    }

    static CompletionRequest request(Credentials credentials) {
        return request(credentials, Duration.ofSeconds(10));
    }

    static CompletionRequest request(Credentials credentials, Duration timeLeft) {
        return request("gpt-4o-mini", credentials, timeLeft);
    }
}
