package io.promptmanager.core.model;

import java.util.List;
import java.util.Optional;

/**
 * Every model of every started provider, answered from memory (providers refresh their
 * catalogues in the background). A model is identified by its provider and its id: two providers
 * may offer the same id. Thread-safe.
 */
public interface ModelCatalog {
    /** All known models, sorted by id, then provider. */
    List<CatalogModel> all();

    /** The ids of the started providers, sorted (a provider whose catalogue is empty included). */
    List<String> providerIds();

    /** The model {@code modelId} of provider {@code providerId}. */
    default Optional<CatalogModel> find(String providerId, String modelId) {
        return offering(modelId).stream().filter(model -> model.providerId().equals(providerId)).findFirst();
    }

    /** Every provider's model with this id, sorted by provider; empty when none offers it. */
    default List<CatalogModel> offering(String modelId) {
        return all().stream().filter(model -> model.id().equals(modelId)).toList();
    }

    /** The model with this id from the provider whose id sorts first, when several offer it. */
    default Optional<CatalogModel> find(String modelId) {
        return offering(modelId).stream().findFirst();
    }

    /**
     * False while some provider cannot tell its catalogue (it is down and has nothing cached): a
     * model missing from {@link #all()} may then exist after all.
     */
    default boolean isComplete() {
        return true;
    }
}
