package io.promptmanager.ui;

import io.promptmanager.core.byok.ByokService;
import io.promptmanager.core.testing.FakeModelProvider;
import io.promptmanager.core.testing.TestKeyStorage;
import io.promptmanager.core.testing.TestPlatform;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * A platform where users can test, save and use their own key: prompts run on a fake provider
 * with OpenRouter's id (it answers key checks as the test scripts it) and a key storage that
 * really encrypts.
 */
public final class ByokPlatform implements Supplier<TestPlatform> {
    @Override
    public TestPlatform get() {
        return TestPlatform.start(TestPlatform.settings(Clock.systemUTC()),
                List.of(new FakeModelProvider(ByokService.PROVIDER)), List.of(new TestKeyStorage(1)));
    }
}
