package io.promptmanager.core.model;

import io.promptmanager.core.common.DomainException;

import java.util.List;

/**
 * Which provider runs a model a version names: the one it names, which must be installed, or else
 * the one provider whose catalogue offers the model id. Thread-safe.
 */
public final class ProviderChoice {
    private final ModelCatalog catalog;

    public ProviderChoice(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The provider to record for {@code modelId}: {@code provider} when given; otherwise the only
     * provider offering the model, or null when none does (yet).
     *
     * @throws DomainException VALIDATION_FAILED on field {@code provider} when the given provider
     *                         is not installed, or when several providers offer the model and none
     *                         was named (the message lists them)
     */
    public String choose(String provider, String modelId) {
        if (provider != null) {
            return requireInstalled(provider);
        }
        List<CatalogModel> offers = catalog.offering(modelId);
        if (offers.size() > 1) {
            throw ambiguous(modelId, offers);
        }
        return offers.isEmpty() ? null : offers.getFirst().providerId();
    }

    /**
     * {@code provider}, when it is a started provider.
     *
     * @throws DomainException VALIDATION_FAILED on field {@code provider} naming the installed ones
     */
    public String requireInstalled(String provider) {
        List<String> installed = catalog.providerIds();
        if (!installed.contains(provider)) {
            throw DomainException.invalid("provider", "unknown provider '" + provider + "'; installed: "
                    + (installed.isEmpty() ? "none" : String.join(", ", installed)));
        }
        return provider;
    }

    static DomainException ambiguous(String modelId, List<CatalogModel> offers) {
        return DomainException.invalid("provider", "'" + modelId + "' is offered by several providers ("
                + String.join(", ", offers.stream().map(CatalogModel::providerId).toList()) + "): name one");
    }
}
