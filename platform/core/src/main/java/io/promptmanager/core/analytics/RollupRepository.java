package io.promptmanager.core.analytics;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.promptmanager.core.common.BillingType;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/** SQL for the daily analytics rollups. */
public final class RollupRepository {
    // Rows arrive sorted by key and are upserted in that order, so two nodes' batches lock shared
    // rows in the same order and cannot deadlock.
    private static final String UPSERT = """
            INSERT INTO execution_rollups AS r (user_id, day, prompt_name, version_number, model, billing_type, runs,
                                                successes, errors, prompt_tokens, completion_tokens, cost,
                                                unknown_cost_runs, latency_ms_sum, latency_histogram)
            SELECT t.user_id::uuid, t.day::date, t.prompt_name, t.version_number::integer, t.model, t.billing_type,
                   t.runs::bigint, t.successes::bigint, t.errors::bigint, t.prompt_tokens::bigint,
                   t.completion_tokens::bigint, t.cost::numeric, t.unknown_cost_runs::bigint,
                   t.latency_ms_sum::bigint, t.latency_histogram::integer[]
            FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                 WITH ORDINALITY AS t(user_id, day, prompt_name, version_number, model, billing_type, runs, successes,
                                      errors, prompt_tokens, completion_tokens, cost, unknown_cost_runs,
                                      latency_ms_sum, latency_histogram, ord)
            ORDER BY t.ord
            ON CONFLICT (user_id, day, prompt_name, version_number, model, billing_type) DO UPDATE SET
                runs = r.runs + excluded.runs,
                successes = r.successes + excluded.successes,
                errors = r.errors + excluded.errors,
                prompt_tokens = r.prompt_tokens + excluded.prompt_tokens,
                completion_tokens = r.completion_tokens + excluded.completion_tokens,
                cost = r.cost + excluded.cost,
                unknown_cost_runs = r.unknown_cost_runs + excluded.unknown_cost_runs,
                latency_ms_sum = r.latency_ms_sum + excluded.latency_ms_sum,
                latency_histogram = ARRAY(SELECT a + b
                                          FROM unnest(r.latency_histogram, excluded.latency_histogram)
                                               WITH ORDINALITY AS h(a, b, i)
                                          ORDER BY h.i)
            """;
    private static final String RANGE = """
            SELECT day, prompt_name, version_number, model, billing_type, runs, successes, errors, prompt_tokens,
                   completion_tokens, cost, unknown_cost_runs, latency_ms_sum, latency_histogram
            FROM execution_rollups
            WHERE user_id = ?::uuid AND day BETWEEN ? AND ?
            """;

    /** One stored rollup row. */
    public record Row(LocalDate day, String promptName, int version, String model, BillingType billingType,
                      Measures measures) {
    }

    /** Adds the runs of a batch to their rollup rows, with one statement. */
    public void add(DbExecute exec, List<RollupEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Map<Key, Measures> rows = new TreeMap<>(Key.ORDER);
        for (RollupEntry e : entries) {
            rows.merge(Key.of(e), Measures.of(e), Measures::plus);
        }
        int n = rows.size();
        String[][] columns = new String[15][n];
        int i = 0;
        for (Map.Entry<Key, Measures> row : rows.entrySet()) {
            Key k = row.getKey();
            Measures m = row.getValue();
            String[] values = {k.userId().toString(), k.day().toString(), k.promptName(), Integer.toString(k.version()),
                    k.model(), k.billingType().name(), Long.toString(m.runs()), Long.toString(m.successes()),
                    Long.toString(m.errors()), Long.toString(m.promptTokens()), Long.toString(m.completionTokens()),
                    m.cost().toPlainString(), Long.toString(m.unknownCostRuns()), Long.toString(m.latencyMsSum()),
                    histogramLiteral(m.latencyHistogram())};
            for (int c = 0; c < values.length; c++) {
                columns[c][i] = values[c];
            }
            i++;
        }
        exec.insert(UPSERT, (Object[]) columns);
    }

    /** Every rollup row of the user between two UTC days, both included. */
    public List<Row> range(DbExecute exec, UUID userId, LocalDate from, LocalDate to) {
        return exec.query(RANGE, userId, from, to).map(RollupRepository::map).toList();
    }

    private static Row map(DbRow row) {
        return new Row(row.column("day").get(LocalDate.class),
                row.column("prompt_name").get(String.class),
                row.column("version_number").get(Integer.class),
                row.column("model").get(String.class),
                BillingType.valueOf(row.column("billing_type").get(String.class)),
                new Measures(row.column("runs").get(Long.class),
                        row.column("successes").get(Long.class),
                        row.column("errors").get(Long.class),
                        row.column("prompt_tokens").get(Long.class),
                        row.column("completion_tokens").get(Long.class),
                        row.column("cost").get(BigDecimal.class),
                        row.column("unknown_cost_runs").get(Long.class),
                        row.column("latency_ms_sum").get(Long.class),
                        histogram(row.column("latency_histogram").get(Array.class))));
    }

    private static long[] histogram(Array array) {
        try {
            Object values = array.getArray();
            Integer[] counts = (Integer[]) values;
            long[] result = new long[LatencyHistogram.BUCKETS];
            for (int i = 0; i < counts.length && i < result.length; i++) {
                result[i] = counts[i];
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("Unreadable latency histogram", e);
        }
    }

    private static String histogramLiteral(long[] counts) {
        return Arrays.stream(counts).mapToObj(Long::toString).collect(Collectors.joining(",", "{", "}"));
    }

    private record Key(UUID userId, LocalDate day, String promptName, int version, String model,
                       BillingType billingType) {
        static final Comparator<Key> ORDER = Comparator.comparing(Key::userId).thenComparing(Key::day)
                .thenComparing(Key::promptName).thenComparingInt(Key::version).thenComparing(Key::model)
                .thenComparing(Key::billingType);

        static Key of(RollupEntry e) {
            return new Key(e.userId(), e.day(), e.promptName(), e.version(), e.model(), e.billingType());
        }
    }
}
