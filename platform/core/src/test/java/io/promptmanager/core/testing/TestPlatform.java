package io.promptmanager.core.testing;

import io.promptmanager.core.CoreServices;
import io.promptmanager.core.CoreSettings;
import io.promptmanager.core.db.Database;
import io.promptmanager.core.plan.PlanSettings;
import io.promptmanager.core.plugin.PluginHost;
import io.promptmanager.core.user.AccountSettings;
import io.promptmanager.plugin.model.ModelProvider;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * Core services over a fresh test database, for tests of the API and the console. Close it to
 * stop the services and the database (model providers and a plugin host stay their owner's).
 */
public final class TestPlatform implements AutoCloseable {
    public static final byte[] TEST_PEPPER = "test-pepper-test-pepper-test-pepper!".getBytes(StandardCharsets.UTF_8);

    private final Database database;
    private final CoreServices services;

    private TestPlatform(Database database, CoreServices services) {
        this.database = database;
        this.services = services;
    }

    public static TestPlatform start() {
        return start(Clock.systemUTC());
    }

    public static TestPlatform start(Clock clock) {
        return start(clock, List.of());
    }

    /** Over these started model providers (distinct ids): their models make the catalogue. */
    public static TestPlatform start(List<ModelProvider> providers) {
        return start(Clock.systemUTC(), providers);
    }

    public static TestPlatform start(Clock clock, List<ModelProvider> providers) {
        Database database = TestDatabase.fresh();
        return new TestPlatform(database, CoreServices.start(database, settings(clock), providers));
    }

    /** Over a started plugin host: its providers make the catalogue and administrators see its plugins. */
    public static TestPlatform start(PluginHost plugins) {
        Database database = TestDatabase.fresh();
        return new TestPlatform(database, CoreServices.start(database, settings(Clock.systemUTC()), plugins));
    }

    /** A second node on the same database (own caches and listeners), e.g. for cross-node tests. */
    public CoreServices secondNode() {
        return CoreServices.start(database, settings(Clock.systemUTC()));
    }

    public static CoreSettings settings(Clock clock) {
        return new CoreSettings(PlanSettings.defaults(), AccountSettings.defaults(), TEST_PEPPER, clock);
    }

    public Database database() {
        return database;
    }

    public CoreServices services() {
        return services;
    }

    @Override
    public void close() {
        services.close();
        database.close();
    }
}
