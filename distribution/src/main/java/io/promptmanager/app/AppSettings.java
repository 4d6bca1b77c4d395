package io.promptmanager.app;

import io.promptmanager.core.billing.BillingSettings;
import io.promptmanager.core.db.DatabaseSettings;
import io.promptmanager.core.execution.ExecutionSettings;
import io.promptmanager.core.plan.PlanSettings;
import io.promptmanager.core.user.AccountSettings;
import io.promptmanager.server.ApiServerSettings;
import io.promptmanager.ui.ConsoleSettings;

import java.nio.file.Path;
import java.util.Map;

/**
 * Every setting of one running platform, read once from configuration at start.
 *
 * @param pluginSettings the {@code plugins.*} values without {@code plugins.dir}, keyed without the
 *                       {@code plugins.} prefix; may hold secrets, so never printed
 */
record AppSettings(ApiServerSettings api, ConsoleSettings console,
                   Path dataDir, Path pluginsDir, Map<String, String> pluginSettings, DatabaseSettings database,
                   PlanSettings plans, AccountSettings accounts, ExecutionSettings executions, BillingSettings billing,
                   String adminEmail, String adminPassword, String adminApiKey,
                   String apiKeyPepper) {

    @Override
    public String toString() {
        return "AppSettings[api=" + api + ", console=" + console + ", dataDir=" + dataDir
                + ", pluginsDir=" + pluginsDir + ", database=" + database + "]";
    }
}
