package io.promptmanager.core.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Platform-wide figures for administrators: every day of the range (oldest first, days without
 * runs included), and how many enabled accounts are on the PRO plan now.
 */
public record PlatformUsage(LocalDate from, LocalDate to, List<PlatformDay> days, long proAccounts) {
    public PlatformUsage {
        days = List.copyOf(days);
    }

    public long runs() {
        return days.stream().mapToLong(PlatformDay::runs).sum();
    }

    public BigDecimal systemCost() {
        return days.stream().map(PlatformDay::systemCost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal byokCost() {
        return days.stream().map(PlatformDay::byokCost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
