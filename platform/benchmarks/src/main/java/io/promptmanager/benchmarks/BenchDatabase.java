package io.promptmanager.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The benchmark's own PostgreSQL database: a fresh one created on a server the caller names (and
 * dropped at the end), or the product's embedded PostgreSQL when no server is named. The harness
 * reads it over one connection of its own and counts the statements it sends, so they can be
 * told apart from the server's in PostgreSQL's transaction counters.
 */
final class BenchDatabase implements AutoCloseable {
    static final String APPLICATION_NAME = "pm-benchmark";

    private final String adminUrl;
    private final String url;
    private final String user;
    private final String name;
    private final int embeddedPort;
    private Connection connection;
    private long statements;

    private BenchDatabase(String adminUrl, String url, String user, String name, int embeddedPort) {
        this.adminUrl = adminUrl;
        this.url = url;
        this.user = user;
        this.name = name;
        this.embeddedPort = embeddedPort;
    }

    /**
     * A new database on the server of {@code adminUrl} (a JDBC URL of a user allowed to create
     * databases, e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}).
     */
    static BenchDatabase create(String adminUrl) {
        String name = "pm_bench_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"))
                + "_" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36);
        try (Connection admin = DriverManager.getConnection(adminUrl, properties());
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
            if (Boolean.getBoolean("bench.logStatements")) {
                // A diagnosis aid: every statement sent to this database, with its duration, in the server log.
                statement.execute("ALTER DATABASE " + name + " SET log_min_duration_statement = 0");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the benchmark database on " + redact(adminUrl), e);
        }
        int slash = adminUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = adminUrl.indexOf('?');
        String server = adminUrl.substring(0, slash);
        String parameters = query < 0 ? "" : adminUrl.substring(query);
        String user = parameter(parameters, "user");
        return new BenchDatabase(adminUrl, server + "/" + name + parameters, user, name, 0);
    }

    /** The product's embedded PostgreSQL, on {@code port}, database {@code postgres}. */
    static BenchDatabase embedded(int port) {
        return new BenchDatabase(null, "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres", "postgres",
                "postgres", port);
    }

    /** How the product reaches this database: its PM_DB_* environment. */
    Map<String, String> productEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        if (embeddedPort > 0) {
            env.put("PM_DB_EMBEDDED_PORT", Integer.toString(embeddedPort));
        } else {
            env.put("PM_DB_URL", url);
            if (user != null) {
                env.put("PM_DB_USER", user);
            }
        }
        return env;
    }

    String url() {
        return url;
    }

    String user() {
        return user == null ? "" : user;
    }

    String name() {
        return name;
    }

    String description() {
        return embeddedPort > 0 ? "the product's embedded PostgreSQL" : "database " + name + " on " + redact(url);
    }

    /** Opens the harness's connection; call once the product has created the schema. */
    void connect() {
        try {
            connection = DriverManager.getConnection(url, properties());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not connect to " + redact(url), e);
        }
    }

    /** Statements the harness has sent so far (each one a transaction PostgreSQL counts). */
    long statements() {
        return statements;
    }

    long executions() {
        return single("SELECT count(*) FROM executions");
    }

    /** Committed plus rolled-back transactions of this database, as PostgreSQL's statistics show them. */
    long transactions() {
        return single("SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()");
    }

    /** Per table: scans (sequential + index) and rows written (inserted + updated + deleted), as published. */
    Map<String, long[]> tableActivity() {
        Map<String, long[]> tables = new java.util.TreeMap<>();
        query("""
                SELECT relname, seq_scan + coalesce(idx_scan, 0), n_tup_ins + n_tup_upd + n_tup_del
                FROM pg_stat_user_tables
                """, rows -> {
            while (rows.next()) {
                tables.put(rows.getString(1), new long[] {rows.getLong(2), rows.getLong(3)});
            }
        });
        return tables;
    }

    /** Index of scans in a {@link #tableActivity} reading's counters. */
    static final int SCANS = 0;
    /** Index of written rows in a {@link #tableActivity} reading's counters. */
    static final int ROWS_WRITTEN = 1;

    /** How much one counter of one table moved between two {@link #tableActivity} readings. */
    static long change(Map<String, long[]> before, Map<String, long[]> after, String table, int counter) {
        return after.getOrDefault(table, new long[2])[counter] - before.getOrDefault(table, new long[2])[counter];
    }

    /** Scans plus written rows, over every table, between two {@link #tableActivity} readings. */
    static long touchesSince(Map<String, long[]> before, Map<String, long[]> after) {
        long total = 0;
        for (Map.Entry<String, long[]> table : after.entrySet()) {
            long[] then = before.getOrDefault(table.getKey(), new long[2]);
            total += table.getValue()[0] - then[0] + table.getValue()[1] - then[1];
        }
        return total;
    }

    /**
     * What changed between two {@link #tableActivity} readings, for tables that changed, divided
     * by {@code per} (1 for totals).
     */
    static Map<String, String> activitySince(Map<String, long[]> before, Map<String, long[]> after, long per) {
        Map<String, String> changed = new LinkedHashMap<>();
        after.forEach((table, now) -> {
            long[] then = before.getOrDefault(table, new long[2]);
            long scans = now[0] - then[0];
            long written = now[1] - then[1];
            if (scans != 0 || written != 0) {
                changed.put(table, Figure.number((double) scans / per) + " scans, "
                        + Figure.number((double) written / per) + " rows written");
            }
        });
        return changed;
    }

    /** The process ids of the product's connections (the pool and the LISTEN connection). */
    List<Long> productBackends() {
        List<Long> pids = new ArrayList<>();
        query("""
                SELECT pid FROM pg_stat_activity
                WHERE datname = current_database() AND application_name LIKE 'prompt-manager%'
                """, rows -> {
            while (rows.next()) {
                pids.add(rows.getLong(1));
            }
        });
        return pids;
    }

    /** Version and the settings that decide what a commit costs. */
    Map<String, String> serverFacts() {
        Map<String, String> facts = new LinkedHashMap<>();
        for (String setting : List.of("server_version", "synchronous_commit", "fsync", "wal_sync_method",
                "shared_buffers", "max_connections")) {
            query("SHOW " + setting, rows -> {
                rows.next();
                facts.put(setting, rows.getString(1));
            });
        }
        return facts;
    }

    /** Runs {@code sql} and hands the rows over; counts as one harness statement. */
    void query(String sql, RowsReader reader) {
        statements++;
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            reader.read(rows);
        } catch (SQLException e) {
            throw new IllegalStateException("Benchmark query failed: " + sql, e);
        }
    }

    void execute(String sql) {
        statements++;
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Benchmark statement failed: " + sql, e);
        }
    }

    Connection connection() {
        return connection;
    }

    interface RowsReader {
        void read(ResultSet rows) throws SQLException;
    }

    private long single(String sql) {
        long[] value = new long[1];
        query(sql, rows -> {
            rows.next();
            value[0] = rows.getLong(1);
        });
        return value[0];
    }

    @Override
    public void close() {
        try {
            if (connection != null) {
                connection.close();
            }
            if (adminUrl != null) {
                try (Connection admin = DriverManager.getConnection(adminUrl, properties());
                     Statement statement = admin.createStatement()) {
                    statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop the benchmark database " + name, e);
        }
    }

    private static Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        return properties;
    }

    private static String parameter(String query, String key) {
        for (String pair : query.replaceFirst("^\\?", "").split("&")) {
            if (pair.startsWith(key + "=")) {
                return pair.substring(key.length() + 1);
            }
        }
        return null;
    }

    static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("password=[^&]*", "password=***");
    }
}
