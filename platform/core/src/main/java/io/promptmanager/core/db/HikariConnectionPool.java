package io.promptmanager.core.db;

import com.zaxxer.hikari.HikariDataSource;
import io.helidon.dbclient.DbClientException;
import io.helidon.dbclient.jdbc.JdbcConnectionPool;

import java.sql.Connection;
import java.sql.SQLException;

/** Hands Helidon's JDBC client connections from our HikariCP pool. */
final class HikariConnectionPool implements JdbcConnectionPool {
    private final HikariDataSource dataSource;

    HikariConnectionPool(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection connection() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new DbClientException("No database connection available", e);
        }
    }

    @Override
    public String dbType() {
        return "postgresql";
    }

    @Override
    public String name() {
        return "hikari";
    }
}
