package io.promptmanager.core.analytics;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.promptmanager.core.common.BillingType;
import io.promptmanager.core.db.SqlWrite;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * SQL for the analytics rollups. Each run adds to three rows: its day's row of its prompt
 * version, model and billing type (level DAY), the same key's row of its month (MONTH), and its
 * day's total over everything (DAY_TOTAL). A report by day reads the day totals; any other
 * report reads whole months from MONTH rows and only the days at the edges from DAY rows. Runs
 * are added by {@link RollupAggregator}, some time after they are stored.
 */
public final class RollupRepository {
    private static final String ALL = "";
    // Folds take turns (RollupAggregator), so only one upserts at a time; rows still arrive sorted
    // by key and are upserted in that order — the primary key's order, in which deleting an account
    // locks its rows too — so a fold and a deletion cannot deadlock.
    // The histograms are added bucket by bucket: a multi-argument unnest zips the arrays and its
    // function scan returns the rows in array order, which ARRAY(...) keeps. (An ORDER BY over WITH
    // ORDINALITY said the same at the price of a sort per row, a quarter of the statement's CPU.)
    private static final String UPSERT = """
            INSERT INTO execution_rollups AS r (user_id, level, day, prompt_name, version_number, model, billing_type,
                                                runs, successes, errors, prompt_tokens, completion_tokens, cost,
                                                unknown_cost_runs, latency_ms_sum, latency_histogram)
            SELECT t.user_id::uuid, t.level, t.day::date, t.prompt_name, t.version_number::integer, t.model,
                   t.billing_type, t.runs::bigint, t.successes::bigint, t.errors::bigint, t.prompt_tokens::bigint,
                   t.completion_tokens::bigint, t.cost::numeric, t.unknown_cost_runs::bigint,
                   t.latency_ms_sum::bigint, t.latency_histogram::integer[]
            FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                 WITH ORDINALITY AS t(user_id, level, day, prompt_name, version_number, model, billing_type, runs,
                                      successes, errors, prompt_tokens, completion_tokens, cost, unknown_cost_runs,
                                      latency_ms_sum, latency_histogram, ord)
            ORDER BY t.ord
            ON CONFLICT (user_id, level, day, prompt_name, version_number, model, billing_type) DO UPDATE SET
                runs = r.runs + excluded.runs,
                successes = r.successes + excluded.successes,
                errors = r.errors + excluded.errors,
                prompt_tokens = r.prompt_tokens + excluded.prompt_tokens,
                completion_tokens = r.completion_tokens + excluded.completion_tokens,
                cost = r.cost + excluded.cost,
                unknown_cost_runs = r.unknown_cost_runs + excluded.unknown_cost_runs,
                latency_ms_sum = r.latency_ms_sum + excluded.latency_ms_sum,
                latency_histogram = ARRAY(SELECT a + b
                                          FROM unnest(r.latency_histogram, excluded.latency_histogram) AS h(a, b))
            """;
    private static final String COLUMNS = """
            SELECT day, prompt_name, version_number, model, billing_type, runs, successes, errors, prompt_tokens,
                   completion_tokens, cost, unknown_cost_runs, latency_ms_sum, latency_histogram
            FROM execution_rollups
            """;
    private static final String DAY_TOTALS = COLUMNS + """
            WHERE user_id = ?::uuid AND level = 'DAY_TOTAL' AND day BETWEEN ? AND ?
            """;
    // An empty range (start after end) matches nothing.
    private static final String BY_KEY = COLUMNS + """
            WHERE user_id = ?::uuid
              AND ((level = 'MONTH' AND day BETWEEN ? AND ?)
                   OR (level = 'DAY' AND day BETWEEN ? AND ?)
                   OR (level = 'DAY' AND day BETWEEN ? AND ?))
            """;

    private enum Level {
        DAY, MONTH, DAY_TOTAL
    }

    /** One stored rollup row; a day total has no prompt, version, model or billing type (null). */
    public record Row(LocalDate day, String promptName, Integer version, String model, BillingType billingType,
                      Measures measures) {
        /** The row of a day, prompt version, model and billing type that the entry's runs would add to. */
        static Row of(RollupEntry entry) {
            return new Row(entry.day(), entry.promptName(), entry.version(), entry.model(), entry.billingType(),
                    entry.measures());
        }
    }

