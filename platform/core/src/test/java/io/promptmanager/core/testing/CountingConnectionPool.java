package io.promptmanager.core.testing;

import io.helidon.dbclient.jdbc.JdbcConnectionPool;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** Hands out pooled connections that count every statement prepared on them. */
public final class CountingConnectionPool implements JdbcConnectionPool {
    private static final Set<String> STATEMENT_METHODS = Set.of("prepareStatement", "createStatement", "prepareCall");

    private final DataSource dataSource;
    private final AtomicLong statements = new AtomicLong();

    public CountingConnectionPool(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long statements() {
        return statements.get();
    }

    @Override
    public Connection connection() {
        try {
            Connection target = dataSource.getConnection();
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (STATEMENT_METHODS.contains(method.getName())) {
                            statements.incrementAndGet();
                        }
                        try {
                            return method.invoke(target, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String dbType() {
        return "postgresql";
    }
}
