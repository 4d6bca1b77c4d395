package io.promptmanager.core.execution;

import io.promptmanager.plugin.model.ModelPricing;
import io.promptmanager.plugin.model.TokenUsage;

import java.math.BigDecimal;

/**
 * What a run cost in USD, exactly (never a double), and where the number comes from.
 *
 * @param amount null only when the source is UNKNOWN
 */
public record Cost(BigDecimal amount, CostSource source) {
    public static final Cost UNKNOWN = new Cost(null, CostSource.UNKNOWN);

    public Cost {
        if ((amount == null) != (source == CostSource.UNKNOWN)) {
            throw new IllegalArgumentException("an amount is required exactly when the cost is known");
        }
    }

    /**
     * The provider's own figure when it reported one; otherwise prompt tokens × prompt price +
     * completion tokens × completion price + the per-request price; otherwise unknown (a price
     * is variable or missing).
     */
    public static Cost of(TokenUsage usage, ModelPricing pricing) {
        if (usage.cost() != null) {
            return new Cost(usage.cost(), CostSource.PROVIDER);
        }
        if (pricing == null || pricing.prompt() == null || pricing.completion() == null) {
            return UNKNOWN;
        }
        BigDecimal amount = pricing.prompt().multiply(BigDecimal.valueOf(usage.promptTokens()))
                .add(pricing.completion().multiply(BigDecimal.valueOf(usage.completionTokens())));
        if (pricing.request() != null) {
            amount = amount.add(pricing.request());
        }
        return new Cost(amount, CostSource.ESTIMATED);
    }
}
