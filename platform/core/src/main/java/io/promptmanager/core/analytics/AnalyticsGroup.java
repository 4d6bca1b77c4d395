package io.promptmanager.core.analytics;

import io.promptmanager.core.common.BillingType;

import java.time.LocalDate;

/**
 * The totals of one group; only the fields of the grouping are set (day; prompt; prompt and
 * version; model; billing type), the others are null.
 */
public record AnalyticsGroup(LocalDate day, String prompt, Integer version, String model, BillingType billingType,
                             Measures measures) {
}
