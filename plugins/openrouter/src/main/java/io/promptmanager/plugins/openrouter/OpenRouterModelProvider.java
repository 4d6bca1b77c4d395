package io.promptmanager.plugins.openrouter;

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
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@link ModelProvider} {@code openrouter}: chat completions through OpenRouter
 * ({@code POST /chat/completions}, plain or streamed), its catalogue ({@code GET /models}) and key
 * checks ({@code GET /key}). Configured by {@code plugins.openrouter.*} (see {@link OpenRouterSettings}).
 * Thread-safe once started.
 */
@Extension
public final class OpenRouterModelProvider implements ModelProvider {
    private static final Logger LOG = LoggerFactory.getLogger(OpenRouterModelProvider.class);
    private static final int MAX_ANSWER_BYTES = 32 * 1024 * 1024;

    private final Clock clock;
    private final Duration backoffBase;
    private volatile Started started;

    /** The instance PF4J creates. */
    public OpenRouterModelProvider() {
        this(Clock.systemUTC(), Duration.ofMillis(500));
    }

    /** For tests: another clock, a shorter backoff between retries. */
    OpenRouterModelProvider(Clock clock, Duration backoffBase) {
        this.clock = clock;
        this.backoffBase = backoffBase;
    }

    private record Started(OpenRouterSettings settings, OpenRouterHttp http, ModelCatalogue catalogue) {
    }

    @Override
    public String id() {
        return "openrouter";
    }

    @Override
    public String displayName() {
        return "OpenRouter";
    }

    @Override
    public synchronized void start(PluginSettings pluginSettings) {
        if (started != null) {
            return;
        }
        OpenRouterSettings settings = OpenRouterSettings.from(pluginSettings);
        OpenRouterHttp http = new OpenRouterHttp(settings, clock, backoffBase);
        ModelCatalogue catalogue = new ModelCatalogue(() -> fetchModels(settings, http), settings.catalogueRefresh());
        started = new Started(settings, http, catalogue);
        catalogue.start();
        LOG.info("OpenRouter provider started: {}", settings);
    }

    @Override
    public synchronized void stop() {
        Started running = started;
        started = null;
        if (running != null) {
            running.catalogue().close();
            running.http().close();
        }
    }

    @Override
    public List<ModelInfo> models() {
        return running().catalogue().models();
    }

    @Override
    public CompletionResult complete(CompletionRequest request) {
        Started running = running();
        String key = key(running.settings(), request.credentials());
        OpenRouterHttp.Answer answer = running.http().post("/chat/completions", ChatCodec.request(request, false), key,
                request.deadline(), OpenRouterHttp.JSON);
        try (ResponseBody body = answer.body()) {
            return logged(request, ChatCodec.result(body.readAll(MAX_ANSWER_BYTES), key));
        }
    }

    @Override
    public CompletionResult stream(CompletionRequest request, StreamListener listener) {
        Started running = running();
        String key = key(running.settings(), request.credentials());
        OpenRouterHttp.Answer answer = running.http().post("/chat/completions", ChatCodec.request(request, true), key,
                request.deadline(), OpenRouterHttp.EVENT_STREAM);
        try (ResponseBody body = answer.body()) {
            if (!answer.contentType().startsWith(OpenRouterHttp.EVENT_STREAM)) {
                // Not streamed after all (an OpenRouter-compatible server may answer in one piece).
                CompletionResult result = ChatCodec.result(body.readAll(MAX_ANSWER_BYTES), key);
                if (!result.text().isEmpty()) {
                    listener.onDelta(result.text());
                }
                return logged(request, result);
            }
            return logged(request, new ChatStream(body, listener, key).read());
        }
    }

    @Override
    public KeyCheck checkKey(Credentials credentials) {
        Started running = running();
        String key = key(running.settings(), credentials);
        try {
            OpenRouterHttp.Answer answer = running.http().get("/key", key, callDeadline(running.settings()));
            try (ResponseBody body = answer.body()) {
                return CatalogueCodec.key(body.readAll(MAX_ANSWER_BYTES));
            }
        } catch (ProviderException e) {
            if (e.kind() == Kind.INVALID_CREDENTIALS && e.upstreamStatus() == 401) {
                return new KeyCheck(false, null, null, false);
            }
            throw e;
        }
    }

    private static CompletionResult logged(CompletionRequest request, CompletionResult result) {
        LOG.debug("Execution {}: OpenRouter generation {} on {}", request.requestId(), result.providerRequestId(),
                result.model());
        return result;
    }

    private List<ModelInfo> fetchModels(OpenRouterSettings settings, OpenRouterHttp http) {
        // The catalogue is public; the system key, when there is one, is sent all the same.
        OpenRouterHttp.Answer answer = http.get("/models", settings.systemKeyIfAny().orElse(null), callDeadline(settings));
        try (ResponseBody body = answer.body()) {
            return CatalogueCodec.models(body.readAll(MAX_ANSWER_BYTES));
        }
    }

    private Instant callDeadline(OpenRouterSettings settings) {
        return clock.instant().plus(settings.connectTimeout()).plus(settings.readTimeout());
    }

    private static String key(OpenRouterSettings settings, Credentials credentials) {
        if (!credentials.isUserKey()) {
            return settings.systemKeyIfAny().orElseThrow(Failures::noSystemKey);
        }
        if (!OpenRouterSettings.isSendableKey(credentials.apiKey())) {
            throw Failures.of(Kind.INVALID_CREDENTIALS, "The OpenRouter API key has characters a key cannot have", false);
        }
        return credentials.apiKey();
    }

    private Started running() {
        Started running = started;
        if (running == null) {
            throw Failures.of(Kind.INTERNAL, "The OpenRouter provider is not started", false);
        }
        return running;
    }
}