    /**
     * The addition of runs to their rollup rows, as one statement: the entries are summed per row
     * first, so no row is upserted twice by it.
     */
    public SqlWrite add(List<RollupEntry> entries) {
        // summed by hash (many entries, few rows), then put in lock order
        Map<Key, Measures> sums = new HashMap<>();
        for (RollupEntry e : entries) {
            for (Key key : Key.of(e)) {
                sums.merge(key, e.measures(), Measures::plus);
            }
        }
        List<Map.Entry<Key, Measures>> rows = new ArrayList<>(sums.entrySet());
        rows.sort(Map.Entry.comparingByKey(Key.ORDER));
        int n = rows.size();
        String[][] columns = new String[16][n];
        int i = 0;
        for (Map.Entry<Key, Measures> row : rows) {
            Key k = row.getKey();
            Measures m = row.getValue();
            String[] values = {k.userId().toString(), k.level().name(), k.day().toString(), k.promptName(),
                    Integer.toString(k.version()), k.model(), k.billingType(), Long.toString(m.runs()),
                    Long.toString(m.successes()), Long.toString(m.errors()), Long.toString(m.promptTokens()),
                    Long.toString(m.completionTokens()), m.cost().toPlainString(), Long.toString(m.unknownCostRuns()),
                    Long.toString(m.latencyMsSum()), histogramLiteral(m.latencyHistogram())};
            for (int c = 0; c < values.length; c++) {
                columns[c][i] = values[c];
            }
            i++;
        }
        return new SqlWrite(UPSERT, (Object[]) columns);
    }

    /** The user's totals of each UTC day from {@code from} to {@code to}, both included. */
    public List<Row> dayTotals(DbExecute exec, UUID userId, LocalDate from, LocalDate to) {
        return exec.query(DAY_TOTALS, userId, from, to).map(RollupRepository::map).toList();
    }

    /**
     * Rows covering the days {@code from} to {@code to} (both included) exactly once, per prompt
     * version, model and billing type: MONTH rows for the whole months inside, DAY rows for the rest.
     */
    public List<Row> byKey(DbExecute exec, UUID userId, LocalDate from, LocalDate to) {
        Segments s = Segments.of(from, to);
        return exec.query(BY_KEY, userId, s.firstMonth(), s.lastMonth(), s.headFrom(), s.headTo(), s.tailFrom(),
                s.tailTo()).map(RollupRepository::map).toList();
    }

    /**
     * How a range of days splits into whole months ({@code firstMonth}..{@code lastMonth}, month
     * starts) and the days before and after them; an empty part has its start after its end.
     */
    record Segments(LocalDate firstMonth, LocalDate lastMonth, LocalDate headFrom, LocalDate headTo,
                    LocalDate tailFrom, LocalDate tailTo) {
        static Segments of(LocalDate from, LocalDate to) {
            LocalDate end = to.plusDays(1);
            LocalDate monthsFrom = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
            LocalDate monthsEnd = end.withDayOfMonth(1);
            if (!monthsFrom.isBefore(monthsEnd)) {
                return new Segments(end, to, from, to, end, to);
            }
            return new Segments(monthsFrom, monthsEnd.minusMonths(1), from, monthsFrom.minusDays(1), monthsEnd, to);
        }
    }

    private static Row map(DbRow row) {
        String billing = row.column("billing_type").get(String.class);
        String prompt = row.column("prompt_name").get(String.class);
        boolean total = billing.equals(ALL);
        return new Row(row.column("day").get(LocalDate.class),
                total ? null : prompt,
                total ? null : row.column("version_number").get(Integer.class),
                total ? null : row.column("model").get(String.class),
                total ? null : BillingType.valueOf(billing),
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
            Integer[] counts = (Integer[]) array.getArray();
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

    private record Key(UUID userId, Level level, LocalDate day, String promptName, int version, String model,
                       String billingType) {
        static final Comparator<Key> ORDER = Comparator.comparing(Key::userId).thenComparing(Key::level)
                .thenComparing(Key::day).thenComparing(Key::promptName).thenComparingInt(Key::version)
                .thenComparing(Key::model).thenComparing(Key::billingType);

        static List<Key> of(RollupEntry e) {
            String billing = e.billingType().name();
            return List.of(
                    new Key(e.userId(), Level.DAY, e.day(), e.promptName(), e.version(), e.model(), billing),
                    new Key(e.userId(), Level.MONTH, e.day().withDayOfMonth(1), e.promptName(), e.version(), e.model(),
                            billing),
                    new Key(e.userId(), Level.DAY_TOTAL, e.day(), ALL, 0, ALL, ALL));
        }
    }
}
