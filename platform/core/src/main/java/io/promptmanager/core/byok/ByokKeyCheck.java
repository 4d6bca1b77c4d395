package io.promptmanager.core.byok;

import java.math.BigDecimal;

/**
 * What OpenRouter says about a key.
 *
 * @param label          OpenRouter's label of the key (never the key); may be null
 * @param limitRemaining remaining credit in USD; null when unlimited or unknown
 */
public record ByokKeyCheck(boolean valid, String label, BigDecimal limitRemaining, boolean freeTier) {
}
