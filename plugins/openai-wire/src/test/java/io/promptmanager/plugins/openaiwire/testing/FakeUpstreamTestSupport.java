package io.promptmanager.plugins.openaiwire.testing;

import io.promptmanager.plugin.model.ChatMessage;
import io.promptmanager.plugin.model.CompletionRequest;
import io.promptmanager.plugin.model.Credentials;
import io.promptmanager.plugin.model.GenerationParameters;
import io.promptmanager.plugin.model.ModelProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link FakeUpstream} and a provider started against it, both closed after each test. A plugin's
 * tests extend it with what is theirs: the fake's flavour, the provider, the settings it needs.
 */
public abstract class FakeUpstreamTestSupport<P extends ModelProvider> {
    private final FakeUpstream.Flavour flavour;
    protected FakeUpstream fake;
    protected P provider;

    /** @param flavour the fake of the provider being tested */
    protected FakeUpstreamTestSupport(FakeUpstream.Flavour flavour) {
        this.flavour = flavour;
    }

    /** A new, not yet started provider. */
    protected abstract P newProvider();

    /** The settings every test starts with, besides {@code base-url} (the fake's). */
    protected abstract Map<String, String> defaultSettings();

    @BeforeEach
    void startFake() {
        fake = flavour.start();
    }

    @AfterEach
    void stopAll() {
        if (provider != null) {
            provider.stop();
        }
        fake.close();
    }

    /** Starts the provider on the fake with the default settings and {@code overrides} (key, value, …). */
    protected P start(String... overrides) {
        Map<String, String> settings = new HashMap<>();
        settings.put("base-url", fake.baseUrl().toString());
        settings.putAll(defaultSettings());
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            settings.put(overrides[i], overrides[i + 1]);
        }
        provider = newProvider();
        provider.start(new MapSettings(settings));
        return provider;
    }

    /** The capital-of-France question to {@code model}, due {@code timeLeft} from now. */
    protected static CompletionRequest request(String model, Credentials credentials, Duration timeLeft) {
        return new CompletionRequest(model,
                List.of(new ChatMessage("system", "You are a helpful assistant."),
                        new ChatMessage("user", "What is the capital of France?")),
                GenerationParameters.defaults(), credentials, Instant.now().plus(timeLeft), "exec-1");
    }
}
