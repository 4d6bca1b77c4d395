package io.promptmanager.core.model;

import java.util.List;
import java.util.Optional;

/**
 * Every model of every started provider, answered from memory (providers refresh their
 * catalogues in the background). Thread-safe.
 */
public interface ModelCatalog {
    /** All known models, sorted by id. */
    List<CatalogModel> all();

    /** The model with this id, from whichever provider offers it. */
    Optional<CatalogModel> find(String modelId);

    /**
     * False while some provider cannot tell its catalogue (it is down and has nothing cached): a
     * model missing from {@link #all()} may then exist after all.
     */
    default boolean isComplete() {
        return true;
    }
}
