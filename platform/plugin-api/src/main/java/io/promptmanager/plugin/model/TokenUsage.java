package io.promptmanager.plugin.model;

import java.math.BigDecimal;

/**
 * What a completion consumed, as the provider reported it.
 *
 * @param promptTokens     tokens read, ≥ 0
 * @param completionTokens tokens generated, ≥ 0
 * @param cost             what the provider charged in USD, exactly as reported; null when the
 *                         provider reported no cost (the platform then estimates it from prices)
 * @param byok             true when the provider says the call ran on the user's own key
 * @param upstreamCost     the provider's reported upstream inference cost in USD, or null
 */
public record TokenUsage(long promptTokens, long completionTokens, BigDecimal cost, boolean byok,
                         BigDecimal upstreamCost) {
}
