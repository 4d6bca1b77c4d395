package io.promptmanager.core.analytics;

import io.promptmanager.core.common.BillingType;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Runs of one account that share a rollup key (UTC day, prompt version, model, billing type),
 * with their totals.
 */
public record RollupEntry(UUID userId, LocalDate day, String promptName, int version, String model,
                          BillingType billingType, Measures measures) {
}
