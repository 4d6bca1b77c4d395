package io.promptmanager.core.plan;

/** The configurable limits of the plans ({@code plans.free.daily-executions} …). */
public record PlanSettings(int freeDailyExecutions) {
    public static PlanSettings defaults() {
        return new PlanSettings(3);
    }
}
