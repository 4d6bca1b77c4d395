package io.promptmanager.server.support;

import io.promptmanager.core.CoreServices;
import io.promptmanager.core.testing.TestPlatform;
import io.promptmanager.server.ApiServer;
import io.promptmanager.server.ApiServerSettings;

/** Core services over a fresh database and an API server on a free loopback port. */
public final class RunningApi implements AutoCloseable {
    private final TestPlatform platform;
    private final ApiServer server;
    private TestAccounts accounts;

    private RunningApi(TestPlatform platform, ApiServer server) {
        this.platform = platform;
        this.server = server;
    }

    public static RunningApi start() {
        return start(ApiServerSettings.loopbackOnFreePort());
    }

    public static RunningApi start(ApiServerSettings settings) {
        return start(settings, TestPlatform.start());
    }

    /** An API server over an already started platform (e.g. one with model providers); closing stops both. */
    public static RunningApi start(TestPlatform platform) {
        return start(ApiServerSettings.loopbackOnFreePort(), platform);
    }

    private static RunningApi start(ApiServerSettings settings, TestPlatform platform) {
        try {
            return new RunningApi(platform, ApiServer.start(settings, platform.services()));
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    public TestPlatform platform() {
        return platform;
    }

    public CoreServices core() {
        return platform.services();
    }

    public ApiServer server() {
        return server;
    }

    public synchronized TestAccounts accounts() {
        if (accounts == null) {
            accounts = new TestAccounts(core());
        }
        return accounts;
    }

    /** A client without credentials. */
    public ApiClient client() {
        return ApiClient.of(server.port());
    }

    public ApiClient as(Account account) {
        return client().withKey(account.key());
    }

    @Override
    public void close() {
        server.close();
        platform.close();
    }
}
