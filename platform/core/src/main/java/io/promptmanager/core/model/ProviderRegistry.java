package io.promptmanager.core.model;

import io.promptmanager.core.plugin.ContextClassLoader;
import io.promptmanager.core.plugin.Redaction;
import io.promptmanager.plugin.model.CompletionRequest;
import io.promptmanager.plugin.model.CompletionResult;
import io.promptmanager.plugin.model.Credentials;
import io.promptmanager.plugin.model.KeyCheck;
import io.promptmanager.plugin.model.ModelInfo;
import io.promptmanager.plugin.model.ModelProvider;
import io.promptmanager.plugin.model.ProviderException;
import io.promptmanager.plugin.model.StreamListener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The started model providers behind core's {@link ModelCatalog} and {@link ModelGateway}. Every
 * call is guarded by {@link ProviderCalls}. The catalogue is a merged snapshot of the providers'
 * own (cached) catalogues, rebuilt at most once per {@code catalogueTtl}: one thread rebuilds it
 * while the others keep answering from the previous one. A provider whose catalogue fails
 * contributes nothing until it answers again; the others still do. Two providers may offer the
 * same model id: each offer is kept, under its provider. Thread-safe.
 */
public final class ProviderRegistry implements ModelCatalog, ModelGateway {
    public static final Duration DEFAULT_CATALOGUE_TTL = Duration.ofSeconds(5);
    /** A completion slower than this is logged at INFO. */
    public static final Duration SLOW_CALL = Duration.ofSeconds(30);
    private static final Duration SLOW_CATALOGUE = Duration.ofMillis(500);
    private static final Logger LOG = Logger.getLogger(ProviderRegistry.class.getName());

    // sorted once: every run's provider choice reads it
    private final List<String> providerIds;
    private final Map<String, ModelProvider> providers;
    private final Duration catalogueTtl;
    private final ProviderCalls calls;
    private final ReentrantLock rebuilding = new ReentrantLock();
    private final Set<String> failingCatalogues = ConcurrentHashMap.newKeySet();
    private volatile Snapshot snapshot;

    private record Snapshot(List<CatalogModel> models, Map<String, List<CatalogModel>> byId, boolean complete,
                            long takenAtNanos) {
    }

    /** Over started providers, with a catalogue snapshot refreshed at most every 5 seconds. */
    public ProviderRegistry(List<ModelProvider> providers) {
        this(providers, DEFAULT_CATALOGUE_TTL);
    }

    /**
     * @param providers    started providers with distinct ids
     * @param catalogueTtl how long a merged catalogue is reused ({@code Duration.ZERO}: rebuilt on every read)
     */
    public ProviderRegistry(List<ModelProvider> providers, Duration catalogueTtl) {
        this(providers, catalogueTtl, SLOW_CALL);
    }

    ProviderRegistry(List<ModelProvider> providers, Duration catalogueTtl, Duration slowCall) {
        Map<String, ModelProvider> byId = new LinkedHashMap<>();
        providers.stream().sorted(Comparator.comparing(ModelProvider::id)).forEach(provider -> {
            if (byId.putIfAbsent(provider.id(), provider) != null) {
                throw new IllegalArgumentException("Two model providers have the id " + provider.id());
            }
        });
        this.providers = Map.copyOf(byId);
        this.providerIds = List.copyOf(byId.keySet());
        this.catalogueTtl = catalogueTtl;
        this.calls = new ProviderCalls(slowCall);
    }

    /** The ids of the providers, sorted. */
    @Override
    public List<String> providerIds() {
        return providerIds;
    }

    @Override
    public CompletionResult complete(String providerId, CompletionRequest request) {
        ModelProvider provider = provider(providerId);
        return calls.run(call(providerId, "complete", request), provider, () -> provider.complete(request));
    }

    @Override
    public CompletionResult stream(String providerId, CompletionRequest request, StreamListener listener) {
        ModelProvider provider = provider(providerId);
        ProviderCalls.GuardedListener guarded = new ProviderCalls.GuardedListener(listener);
        return calls.run(call(providerId, "stream", request), provider, () -> provider.stream(request, guarded), guarded);
    }

    @Override
    public KeyCheck checkKey(String providerId, Credentials credentials) {
        ModelProvider provider = provider(providerId);
        return calls.run(new ProviderCalls.Call(providerId, "checkKey", null, null, credentials.apiKey()), provider,
                () -> provider.checkKey(credentials));
    }

