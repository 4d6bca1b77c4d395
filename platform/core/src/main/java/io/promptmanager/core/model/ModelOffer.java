package io.promptmanager.core.model;

import io.promptmanager.plugin.model.ModelPricing;

/**
 * A model of the catalogue as one user sees it.
 *
 * @param providerId    the provider that runs it, e.g. {@code openrouter}
 * @param contextLength its context window in tokens; 0 when unknown
 * @param pricing       USD per prompt token, per completion token and per request; a null price
 *                      is unknown or variable
 * @param free          running it costs nothing
 * @param allowed       the user's plan lets them run it
 */
public record ModelOffer(String id, String name, String providerId, long contextLength, ModelPricing pricing,
                         boolean free, boolean allowed) {

    static ModelOffer of(CatalogModel model, boolean allowed) {
        var info = model.info();
        return new ModelOffer(info.id(), info.name(), model.providerId(), info.contextLength(), info.pricing(),
                info.free(), allowed);
    }
}
