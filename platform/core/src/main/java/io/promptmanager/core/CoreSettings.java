package io.promptmanager.core;

import io.promptmanager.core.billing.BillingSettings;
import io.promptmanager.core.execution.ExecutionSettings;
import io.promptmanager.core.plan.PlanSettings;
import io.promptmanager.core.user.AccountSettings;

import java.time.Clock;

/**
 * Everything core's services need from configuration, read once by the wiring place.
 *
 * @param apiKeyPepper server-side secret of the API key HMAC (≥ 32 bytes)
 */
public record CoreSettings(PlanSettings plans, AccountSettings accounts, byte[] apiKeyPepper, Clock clock,
                           ExecutionSettings executions, BillingSettings billing) {

    /** Settings with the default billing settings. */
    public CoreSettings(PlanSettings plans, AccountSettings accounts, byte[] apiKeyPepper, Clock clock,
                        ExecutionSettings executions) {
        this(plans, accounts, apiKeyPepper, clock, executions, BillingSettings.defaults());
    }

    /** Settings with the default execution and billing settings. */
    public CoreSettings(PlanSettings plans, AccountSettings accounts, byte[] apiKeyPepper, Clock clock) {
        this(plans, accounts, apiKeyPepper, clock, ExecutionSettings.defaults());
    }

    public CoreSettings withBilling(BillingSettings newBilling) {
        return new CoreSettings(plans, accounts, apiKeyPepper, clock, executions, newBilling);
    }

    @Override
    public String toString() {
        return "CoreSettings[plans=" + plans + ", accounts=" + accounts + ", executions=" + executions
                + ", billing=" + billing + "]";
    }
}
