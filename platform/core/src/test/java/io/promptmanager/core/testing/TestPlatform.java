package io.promptmanager.core.testing;

import io.promptmanager.core.CoreServices;
import io.promptmanager.core.CoreSettings;
import io.promptmanager.core.db.Database;
import io.promptmanager.core.execution.ExecutionSettings;
import io.promptmanager.core.plan.PlanSettings;
import io.promptmanager.core.user.AccountSettings;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * Core services over a fresh test database, running prompts on a {@link FakeModelProvider}, for
 * tests of the API and the console. Close it to stop the services and the database.
 */
public final class TestPlatform implements AutoCloseable {
    public static final byte[] TEST_PEPPER = "test-pepper-test-pepper-test-pepper!".getBytes(StandardCharsets.UTF_8);

    private final Database database;
    private final CoreServices services;
    private final FakeModelProvider provider;
    private final TestModelRegistry models;
    private final CoreSettings settings;

    private TestPlatform(Database database, CoreSettings settings, FakeModelProvider provider) {
        this.database = database;
        this.settings = settings;
        this.provider = provider;
        this.models = new TestModelRegistry(List.of(provider));
        this.services = CoreServices.start(database, settings, models, models);
    }

    public static TestPlatform start() {
        return start(Clock.systemUTC());
    }

    public static TestPlatform start(Clock clock) {
        return start(settings(clock));
    }

    public static TestPlatform start(CoreSettings settings) {
        return new TestPlatform(TestDatabase.fresh(), settings, new FakeModelProvider());
    }

    /**
     * A second node on the same database (own caches, listeners and recorder, same clock and the
     * same fake provider), e.g. for cross-node tests. The caller closes it.
     */
    public CoreServices secondNode() {
        return CoreServices.start(database, settings, models, models);
    }

    public static CoreSettings settings(Clock clock) {
        return new CoreSettings(PlanSettings.defaults(), AccountSettings.defaults(), TEST_PEPPER, clock,
                ExecutionSettings.defaults());
    }

    public Database database() {
        return database;
    }

    public CoreServices services() {
        return services;
    }

    /** The model provider every run of this platform goes to. */
    public FakeModelProvider provider() {
        return provider;
    }

    @Override
    public void close() {
        services.close();
        database.close();
    }
}
