package io.promptmanager.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * What one durable commit costs on this PostgreSQL: a one-row INSERT committed on its own, timed
 * from the harness. Every run waits for such a commit (shared with the runs of its batch) before
 * Prompt Manager answers, so this is the floor of the latency it adds at one connection.
 */
final class CommitProbe {
    private CommitProbe() {
    }

    record Result(int commits, Double p50Ms, Double p90Ms, String loadAverage) {
    }

    static Result measure(BenchDatabase database, int commits) {
        Connection connection = database.connection();
        double[] millis = new double[commits];
        try {
            database.execute("CREATE TABLE IF NOT EXISTS benchmark_commit_probe (id bigint, at timestamptz)");
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO benchmark_commit_probe VALUES (?, now())")) {
                for (int i = 0; i < commits; i++) {
                    long start = System.nanoTime();
                    insert.setLong(1, i);
                    insert.executeUpdate();
                    millis[i] = (System.nanoTime() - start) / 1e6;
                }
            }
            try (Statement drop = connection.createStatement()) {
                drop.execute("DROP TABLE benchmark_commit_probe");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("commit probe failed", e);
        }
        Arrays.sort(millis);
        return new Result(commits, ArmTotals.round(millis[commits / 2], 3), ArmTotals.round(millis[commits * 9 / 10], 3),
                Machine.loadAverage());
    }
}