    @Override
    public List<CatalogModel> all() {
        return current().models();
    }

    @Override
    public List<CatalogModel> offering(String modelId) {
        return modelId == null ? List.of() : current().byId().getOrDefault(modelId, List.of());
    }

    @Override
    public boolean isComplete() {
        return current().complete();
    }

    private ModelProvider provider(String providerId) {
        ModelProvider provider = providerId == null ? null : providers.get(providerId);
        if (provider == null) {
            throw new ProviderException(ProviderException.Kind.BAD_REQUEST, "Unknown model provider '" + providerId + "'", false);
        }
        return provider;
    }

    private static ProviderCalls.Call call(String providerId, String operation, CompletionRequest request) {
        return new ProviderCalls.Call(providerId, operation, request.model(), request.requestId(),
                request.credentials() == null ? null : request.credentials().apiKey());
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        if (current != null && !stale(current)) {
            return current;
        }
        if (current != null && !rebuilding.tryLock()) {
            return current;
        }
        if (current == null) {
            rebuilding.lock();
        }
        try {
            if (snapshot == current || stale(snapshot)) {
                snapshot = rebuild();
            }
            return snapshot;
        } finally {
            rebuilding.unlock();
        }
    }

    private boolean stale(Snapshot candidate) {
        return System.nanoTime() - candidate.takenAtNanos() >= catalogueTtl.toNanos();
    }

    private Snapshot rebuild() {
        Map<String, List<CatalogModel>> byId = new HashMap<>();
        boolean complete = true;
        // providerIds() is sorted, so each id's offers are sorted by provider
        for (String providerId : providerIds()) {
            Optional<List<ModelInfo>> models = catalogueOf(providerId, providers.get(providerId));
            complete &= models.isPresent();
            Set<String> seen = new HashSet<>();
            for (ModelInfo info : models.orElse(List.of())) {
                if (info != null && info.id() != null && info.pricing() != null && seen.add(info.id())) {
                    byId.computeIfAbsent(info.id(), id -> new ArrayList<>()).add(new CatalogModel(providerId, info));
                }
            }
        }
        List<CatalogModel> sorted = byId.values().stream().flatMap(List::stream)
                .sorted(Comparator.comparing(CatalogModel::id).thenComparing(CatalogModel::providerId)).toList();
        Map<String, List<CatalogModel>> frozen = new HashMap<>();
        byId.forEach((id, offers) -> frozen.put(id, List.copyOf(offers)));
        return new Snapshot(sorted, Map.copyOf(frozen), complete, System.nanoTime());
    }

    private Optional<List<ModelInfo>> catalogueOf(String providerId, ModelProvider provider) {
        long start = System.nanoTime();
        try {
            List<ModelInfo> models = ContextClassLoader.call(provider, provider::models);
            if (models == null) {
                throw new IllegalStateException("models() returned null");
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (failingCatalogues.remove(providerId)) {
                LOG.info(() -> "The " + providerId + " catalogue answers again: " + models.size() + " models");
            }
            Level level = millis > SLOW_CATALOGUE.toMillis() ? Level.INFO : Level.FINE;
            LOG.log(level, () -> providerId + " models: " + models.size() + " in " + millis + " ms");
            return Optional.of(models);
        } catch (ProviderException e) {
            catalogueFailed(providerId, start, e.kind() + (e.getMessage() == null ? "" : " — " + e.getMessage()), null);
        } catch (RuntimeException | LinkageError e) {
            catalogueFailed(providerId, start, "unexpected " + Redaction.describe(e, List.of()), e);
        }
        return Optional.empty();
    }

    /** WARNING when a catalogue starts failing, FINE while it goes on failing: no log flood while a provider is down. */
    private void catalogueFailed(String providerId, long start, String why, Throwable bug) {
        long millis = (System.nanoTime() - start) / 1_000_000;
        Level level = failingCatalogues.add(providerId) ? Level.WARNING : Level.FINE;
        String message = "The " + providerId + " catalogue failed after " + millis + " ms and is left out until it answers: "
                + Redaction.redact(why, List.of());
        if (bug == null) {
            LOG.log(level, message);
        } else {
            LOG.log(level, message, Redaction.redact(bug, List.of()));
        }
    }
}
