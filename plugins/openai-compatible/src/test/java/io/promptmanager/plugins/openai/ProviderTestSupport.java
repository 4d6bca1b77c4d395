package io.promptmanager.plugins.openai;

import io.promptmanager.plugin.model.ChatMessage;
import io.promptmanager.plugin.model.CompletionRequest;
import io.promptmanager.plugin.model.Credentials;
import io.promptmanager.plugin.model.GenerationParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A fake OpenAI-compatible server and a provider started against it, both closed after each test. */
abstract class ProviderTestSupport {
    static final String SYSTEM_KEY = "sk-proj-system0123456789abcdef0123456789abcdef";
    static final String USER_KEY = "sk-proj-user0123456789abcdef0123456789abcdef00";

    FakeOpenAi fake;
    OpenAiCompatibleModelProvider provider;

    @BeforeEach
    void startFake() {
        fake = new FakeOpenAi();
    }

    @AfterEach
    void stopAll() {
        if (provider != null) {
            provider.stop();
        }
        fake.close();
    }

    /** Starts the provider on the fake with the system key, two models, and {@code overrides}. */
    OpenAiCompatibleModelProvider start(String... overrides) {
        Map<String, String> settings = new HashMap<>();
        settings.put("base-url", fake.baseUrl().toString());
        settings.put("api-key", SYSTEM_KEY);
        settings.put("models", "gpt-4o-mini=0.00000015/0.0000006, llama3.2");
        settings.put("read-timeout", "PT5S");
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            settings.put(overrides[i], overrides[i + 1]);
        }
        provider = new OpenAiCompatibleModelProvider();
        provider.start(new MapSettings(settings));
        return provider;
    }

    static CompletionRequest request(Credentials credentials) {
        return request(credentials, Duration.ofSeconds(10));
    }

    static CompletionRequest request(Credentials credentials, Duration timeLeft) {
        return new CompletionRequest("gpt-4o-mini",
                List.of(new ChatMessage("system", "You are a helpful assistant."),
                        new ChatMessage("user", "What is the capital of France?")),
                GenerationParameters.defaults(), credentials, Instant.now().plus(timeLeft), "exec-1");
    }
}
