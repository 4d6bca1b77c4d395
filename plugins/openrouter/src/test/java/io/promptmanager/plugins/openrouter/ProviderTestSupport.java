package io.promptmanager.plugins.openrouter;

import io.promptmanager.plugin.model.CompletionRequest;
import io.promptmanager.plugin.model.Credentials;
import io.promptmanager.plugins.openaiwire.testing.FakeUpstream;
import io.promptmanager.plugins.openaiwire.testing.FakeUpstreamTestSupport;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** A fake OpenRouter and a provider started against it, both closed after each test. */
abstract class ProviderTestSupport extends FakeUpstreamTestSupport<OpenRouterModelProvider> {
    static final String SYSTEM_KEY = "sk-or-v1-system0123456789abcdef0123456789abcdef";
    static final String USER_KEY = "sk-or-v1-user0123456789abcdef0123456789abcdef00";

    /** Its documented payloads under src/test/resources/openrouter; {@code GET /models} answers models.json. */
    static final FakeUpstream.Flavour OPENROUTER = new FakeUpstream.Flavour("/api/v1",
            "{\"error\":{\"code\":404,\"message\":\"Not Found\"}}", "/openrouter/");

    ProviderTestSupport() {
        super(OPENROUTER);
    }

    static FakeUpstream fakeOpenRouter() {
        return OPENROUTER.start();
    }

    static String fixture(String name) {
        return OPENROUTER.fixture(name);
    }

    /** The provider with a short backoff. */
    @Override
    protected OpenRouterModelProvider newProvider() {
        return new OpenRouterModelProvider(Clock.systemUTC(), Duration.ofMillis(20));
    }

    @Override
    protected Map<String, String> defaultSettings() {
        return Map.of("api-key", SYSTEM_KEY, "read-timeout", "PT5S");
    }

    static CompletionRequest request(Credentials credentials) {
        return request(credentials, Duration.ofSeconds(10));
    }

    static CompletionRequest request(Credentials credentials, Duration timeLeft) {
        return request("openai/gpt-4", credentials, timeLeft);
    }
}
