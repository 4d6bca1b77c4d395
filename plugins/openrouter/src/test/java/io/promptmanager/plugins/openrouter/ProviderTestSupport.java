package io.promptmanager.plugins.openrouter;

import io.promptmanager.plugin.model.ChatMessage;
import io.promptmanager.plugin.model.CompletionRequest;
import io.promptmanager.plugin.model.Credentials;
import io.promptmanager.plugin.model.GenerationParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A fake OpenRouter and a provider started against it, both closed after each test. */
abstract class ProviderTestSupport {
    static final String SYSTEM_KEY = "sk-or-v1-system0123456789abcdef0123456789abcdef";
    static final String USER_KEY = "sk-or-v1-user0123456789abcdef0123456789abcdef00";

    FakeOpenRouter fake;
    OpenRouterModelProvider provider;

    @BeforeEach
    void startFake() {
        fake = new FakeOpenRouter();
    }

    @AfterEach
    void stopAll() {
        if (provider != null) {
            provider.stop();
        }
        fake.close();
    }

    /** Starts the provider on the fake with the system key, short backoff, and {@code overrides}. */
    OpenRouterModelProvider start(String... overrides) {
        Map<String, String> settings = new HashMap<>();
        settings.put("base-url", fake.baseUrl().toString());
        settings.put("api-key", SYSTEM_KEY);
        settings.put("read-timeout", "PT5S");
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            settings.put(overrides[i], overrides[i + 1]);
        }
        provider = new OpenRouterModelProvider(Clock.systemUTC(), Duration.ofMillis(20));
        provider.start(new MapSettings(settings));
        return provider;
    }

    static CompletionRequest request(Credentials credentials) {
        return request(credentials, Duration.ofSeconds(10));
    }

    static CompletionRequest request(Credentials credentials, Duration timeLeft) {
        return new CompletionRequest("openai/gpt-4",
                List.of(new ChatMessage("system", "You are a helpful assistant."),
                        new ChatMessage("user", "What is the capital of France?")),
                GenerationParameters.defaults(), credentials, Instant.now().plus(timeLeft), "exec-1");
    }
}
