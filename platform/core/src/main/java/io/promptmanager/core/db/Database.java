package io.promptmanager.core.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The platform's database: an embedded or external PostgreSQL, migrated by Flyway at start,
 * reached through HikariCP pools and Helidon's DB client — the main pool, and one connection of
 * its own for the execution recorder's writes ({@link #writerDbClient}). Closing it closes the
 * pools, then stops the embedded server.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    private final EmbeddedPostgresServer embedded;
    private final HikariDataSource dataSource;
    private final HikariDataSource writerDataSource;
    private final DbClient dbClient;
    private final DbClient writerDbClient;
    private final String jdbcUrl;
    private final String user;
    private final String password;

    private Database(EmbeddedPostgresServer embedded, HikariDataSource dataSource,
                     HikariDataSource writerDataSource, String jdbcUrl, String user, String password) {
        this.embedded = embedded;
        this.dataSource = dataSource;
        this.writerDataSource = writerDataSource;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.dbClient = JdbcClientBuilder.create()
                .connectionPool(new HikariConnectionPool(dataSource))
                .build();
        this.writerDbClient = JdbcClientBuilder.create()
                .connectionPool(new HikariConnectionPool(writerDataSource))
                .build();
    }

    /** Starts (embedded) or reaches (external) the database and applies every pending migration. */
    public static Database start(DatabaseSettings settings) {
        EmbeddedPostgresServer embedded = null;
        String url = settings.url();
        String user = settings.user();
        String password = settings.password();
        if (settings.embedded()) {
            embedded = EmbeddedPostgresServer.start(settings.dataDir(), settings.embeddedPort());
            url = embedded.jdbcUrl();
            user = "postgres";
            password = "";
        }
        try {
            HikariDataSource dataSource = pool(settings, url, user, password);
            migrate(dataSource);
            HikariDataSource writerDataSource = writerPool(settings, url, user, password, dataSource);
            LOG.info(() -> "Database ready: " + (settings.embedded()
                    ? "embedded PostgreSQL in " + settings.dataDir().resolve("postgres") : redact(settings.url())));
            return new Database(embedded, dataSource, writerDataSource, url, user, password);
        } catch (RuntimeException e) {
            closeQuietly(embedded);
            throw e;
        }
    }

    private static HikariDataSource pool(DatabaseSettings settings, String url, String user, String password) {
        HikariConfig config = config(settings, url, user, password, "prompt-manager");
        config.setMaximumPoolSize(settings.maxPoolSize());
        return open(config, url);
    }

    /**
     * One connection (the recorder writes one batch at a time) on which prepared statements use
     * their generic plan from the first execution. The recorder's statement has the same shape
     * whatever its arrays hold, but PostgreSQL would otherwise plan it anew for every batch (each
     * custom plan, costed for the actual array lengths, looks cheaper than the generic one), and
     * that planning costs more than executing a small batch.
     */
    private static HikariDataSource writerPool(DatabaseSettings settings, String url, String user, String password,
                                               HikariDataSource main) {
        HikariConfig config = config(settings, url, user, password, "prompt-manager-writer");
        config.setMaximumPoolSize(1);
        config.addDataSourceProperty("options", "-c plan_cache_mode=force_generic_plan");
        config.addDataSourceProperty("prepareThreshold", 1);
        try {
            return open(config, url);
        } catch (RuntimeException e) {
            main.close();
            throw e;
        }
    }

    private static HikariConfig config(DatabaseSettings settings, String url, String user, String password,
                                       String name) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setConnectionTimeout(settings.connectTimeout().toMillis());
        config.setInitializationFailTimeout(settings.connectTimeout().toMillis());
        config.addDataSourceProperty("connectTimeout", Math.max(1, settings.connectTimeout().toSeconds()));
        config.addDataSourceProperty("ApplicationName", name);
        return config;
    }

    private static HikariDataSource open(HikariConfig config, String url) {
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StartupException("Database unreachable at " + redact(url) + ": "
                    + EmbeddedPostgresServer.rootMessage(e), e);
        }
    }

    private static void migrate(HikariDataSource dataSource) {
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw new StartupException("Database migration failed: " + EmbeddedPostgresServer.rootMessage(e), e);
        }
    }

    public DbClient dbClient() {
        return dbClient;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The execution recorder's own connection, whose prepared statements run their generic plan. */
    public DbClient writerDbClient() {
        return writerDbClient;
    }

    /**
     * A connection outside the pool, for the long-lived LISTEN of cache invalidation: a pooled
     * connection would lose its LISTEN registrations when recycled.
     */
    public Connection openDedicatedConnection() throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "prompt-manager-listener");
        return DriverManager.getConnection(jdbcUrl, properties);
    }

    /** True when a connection answers a trivial query; used by the readiness check. */
    public boolean isReachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        writerDataSource.close();
        dataSource.close();
        closeQuietly(embedded);
    }

    private static void closeQuietly(EmbeddedPostgresServer server) {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Embedded PostgreSQL did not stop cleanly", e);
        }
    }

    /** A JDBC URL without any password parameter, fit for a log line. */
    static String redact(String url) {
        return url == null ? "" : url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
