package io.promptmanager.core.plan;

import io.promptmanager.core.common.Money;

import java.util.Objects;

/**
 * The configurable limits and prices of the plans ({@code plans.free.daily-executions},
 * {@code plans.pro.monthly-price} …). The PRO prices are what the platform shows; the payment
 * processor's prices (configured in its plugin) must match them.
 */
public record PlanSettings(int freeDailyExecutions, Money proMonthlyPrice, Money proYearlyPrice) {
    /** $7 a month. */
    public static final Money DEFAULT_MONTHLY_PRICE = Money.of(700, "usd");
    /** $70 a year. */
    public static final Money DEFAULT_YEARLY_PRICE = Money.of(7000, "usd");

    public PlanSettings {
        Objects.requireNonNull(proMonthlyPrice, "proMonthlyPrice");
        Objects.requireNonNull(proYearlyPrice, "proYearlyPrice");
    }

    /** With the default PRO prices. */
    public PlanSettings(int freeDailyExecutions) {
        this(freeDailyExecutions, DEFAULT_MONTHLY_PRICE, DEFAULT_YEARLY_PRICE);
    }

    public static PlanSettings defaults() {
        return new PlanSettings(3);
    }
}
