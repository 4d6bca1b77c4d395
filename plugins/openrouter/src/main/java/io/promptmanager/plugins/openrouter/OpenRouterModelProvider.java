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
import io.promptmanager.plugins.openaiwire.ChatCompletions;
import io.promptmanager.plugins.openaiwire.Failures;
import io.promptmanager.plugins.openaiwire.HttpSettings;
import io.promptmanager.plugins.openaiwire.ResponseBody;
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
 * {@link ModelProvider} {@code openrouter}: chat completions through OpenRouter
 * ({@code POST /chat/completions}, plain or streamed), its catalogue ({@code GET /models}) and key
 * checks ({@code GET /key}). Configured by {@code plugins.openrouter.*} (see {@link OpenRouterSettings}).
 * Thread-safe once started.
 */
@Extension
public final class OpenRouterModelProvider implements ModelProvider {
    private static final Logger LOG = LoggerFactory.getLogger(OpenRouterModelProvider.class);
    static final String NO_SYSTEM_KEY = "No system OpenRouter key configured";

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

    private record Started(OpenRouterSettings settings, UpstreamHttp http, ChatCompletions chat,
                           ModelCatalogue catalogue) {
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
        UpstreamHttp http = new UpstreamHttp(
                new HttpSettings(settings.baseUrl(), settings.connectTimeout(), settings.readTimeout(), settings.maxRetries()),
                OpenRouterWire.DIALECT, attribution(settings), clock, backoffBase);
        ModelCatalogue catalogue = new ModelCatalogue(() -> fetchModels(settings, http), settings.catalogueRefresh());
        started = new Started(settings, http, new ChatCompletions(http, OpenRouterWire.DIALECT), catalogue);
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
        return logged(request, running.chat().complete(request, key(running.settings(), request.credentials())));
    }

    @Override
    public CompletionResult stream(CompletionRequest request, StreamListener listener) {
        Started running = running();
        return logged(request,
                running.chat().stream(request, listener, key(running.settings(), request.credentials())));
    }

    @Override
    public KeyCheck checkKey(Credentials credentials) {
        Started running = running();
        String key = key(running.settings(), credentials);
        try {
            UpstreamHttp.Answer answer = running.http().get("/key", key, callDeadline(running.settings()));
            try (ResponseBody body = answer.body()) {
                return CatalogueCodec.key(body.readAll(ChatCompletions.MAX_ANSWER_BYTES));
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

    private List<ModelInfo> fetchModels(OpenRouterSettings settings, UpstreamHttp http) {
        // The catalogue is public; the system key, when there is one, is sent all the same.
        UpstreamHttp.Answer answer = http.get("/models", settings.systemKeyIfAny().orElse(null), callDeadline(settings));
        try (ResponseBody body = answer.body()) {
            return CatalogueCodec.models(body.readAll(ChatCompletions.MAX_ANSWER_BYTES));
        }
    }

    // OpenRouter's app attribution.
    private static Map<String, String> attribution(OpenRouterSettings settings) {
        return Map.of("HTTP-Referer", settings.appUrl(), "X-Title", settings.appTitle(),
                "X-OpenRouter-Title", settings.appTitle());
    }

    private Instant callDeadline(OpenRouterSettings settings) {
        return clock.instant().plus(settings.connectTimeout()).plus(settings.readTimeout());
    }

    private static String key(OpenRouterSettings settings, Credentials credentials) {
        if (!credentials.isUserKey()) {
            return settings.systemKeyIfAny().orElseThrow(
                    () -> Failures.of(Kind.INVALID_CREDENTIALS, NO_SYSTEM_KEY, false));
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
