package io.promptmanager.plugin.model;

import java.math.BigDecimal;

/**
 * Prices in USD. A null price is unknown or variable (OpenRouter's {@code "-1"}): such a model
 * is never free, and its cost cannot be estimated.
 *
 * @param prompt     per prompt token
 * @param completion per completion token
 * @param request    per request; null or zero when none
 */
public record ModelPricing(BigDecimal prompt, BigDecimal completion, BigDecimal request) {
}
