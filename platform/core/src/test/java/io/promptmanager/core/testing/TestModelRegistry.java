package io.promptmanager.core.testing;

import io.promptmanager.core.model.CatalogModel;
import io.promptmanager.core.model.ModelCatalog;
import io.promptmanager.core.model.ModelGateway;
import io.promptmanager.plugin.model.CompletionRequest;
import io.promptmanager.plugin.model.CompletionResult;
import io.promptmanager.plugin.model.Credentials;
import io.promptmanager.plugin.model.KeyCheck;
import io.promptmanager.plugin.model.ModelProvider;
import io.promptmanager.plugin.model.ProviderException;
import io.promptmanager.plugin.model.StreamListener;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The smallest catalogue and gateway over started providers: what core's provider registry does,
 * minus logging and refresh. Anything but a ProviderException from a provider becomes INTERNAL.
 */
public final class TestModelRegistry implements ModelCatalog, ModelGateway {
    private final Map<String, ModelProvider> providers;

    public TestModelRegistry(List<ModelProvider> providers) {
        this.providers = providers.stream().collect(Collectors.toMap(ModelProvider::id, Function.identity()));
    }

    @Override
    public List<CatalogModel> all() {
        return providers.values().stream()
                .flatMap(p -> p.models().stream().map(m -> new CatalogModel(p.id(), m)))
                .sorted(Comparator.comparing(CatalogModel::id))
                .toList();
    }

    @Override
    public Optional<CatalogModel> find(String modelId) {
        return all().stream().filter(m -> m.id().equals(modelId)).findFirst();
    }

    @Override
    public CompletionResult complete(String providerId, CompletionRequest request) {
        return guarded(() -> provider(providerId).complete(request));
    }

    @Override
    public CompletionResult stream(String providerId, CompletionRequest request, StreamListener listener) {
        return guarded(() -> provider(providerId).stream(request, listener));
    }

    @Override
    public KeyCheck checkKey(String providerId, Credentials credentials) {
        return guarded(() -> provider(providerId).checkKey(credentials));
    }

    private ModelProvider provider(String id) {
        ModelProvider provider = providers.get(id);
        if (provider == null) {
            throw new ProviderException(ProviderException.Kind.UNAVAILABLE, "no provider " + id, false);
        }
        return provider;
    }

    private static <T> T guarded(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ProviderException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ProviderException(ProviderException.Kind.INTERNAL, "provider failure", false, null, false, 0, e);
        }
    }
}
