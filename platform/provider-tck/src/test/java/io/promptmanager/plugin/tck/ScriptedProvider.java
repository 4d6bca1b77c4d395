package io.promptmanager.plugin.tck;

import io.promptmanager.plugin.PluginSettings;
import io.promptmanager.plugin.model.CompletionRequest;
import io.promptmanager.plugin.model.CompletionResult;
import io.promptmanager.plugin.model.Credentials;
import io.promptmanager.plugin.model.KeyCheck;
import io.promptmanager.plugin.model.ModelInfo;
import io.promptmanager.plugin.model.ModelPricing;
import io.promptmanager.plugin.model.ModelProvider;
import io.promptmanager.plugin.model.ProviderException;
import io.promptmanager.plugin.model.ProviderException.Kind;
import io.promptmanager.plugin.model.StreamListener;
import io.promptmanager.plugin.model.TokenUsage;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A provider over a {@link ScriptedUpstream}, correct unless given flaws: the kit's own tests show
 * that it passes a correct provider and catches each flaw.
 */
class ScriptedProvider implements ModelProvider {
    enum Flaw {
        /** Puts the upstream's message, key included, in its exceptions. */
        LEAKS_KEY,
        /** Reports 503 as INTERNAL. */
        UNAVAILABLE_AS_INTERNAL,
        /** Gives up 3 seconds after the deadline. */
        LATE_TIMEOUT,
        /** Delivers stream deltas last first. */
        REVERSED_STREAM,
        /** Starts without its model setting. */
        NO_REQUIRED_SETTING,
        /** Lists a free model whose price is unknown. */
        FREE_MODEL_WITHOUT_PRICE,
        /** Ignores Retry-After. */
        DROPS_RETRY_AFTER
    }

    private final Set<Flaw> flaws;
    private volatile ScriptedUpstream upstream;
    private volatile String model;

    ScriptedProvider(Flaw... flaws) {
        this.flaws = Set.of(flaws);
    }

    @Override
    public String id() {
        return "scripted";
    }

    @Override
    public String displayName() {
        return "Scripted";
    }

    @Override
    public void start(PluginSettings settings) {
        upstream = ScriptedUpstream.OPEN.get(settings.require("upstream"));
        settings.require("api-key");
        model = flaws.contains(Flaw.NO_REQUIRED_SETTING) ? settings.get("model", "none") : settings.require("model");
    }

    @Override
    public List<ModelInfo> models() {
        List<ModelInfo> models = new ArrayList<>();
        models.add(new ModelInfo(model, "Echo", 4096, new ModelPricing(BigDecimal.ZERO, BigDecimal.ZERO, null), true));
        models.add(new ModelInfo("tck/priced", "Priced", 0,
                new ModelPricing(new BigDecimal("0.000001"), new BigDecimal("0.000002"), null), false));
        if (flaws.contains(Flaw.FREE_MODEL_WITHOUT_PRICE)) {
            models.add(new ModelInfo("tck/auto", "Auto", 0, new ModelPricing(null, null, null), true));
        }
        return models;
    }

    @Override
    public CompletionResult complete(CompletionRequest request) {
        return stream(request, delta -> { });
    }

    @Override
    public CompletionResult stream(CompletionRequest request, StreamListener listener) {
        ScriptedUpstream.Script script = upstream.script;
        String key = request.credentials().isUserKey() ? request.credentials().apiKey() : upstream.systemKey;
        return switch (script) {
            case ScriptedUpstream.Answer answer -> {
                List<String> deltas = new ArrayList<>(answer.deltas());
                if (flaws.contains(Flaw.REVERSED_STREAM)) {
                    deltas = deltas.reversed();
                }
                deltas.forEach(listener::onDelta);
                yield new CompletionResult(String.join("", deltas), "stop",
                        new TokenUsage(answer.promptTokens(), answer.completionTokens(), null, false, null), null, model);
            }
            case ScriptedUpstream.Failure failure -> throw failed(failure, key);
            case ScriptedUpstream.Hang hang -> throw waitPast(request.deadline());
            case ScriptedUpstream.Garbage garbage ->
                    throw new ProviderException(Kind.MALFORMED_RESPONSE, "The upstream answered garbage", true);
        };
    }

    @Override
    public KeyCheck checkKey(Credentials credentials) {
        return new KeyCheck(true, null, null, false);
    }

    private ProviderException failed(ScriptedUpstream.Failure failure, String key) {
        String said = flaws.contains(Flaw.LEAKS_KEY) ? failure.message() : failure.message().replace(key, "[redacted]");
        Duration wait = flaws.contains(Flaw.DROPS_RETRY_AFTER) ? null : failure.retryAfter();
        Kind kind = switch (failure.status()) {
            case 401 -> Kind.INVALID_CREDENTIALS;
            case 402 -> Kind.INSUFFICIENT_CREDITS;
            case 429 -> Kind.RATE_LIMITED;
            case 503 -> flaws.contains(Flaw.UNAVAILABLE_AS_INTERNAL) ? Kind.INTERNAL : Kind.UNAVAILABLE;
            default -> Kind.INTERNAL;
        };
        boolean retryable = kind == Kind.RATE_LIMITED || kind == Kind.UNAVAILABLE;
        return new ProviderException(kind, "Upstream said: " + said, retryable, wait, false, failure.status(), null);
    }

    private ProviderException waitPast(Instant deadline) {
        Instant until = flaws.contains(Flaw.LATE_TIMEOUT) ? deadline.plusSeconds(3) : deadline;
        try {
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), until).toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new ProviderException(Kind.TIMEOUT, "No answer before the deadline", true);
    }
}
