package io.promptmanager.core.analytics;

import io.promptmanager.core.common.BillingType;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Every account's runs of one UTC day, and their known cost (USD) by who paid the provider: the
 * platform's key (SYSTEM) or the users' own keys (BYOK).
 */
public record PlatformDay(LocalDate day, long runs, BigDecimal systemCost, BigDecimal byokCost) {
    /** The runs of one day paid by one side, and their known cost. */
    static PlatformDay of(LocalDate day, BillingType paidBy, long runs, BigDecimal cost) {
        return paidBy == BillingType.BYOK
                ? new PlatformDay(day, runs, BigDecimal.ZERO, cost)
                : new PlatformDay(day, runs, cost, BigDecimal.ZERO);
    }

    static PlatformDay of(RollupEntry entry) {
        return of(entry.day(), entry.billingType(), entry.measures().runs(), entry.measures().cost());
    }

    static PlatformDay none(LocalDate day) {
        return new PlatformDay(day, 0, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    PlatformDay plus(PlatformDay other) {
        return new PlatformDay(day, runs + other.runs, systemCost.add(other.systemCost), byokCost.add(other.byokCost));
    }
}
