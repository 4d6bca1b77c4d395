package io.promptmanager.core.plan;

import io.promptmanager.core.common.Channel;
import io.promptmanager.core.common.Money;
import io.promptmanager.plugin.billing.BillingInterval;

import java.util.Set;

/** The one place where plans and what each includes are defined. */
public final class PlanCatalog {
    private final Entitlements free;
    private final Entitlements pro;
    private final Money proMonthlyPrice;
    private final Money proYearlyPrice;

    public PlanCatalog(PlanSettings settings) {
        if (settings.freeDailyExecutions() < 0) {
            throw new IllegalArgumentException("plans.free.daily-executions must be >= 0");
        }
        if (settings.proMonthlyPrice().amount() <= 0 || settings.proYearlyPrice().amount() <= 0) {
            throw new IllegalArgumentException("plans.pro prices must be positive");
        }
        this.proMonthlyPrice = settings.proMonthlyPrice();
        this.proYearlyPrice = settings.proYearlyPrice();
        this.free = new Entitlements(Plan.FREE, settings.freeDailyExecutions(), Set.of(Channel.CONSOLE),
                false, false, false, false, false);
        this.pro = new Entitlements(Plan.PRO, null, Set.of(Channel.CONSOLE, Channel.API),
                true, true, true, true, true);
    }

    public Entitlements entitlements(Plan plan) {
        return switch (plan) {
            case FREE -> free;
            case PRO -> pro;
        };
    }

    /** What PRO costs per billing interval. */
    public Money proPrice(BillingInterval interval) {
        return switch (interval) {
            case MONTH -> proMonthlyPrice;
            case YEAR -> proYearlyPrice;
        };
    }
}
