package io.promptmanager.core.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Platform-wide figures for administrators: every day of the range (oldest first, days without
 * runs included), how many enabled accounts are on the PRO plan now (paying or made PRO by an
 * administrator), and how many subscriptions pay for PRO now (active, or past due within the
 * grace period).
 */
public record PlatformUsage(LocalDate from, LocalDate to, List<PlatformDay> days, long proAccounts,
                            long proSubscriptions) {
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
