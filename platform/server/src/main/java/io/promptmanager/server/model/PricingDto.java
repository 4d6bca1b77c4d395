package io.promptmanager.server.model;

import io.promptmanager.plugin.model.ModelPricing;

import java.math.BigDecimal;

/**
 * USD prices as exact decimal strings without exponent ({@code "0.00000015"}), so no client
 * parses them into a binary float by accident; null when unknown or variable.
 */
public record PricingDto(String prompt, String completion, String request) {
    static PricingDto from(ModelPricing pricing) {
        return new PricingDto(plain(pricing.prompt()), plain(pricing.completion()), plain(pricing.request()));
    }

    private static String plain(BigDecimal price) {
        return price == null ? null : price.stripTrailingZeros().toPlainString();
    }
}
