package io.promptmanager.core.testing;

import io.promptmanager.core.db.Database;
import io.promptmanager.core.db.DatabaseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

/**
 * A fresh, migrated PostgreSQL database for each caller. With {@code PM_TEST_DB_URL} (a JDBC
 * URL of a server where the user may create databases, e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}) the databases are created
 * there; otherwise one embedded PostgreSQL is started for the whole test JVM. Databases are
 * named {@code pm_test_<random>} so parallel runs never collide, and dropped when the JVM exits.
 */
public final class TestDatabase {
    private static final String ADMIN_URL = adminUrl();

    private TestDatabase() {
    }

    /** A new empty database, migrated, ready for the platform. The caller closes it. */
    public static Database fresh() {
        return Database.start(settings(createDatabase()));
    }

    /** Settings of a new empty database (not yet migrated), e.g. to start a whole server on it. */
    public static DatabaseSettings freshSettings() {
        return settings(createDatabase());
    }

    private static DatabaseSettings settings(String url) {
        return new DatabaseSettings(url, null, null, null, 0, 8, Duration.ofSeconds(10));
    }

    private static String createDatabase() {
        String name = "pm_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(ADMIN_URL, "CREATE DATABASE " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> execute(ADMIN_URL, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")));
        return withDatabase(ADMIN_URL, name);
    }

    static String withDatabase(String url, String database) {
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?');
        String base = url.substring(0, slash + 1);
        return base + database + (query >= 0 ? url.substring(query) : "");
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test database: " + sql + " failed: " + e.getMessage(), e);
        }
    }

    private static String adminUrl() {
        String external = System.getenv("PM_TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            return external;
        }
        return EmbeddedHolder.URL;
    }

    /** Started only when no external server is configured, once per JVM. */
    private static final class EmbeddedHolder {
        private static final String URL = start();

        private static String start() {
            try {
                Path dir = Files.createTempDirectory("pm-test-pg");
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setOverrideWorkingDirectory(dir.toFile())
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is going away; the temp folder is left for the OS
                    }
                }));
                return postgres.getJdbcUrl("postgres", "postgres");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
