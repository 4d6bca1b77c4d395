package io.promptmanager.app;

import io.helidon.config.Config;
import io.helidon.config.ConfigException;
import io.helidon.config.ConfigSources;
import io.promptmanager.core.billing.BillingSettings;
import io.promptmanager.core.common.Money;
import io.promptmanager.core.db.DatabaseSettings;
import io.promptmanager.core.execution.ExecutionSettings;
import io.promptmanager.core.db.StartupException;
import io.promptmanager.core.plan.PlanSettings;
import io.promptmanager.core.user.AccountSettings;
import io.promptmanager.server.ApiServerSettings;
import io.promptmanager.ui.ConsoleSettings;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads conf/application.yaml, lets the documented environment variables and Java system
 * properties override it, and turns it into {@link AppSettings}. Relative paths are resolved
 * against the installation folder. Any problem is a one-line {@link StartupException}.
 */
final class ConfigLoader {
    /** The key storage plugin's key file, relative to the plugins subtree. */
    static final String KEY_FILE = "keystore-aes.key-file";

    private ConfigLoader() {
    }

    static AppSettings load(Path home, Path configFile, Map<String, String> environment) {
        if (!Files.isReadable(configFile)) {
            throw new StartupException("Cannot read configuration " + configFile + ": file missing or not readable");
        }
        try {
            Config config = Config.builder()
                    .disableEnvironmentVariablesSource()
                    .addSource(ConfigSources.create(EnvironmentOverrides.from(environment)))
                    .addSource(ConfigSources.systemProperties())
                    .addSource(ConfigSources.file(configFile))
                    .build();
            return settings(home, config);
        } catch (ConfigException | IllegalArgumentException e) {
            throw new StartupException("Cannot read configuration " + configFile + ": " + oneLine(e), e);
        }
    }

    private static AppSettings settings(Path home, Config config) {
        Path dataDir = home.resolve(string(config, "data-dir", "data")).normalize();
        DatabaseSettings database = new DatabaseSettings(
                string(config, "database.url", ""),
                string(config, "database.user", ""),
                string(config, "database.password", ""),
                dataDir,
                config.get("database.embedded-port").asInt().orElse(0),
                config.get("database.max-pool-size").asInt().orElse(16),
                config.get("database.connect-timeout").as(Duration.class).orElse(Duration.ofSeconds(10)));
        Duration gracePeriod = config.get("shutdown.grace-period").as(Duration.class).orElse(Duration.ofSeconds(10));
        ApiServerSettings api = new ApiServerSettings(
                string(config, "api.host", "0.0.0.0"),
                config.get("api.port").asInt().orElse(ApiServerSettings.DEFAULT_PORT),
                config.get("api.max-payload-size").asLong().orElse(ApiServerSettings.DEFAULT_MAX_PAYLOAD_SIZE),
                gracePeriod);
        ConsoleSettings console = new ConsoleSettings(
                string(config, "console.host", "0.0.0.0"),
                config.get("console.port").asInt().orElse(ConsoleSettings.DEFAULT_PORT),
                gracePeriod,
                config.get("console.session-timeout").as(Duration.class).orElse(Duration.ofMinutes(30)),
                config.get("console.trust-forwarded-headers").asBoolean().orElse(false));
        return new AppSettings(api, console, dataDir,
                home.resolve(string(config, "plugins.dir", "plugins")).normalize(),
                pluginSettings(config, home, dataDir),
                database,
                plans(config),
                new AccountSettings(config.get("accounts.sign-up-enabled").asBoolean().orElse(true),
                        config.get("accounts.min-password-length").asInt().orElse(10)),
                new ExecutionSettings(config.get("executions.timeout").as(Duration.class)
                        .orElse(ExecutionSettings.DEFAULT_TIMEOUT)),
                billing(config, console),
                string(config, "accounts.admin-email", "admin@localhost"),
                string(config, "accounts.admin-password", ""),
                string(config, "accounts.admin-api-key", ""),
                string(config, "security.api-key-pepper", ""));
    }

    private static PlanSettings plans(Config config) {
        String currency = string(config, "plans.pro.currency", PlanSettings.DEFAULT_MONTHLY_PRICE.currency());
        return new PlanSettings(config.get("plans.free.daily-executions").asInt().orElse(3),
                Money.of(config.get("plans.pro.monthly-price").asLong()
                        .orElse(PlanSettings.DEFAULT_MONTHLY_PRICE.amount()), currency),
                Money.of(config.get("plans.pro.yearly-price").asLong()
                        .orElse(PlanSettings.DEFAULT_YEARLY_PRICE.amount()), currency));
    }

    /** The console's public address defaults to localhost on the console's port, where a local browser finds it. */
    private static BillingSettings billing(Config config, ConsoleSettings console) {
        int port = console.port() == 0 ? ConsoleSettings.DEFAULT_PORT : console.port();
        return new BillingSettings(
                config.get("billing.grace-period").as(Duration.class).orElse(BillingSettings.DEFAULT_GRACE_PERIOD),
                config.get("billing.grace-sweep-interval").as(Duration.class)
                        .orElse(BillingSettings.DEFAULT_SWEEP_INTERVAL),
                URI.create(string(config, "console.public-url", "http://localhost:" + port)));
    }

    /**
     * Every {@code plugins.*} value except {@code plugins.dir}, keyed without the {@code plugins.}
     * prefix ({@code openrouter.api-key}): the plugin host gives each plugin its own subtree. The
     * key storage's {@code key-file} defaults to {@code <data-dir>/secrets/master-keys}, the only
     * place the plugin cannot know by itself; a relative configured path is resolved against the
     * installation folder like every other path.
     */
    static Map<String, String> pluginSettings(Config config, Path home, Path dataDir) {
        Map<String, String> settings = new TreeMap<>(config.get("plugins").detach().asMap().orElse(Map.of()));
        settings.remove("dir");
        String keyFile = settings.getOrDefault(KEY_FILE, "").trim();
        settings.put(KEY_FILE, keyFile.isEmpty()
                ? dataDir.resolve("secrets").resolve("master-keys").toString()
                : home.resolve(keyFile).normalize().toString());
        return Map.copyOf(settings);
    }

    private static String string(Config config, String key, String fallback) {
        return config.get(key).asString().orElse(fallback).trim();
    }

    private static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }
}
