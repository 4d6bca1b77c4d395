package io.promptmanager.server.model;

import io.promptmanager.core.model.ModelOffer;

/**
 * One model of the catalogue as the caller sees it.
 *
 * @param provider the provider that runs it, e.g. {@code openrouter}
 * @param allowed  the caller's plan lets them run it
 */
public record ModelDto(String id, String name, String provider, long contextLength, PricingDto pricing,
                       boolean free, boolean allowed) {
    public static ModelDto from(ModelOffer offer) {
        return new ModelDto(offer.id(), offer.name(), offer.providerId(), offer.contextLength(),
                PricingDto.from(offer.pricing()), offer.free(), offer.allowed());
    }
}
