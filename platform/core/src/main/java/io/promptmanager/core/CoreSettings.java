package io.promptmanager.core;

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
                           ExecutionSettings executions) {

    /** Settings with the default execution settings. */
    public CoreSettings(PlanSettings plans, AccountSettings accounts, byte[] apiKeyPepper, Clock clock) {
        this(plans, accounts, apiKeyPepper, clock, ExecutionSettings.defaults());
    }

    @Override
    public String toString() {
        return "CoreSettings[plans=" + plans + ", accounts=" + accounts + ", executions=" + executions + "]";
    }
}
