package io.promptmanager.core.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Every account's runs of one UTC day, and their known cost (USD) by who paid the provider: the
 * platform's key (SYSTEM) or the users' own keys (BYOK).
 */
public record PlatformDay(LocalDate day, long runs, BigDecimal systemCost, BigDecimal byokCost) {
    static PlatformDay none(LocalDate day) {
        return new PlatformDay(day, 0, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    PlatformDay plus(PlatformDay other) {
        return new PlatformDay(day, runs + other.runs, systemCost.add(other.systemCost), byokCost.add(other.byokCost));
    }
}
