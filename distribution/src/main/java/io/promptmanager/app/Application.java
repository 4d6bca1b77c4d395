package io.promptmanager.app;

import io.promptmanager.core.CoreServices;
import io.promptmanager.core.CoreSettings;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.db.Database;
import io.promptmanager.core.db.StartupException;
import io.promptmanager.core.plugin.PluginHost;
import io.promptmanager.core.user.User;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one wiring place: starts the database, plugin host, core services (over the started model
 * providers), API server and console in that order, and stops them in reverse. If any step fails, what already started is stopped
 * before the failure is reported, so no embedded PostgreSQL is left behind.
 */
final class Application implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Application.class.getName());

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final AppSettings settings;
    private CoreServices core;
    private StartedEndpoints endpoints;

    private Application(AppSettings settings) {
        this.settings = settings;
    }

    static Application start(AppSettings settings) {
        Application application = new Application(settings);
        try {
            application.startAll();
            return application;
        } catch (RuntimeException e) {
            application.close();
            throw e;
        }
    }

    private void startAll() {
        Database database = keep(Database.start(settings.database()));
        PluginHost plugins = keep(PluginHost.start(settings.pluginsDir(), settings.pluginSettings()));
        byte[] pepper = ApiKeyPepper.resolve(settings.apiKeyPepper(), settings.dataDir());
        core = keep(CoreServices.start(database, new CoreSettings(settings.plans(), settings.accounts(),
                pepper, Clock.systemUTC(), settings.executions(), settings.billing()), plugins));
        provisionAdmin();
        endpoints = Endpoints.start(settings, core, started);
    }

    private void provisionAdmin() {
        String password = settings.adminPassword().isEmpty() ? null : settings.adminPassword();
        Optional<String> generated;
        try {
            generated = core.userService().ensureInitialAdmin(settings.adminEmail(), password);
        } catch (DomainException e) {
            throw new StartupException("Cannot create the administrator " + settings.adminEmail() + ": " + e.getMessage(), e);
        }
        generated.ifPresent(secret -> System.out.println("""

                ================================================================
                 First start: administrator account created
                   e-mail:   %s
                   password: %s
                 This password is shown only once. Change it after signing in.
                ================================================================
                """.formatted(settings.adminEmail(), secret)));
        if (!settings.adminApiKey().isEmpty()) {
            User admin = core.userService().firstAdmin()
                    .orElseThrow(() -> new StartupException("PM_ADMIN_API_KEY is set but no enabled administrator exists"));
            try {
                core.apiKeyService().ensureOperatorKey(admin.id(), settings.adminApiKey());
            } catch (IllegalArgumentException e) {
                throw new StartupException("PM_ADMIN_API_KEY: " + e.getMessage(), e);
            }
        }
    }

    StartedEndpoints endpoints() {
        return endpoints;
    }

    private <T extends AutoCloseable> T keep(T component) {
        started.push(component);
        return component;
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable component = started.pop();
            try {
                component.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Stopping " + component.getClass().getSimpleName() + " failed", e);
            }
        }
    }
}
