package io.promptmanager.plugin.model;

import java.math.BigDecimal;

/**
 * What the provider says about a key.
 *
 * @param valid          false when the provider rejects the key
 * @param label          the provider's label of the key (never the key itself); may be null
 * @param limitRemaining remaining credit in USD; null when unlimited or unknown
 * @param freeTier       true for a free-tier key
 */
public record KeyCheck(boolean valid, String label, BigDecimal limitRemaining, boolean freeTier) {
}
