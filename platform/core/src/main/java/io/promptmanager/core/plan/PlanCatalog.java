package io.promptmanager.core.plan;

import io.promptmanager.core.common.Channel;

import java.util.Set;

/** The one place where plans and what each includes are defined. */
public final class PlanCatalog {
    private final Entitlements free;
    private final Entitlements pro;

    public PlanCatalog(PlanSettings settings) {
        if (settings.freeDailyExecutions() < 0) {
            throw new IllegalArgumentException("plans.free.daily-executions must be >= 0");
        }
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
}
