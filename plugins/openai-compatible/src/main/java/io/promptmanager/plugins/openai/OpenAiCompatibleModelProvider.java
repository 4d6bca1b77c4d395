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
import org.pf4j.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

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
    private static final int MAX_ANSWER_BYTES = 32 * 1024 * 1024;

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

    private record Started(OpenAiSettings settings, OpenAiHttp http) {
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
        started = new Started(settings, new OpenAiHttp(settings, clock));
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
        String key = key(running.settings(), request.credentials());
        OpenAiHttp.Answer answer = running.http().post("/chat/completions", ChatCodec.request(request, false), key,
                request.deadline(), OpenAiHttp.JSON);
        try (ResponseBody body = answer.body()) {
            return logged(request, ChatCodec.result(body.readAll(MAX_ANSWER_BYTES), key));
        }
    }

    @Override
    public CompletionResult stream(CompletionRequest request, StreamListener listener) {
        Started running = running();
        String key = key(running.settings(), request.credentials());
        OpenAiHttp.Answer answer = running.http().post("/chat/completions", ChatCodec.request(request, true), key,
                request.deadline(), OpenAiHttp.EVENT_STREAM);
        try (ResponseBody body = answer.body()) {
            if (!answer.contentType().startsWith(OpenAiHttp.EVENT_STREAM)) {
                // Not streamed after all (some servers answer in one piece).
                CompletionResult result = ChatCodec.result(body.readAll(MAX_ANSWER_BYTES), key);
                if (!result.text().isEmpty()) {
                    listener.onDelta(result.text());
                }
                return logged(request, result);
            }
            return logged(request, new ChatStream(body, listener, key).read());
        }
    }

    /** {@code GET /models} with the key: any 2xx answer means valid, 401 invalid. */
    @Override
    public KeyCheck checkKey(Credentials credentials) {
        Started running = running();
        String key = key(running.settings(), credentials);
        try {
            OpenAiHttp.Answer answer = running.http().get("/models", key, callDeadline(running.settings()));
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
