package io.promptmanager.core.db;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the data lives. With a blank {@code url} the platform runs its own embedded PostgreSQL
 * under {@code dataDir}; otherwise it connects to {@code url} through a HikariCP pool.
 */
public record DatabaseSettings(String url, String user, String password, Path dataDir,
                               int embeddedPort, int maxPoolSize, Duration connectTimeout) {

    public boolean embedded() {
        return url == null || url.isBlank();
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + (embedded() ? "embedded:" + dataDir : url)
                + ", user=" + user + ", maxPoolSize=" + maxPoolSize + "]";
    }
}
