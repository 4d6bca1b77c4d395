package io.promptmanager.app;

import io.promptmanager.core.db.DatabaseSettings;
import io.promptmanager.core.plan.PlanSettings;
import io.promptmanager.core.user.AccountSettings;

import java.nio.file.Path;
import java.time.Duration;

/** Every setting of one running platform, read once from configuration at start. */
record AppSettings(String apiHost, int apiPort, long maxPayloadSize,
                   String consoleHost, int consolePort,
                   Path dataDir, Path pluginsDir, DatabaseSettings database,
                   PlanSettings plans, AccountSettings accounts,
                   String adminEmail, String adminPassword, String adminApiKey,
                   String apiKeyPepper, Duration shutdownGracePeriod) {

    @Override
    public String toString() {
        return "AppSettings[api=" + apiHost + ":" + apiPort + ", console=" + consoleHost + ":" + consolePort
                + ", dataDir=" + dataDir + ", database=" + database + "]";
    }
}
