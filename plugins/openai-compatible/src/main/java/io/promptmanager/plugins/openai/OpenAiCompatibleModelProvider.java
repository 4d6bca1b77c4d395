package io.promptmanager.plugins.openai;

import io.promptmanager.plugin.PluginSettings;
import io.promptmanager.plugin.model.CompletionRequest;
import io.promptmanager.plugin.model.CompletionResult;
import io.promptmanager.plugin.model.Credentials;
import io.promptmanager.plugin.model.KeyCheck;
import io.promptmanager.plugin.model.ModelInfo;
import io.promptmanager.plugin.model.ModelProvider;
import io.promptmanager.plugin.model.ProviderException;
import io.promptmanager.plugin.model.ProviderException.Kind;
import io.promptmanager.plugin.model.StreamListener;
import io.promptmanager.plugins.openaiwire.ChatCompletions;
import io.promptmanager.plugins.openaiwire.Failures;
import io.promptmanager.plugins.openaiwire.HttpSettings;
import io.promptmanager.plugins.openaiwire.UpstreamHttp;
import org.pf4j.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@link ModelProvider} {@code openai-compatible}: chat completions ({@code POST /chat/completions},
 * plain or streamed) on any server speaking OpenAI's API, the catalogue configured in
 * {@code plugins.openai-compatible.models}, and key checks ({@code GET /models}). Configured by
 * {@code plugins.openai-compatible.*} (see {@link OpenAiSettings}). The server reports no cost: usage
 * carries a null cost and the platform estimates it from the configured prices. Thread-safe once started.
 */
@Extension
public final class OpenAiCompatibleModelProvider implements ModelProvider {
    private static final Logger LOG = LoggerFactory.getLogger(OpenAiCompatibleModelProvider.class);
    private final Clock clock;
    private volatile Started started;

    /** The instance PF4J creates. */
    public OpenAiCompatibleModelProvider() {
        this(Clock.systemUTC());
    }

    /** For tests: another clock. */
    OpenAiCompatibleModelProvider(Clock clock) {
        this.clock = clock;
    }

    private record Started(OpenAiSettings settings, UpstreamHttp http, ChatCompletions chat) {
    }

    @Override
    public String id() {
        return "openai-compatible";
    }

    @Override
    public String displayName() {
        return "OpenAI-compatible";
    }

    @Override
    public synchronized void start(PluginSettings pluginSettings) {
        if (started != null) {
            return;
        }
        OpenAiSettings settings = OpenAiSettings.from(pluginSettings);
        // One attempt per call: whether to try again is the platform's choice (ProviderException.retryable).
        UpstreamHttp http = new UpstreamHttp(
                new HttpSettings(settings.baseUrl(), settings.connectTimeout(), settings.readTimeout(), 0),
                OpenAiWire.DIALECT, Map.of(), clock, Duration.ZERO);
        started = new Started(settings, http, new ChatCompletions(http, OpenAiWire.DIALECT));
        LOG.info("OpenAI-compatible provider started: {}", settings);
    }

    @Override
    public synchronized void stop() {
        Started running = started;
        started = null;
        if (running != null) {
            running.http().close();
        }
    }

    @Override
    public List<ModelInfo> models() {
        return running().settings().models();
    }

    @Override
    public CompletionResult complete(CompletionRequest request) {
        Started running = running();
        return logged(request, running.chat().complete(request, key(running.settings(), request.credentials())));
    }

    @Override
    public CompletionResult stream(CompletionRequest request, StreamListener listener) {
        Started running = running();
        return logged(request,
                running.chat().stream(request, listener, key(running.settings(), request.credentials())));
    }

    /** {@code GET /models} with the key: any 2xx answer means valid, 401 invalid. */
    @Override
    public KeyCheck checkKey(Credentials credentials) {
        Started running = running();
        String key = key(running.settings(), credentials);
        try {
            UpstreamHttp.Answer answer = running.http().get("/models", key, callDeadline(running.settings()));
            answer.body().close();
            return new KeyCheck(true, null, null, false);
        } catch (ProviderException e) {
            if (e.kind() == Kind.INVALID_CREDENTIALS && e.upstreamStatus() == 401) {
                return new KeyCheck(false, null, null, false);
            }
            throw e;
        }
    }

    private static CompletionResult logged(CompletionRequest request, CompletionResult result) {
        LOG.debug("Execution {}: completion {} on {}", request.requestId(), result.providerRequestId(), result.model());
        return result;
    }

    private Instant callDeadline(OpenAiSettings settings) {
        return clock.instant().plus(settings.connectTimeout()).plus(settings.readTimeout());
    }

    // The system "key" may be none: local servers (Ollama, LM Studio) take requests without one.
    private static String key(OpenAiSettings settings, Credentials credentials) {
        if (!credentials.isUserKey()) {
            return settings.apiKeyIfAny().orElse(null);
        }
        if (!OpenAiSettings.isSendableKey(credentials.apiKey())) {
            throw Failures.of(Kind.INVALID_CREDENTIALS, "The API key has characters a key cannot have", false);
        }
        return credentials.apiKey();
    }

    private Started running() {
        Started running = started;
        if (running == null) {
            throw Failures.of(Kind.INTERNAL, "The OpenAI-compatible provider is not started", false);
        }
        return running;
    }
}
