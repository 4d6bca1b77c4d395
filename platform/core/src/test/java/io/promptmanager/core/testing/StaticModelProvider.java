package io.promptmanager.core.testing;

import io.promptmanager.plugin.PluginSettings;
import io.promptmanager.plugin.model.CompletionRequest;
import io.promptmanager.plugin.model.CompletionResult;
import io.promptmanager.plugin.model.Credentials;
import io.promptmanager.plugin.model.KeyCheck;
import io.promptmanager.plugin.model.ModelInfo;
import io.promptmanager.plugin.model.ModelPricing;
import io.promptmanager.plugin.model.ModelProvider;
import io.promptmanager.plugin.model.StreamListener;
import io.promptmanager.plugin.model.TokenUsage;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process model provider with a fixed catalogue, for tests of what core and the API do
 * with a catalogue. Its completions echo the last message and cost nothing; it counts how often
 * its catalogue is read.
 */
public class StaticModelProvider implements ModelProvider {
    private final String id;
    private final List<ModelInfo> models;
    private final AtomicInteger catalogueReads = new AtomicInteger();

    public StaticModelProvider(String id, List<ModelInfo> models) {
        this.id = id;
        this.models = List.copyOf(models);
    }

    /** A free model: prices zero. */
    public static ModelInfo free(String id) {
        return new ModelInfo(id, "Free " + id, 8192, new ModelPricing(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO), true);
    }

    /** A paid model with these USD prices per prompt and completion token (decimal strings). */
    public static ModelInfo premium(String id, String promptPrice, String completionPrice) {
        return new ModelInfo(id, "Premium " + id, 128_000,
                new ModelPricing(new BigDecimal(promptPrice), new BigDecimal(completionPrice), BigDecimal.ZERO), false);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String displayName() {
        return "Static " + id;
    }

    @Override
    public void start(PluginSettings settings) {
    }

    @Override
    public List<ModelInfo> models() {
        catalogueReads.incrementAndGet();
        return models;
    }

    public int catalogueReads() {
        return catalogueReads.get();
    }

    @Override
    public CompletionResult complete(CompletionRequest request) {
        String text = request.messages().getLast().content();
        return new CompletionResult(text, "stop", new TokenUsage(1, 1, BigDecimal.ZERO, false, null), "static-1", request.model());
    }

    @Override
    public CompletionResult stream(CompletionRequest request, StreamListener listener) {
        CompletionResult result = complete(request);
        listener.onDelta(result.text());
        return result;
    }

    @Override
    public KeyCheck checkKey(Credentials credentials) {
        return new KeyCheck(true, "static key", null, false);
    }
}
