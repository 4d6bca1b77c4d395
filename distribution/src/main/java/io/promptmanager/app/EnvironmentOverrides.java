package io.promptmanager.app;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment variables an operator may set instead of editing conf/application.yaml, and
 * the configuration key each one overrides. Explicit, so the documentation can list them all.
 */
final class EnvironmentOverrides {
    static final Map<String, String> KEYS = keys();

    private EnvironmentOverrides() {
    }

    private static Map<String, String> keys() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("PM_API_HOST", "api.host");
        keys.put("PM_API_PORT", "api.port");
        keys.put("PM_API_MAX_PAYLOAD_SIZE", "api.max-payload-size");
        keys.put("PM_CONSOLE_HOST", "console.host");
        keys.put("PM_CONSOLE_PORT", "console.port");
        keys.put("PM_DATA_DIR", "data-dir");
        keys.put("PM_DB_URL", "database.url");
        keys.put("PM_DB_USER", "database.user");
        keys.put("PM_DB_PASSWORD", "database.password");
        keys.put("PM_DB_EMBEDDED_PORT", "database.embedded-port");
        keys.put("PM_DB_MAX_POOL_SIZE", "database.max-pool-size");
        keys.put("PM_ADMIN_EMAIL", "accounts.admin-email");
        keys.put("PM_ADMIN_PASSWORD", "accounts.admin-password");
        keys.put("PM_ADMIN_API_KEY", "accounts.admin-api-key");
        keys.put("PM_SIGN_UP_ENABLED", "accounts.sign-up-enabled");
        keys.put("PM_API_KEY_PEPPER", "security.api-key-pepper");
        keys.put("PM_FREE_DAILY_EXECUTIONS", "plans.free.daily-executions");
        keys.put("PM_EXECUTION_TIMEOUT", "executions.timeout");
        keys.put("PM_PLUGINS_DIR", "plugins.dir");
        keys.put("OPENROUTER_API_KEY", "plugins.openrouter.api-key");
        keys.put("PM_OPENROUTER_BASE_URL", "plugins.openrouter.base-url");
        keys.put("PM_OPENAI_COMPATIBLE_BASE_URL", "plugins.openai-compatible.base-url");
        keys.put("PM_OPENAI_COMPATIBLE_API_KEY", "plugins.openai-compatible.api-key");
        keys.put("PM_OPENAI_COMPATIBLE_MODELS", "plugins.openai-compatible.models");
        keys.put("PM_MASTER_KEY", "plugins.keystore-aes.master-keys");
        keys.put("STRIPE_SECRET_KEY", "plugins.stripe.secret-key");
        keys.put("STRIPE_WEBHOOK_SECRET", "plugins.stripe.webhook-secrets");
        keys.put("PM_STRIPE_PRICE_MONTHLY", "plugins.stripe.price-monthly");
        keys.put("PM_STRIPE_PRICE_YEARLY", "plugins.stripe.price-yearly");
        keys.put("PM_STRIPE_API_BASE", "plugins.stripe.api-base");
        keys.put("PM_BILLING_GRACE_PERIOD", "billing.grace-period");
        keys.put("PM_CONSOLE_PUBLIC_URL", "console.public-url");
        keys.put("PM_SHUTDOWN_GRACE_PERIOD", "shutdown.grace-period");
        return Map.copyOf(keys);
    }

    /** The configuration overrides present in {@code environment}; blank values count as unset. */
    static Map<String, String> from(Map<String, String> environment) {
        Map<String, String> overrides = new LinkedHashMap<>();
        KEYS.forEach((variable, key) -> {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                overrides.put(key, value);
            }
        });
        return overrides;
    }
}
