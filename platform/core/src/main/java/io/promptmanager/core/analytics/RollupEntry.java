package io.promptmanager.core.analytics;

import io.promptmanager.core.common.BillingType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One run's contribution to its daily rollup row.
 *
 * @param day  the UTC day of the run
 * @param cost exact USD, or null when unknown
 */
public record RollupEntry(UUID userId, LocalDate day, String promptName, int version, String model,
                          BillingType billingType, boolean succeeded, long promptTokens, long completionTokens,
                          BigDecimal cost, long latencyMs) {
}
