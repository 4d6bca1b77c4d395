package io.promptmanager.core.analytics;

import io.promptmanager.core.common.BillingType;
import io.promptmanager.core.common.Channel;
import io.promptmanager.core.common.PageRequest;
import io.promptmanager.core.db.Database;
import io.promptmanager.core.db.Transactions;
import io.promptmanager.core.execution.Cost;
import io.promptmanager.core.execution.CostSource;
import io.promptmanager.core.execution.ExecutionFilter;
import io.promptmanager.core.execution.ExecutionHistoryService;
import io.promptmanager.core.execution.ExecutionRecord;
import io.promptmanager.core.execution.ExecutionRecorder;
import io.promptmanager.core.execution.ExecutionRepository;
import io.promptmanager.core.execution.ExecutionStatus;
import io.promptmanager.core.execution.Tokens;
import io.promptmanager.core.plan.Plan;
import io.promptmanager.core.quota.QuotaReservation;
import io.promptmanager.core.testing.AccountsFixture;
import io.promptmanager.core.testing.TestDatabase;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.NewUser;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Not a test: writes a million executions of one account through the real recorder (executions,
 * rollups and quota in one transaction per batch), then times analytics reports over the year
 * and, for comparison, the same report computed from the raw executions. Prints the numbers.
 *
 * <p>Run with {@code PM_TEST_DB_URL} set, from {@code platform/core} after {@code mvn test-compile}:
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) io.promptmanager.core.analytics.AnalyticsBenchmark [runs]}.
 */
public final class AnalyticsBenchmark {
    private static final int PROMPTS = 20;
    private static final LocalDate FIRST_DAY = LocalDate.parse("2025-03-01");
    private static final int DAYS = 365;
    private static final String[] MODELS = {"openai/gpt-4o-mini", "anthropic/claude-3.5-haiku",
            "meta-llama/llama-3.3-70b-instruct:free", "google/gemini-2.0-flash-001"};

    private AnalyticsBenchmark() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        try (Database database = TestDatabase.fresh()) {
            AccountsFixture accounts = new AccountsFixture(database, Clock.systemUTC());
            accounts.users.ensureInitialAdmin("root@example.com", "admin-password-0001");
            Actor admin = Actor.console(accounts.users.firstAdmin().orElseThrow());
            Actor owner = Actor.console(accounts.users.create(admin, new NewUser("bench@example.com",
                    "a long enough password", "Bench", Plan.PRO, null)));
            Transactions transactions = new Transactions(database.dbClient());
            RollupRepository rollups = new RollupRepository();

            UnfoldedRuns unfolded = new UnfoldedRuns();
            RollupWatermark watermark = new RollupWatermark();
            long started = System.nanoTime();
            write(transactions, accounts, owner.userId(), runs);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("wrote %,d executions through the recorder in %.1f s (%,.0f per second)%n",
                    runs, seconds, runs / seconds);
            started = System.nanoTime();
            long folded = new RollupAggregator(transactions, rollups, unfolded, watermark,
                    RollupAggregator.DEFAULT_INTERVAL).fold();
            seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("folded %,d executions into the rollups in %.1f s (%,.0f per second)%n",
                    folded, seconds, folded / seconds);
            database.dbClient().execute().update("VACUUM ANALYZE executions");
            database.dbClient().execute().update("VACUUM ANALYZE execution_rollups");
            database.dbClient().execute().query("SELECT level, count(*) AS n FROM execution_rollups GROUP BY level")
                    .forEach(row -> System.out.printf("rollup rows at level %s: %,d%n",
                            row.column("level").get(String.class), row.column("n").get(Long.class)));

            AnalyticsService analytics = new AnalyticsService(transactions, rollups, unfolded, watermark,
                    Clock.systemUTC());
            LocalDate last = FIRST_DAY.plusDays(DAYS - 1);
            for (GroupBy groupBy : GroupBy.values()) {
                time("analytics " + groupBy + " over 365 days", () -> analytics.report(owner,
                        new AnalyticsQuery(FIRST_DAY, last, groupBy)).groups().size());
            }
            LocalDate rollingFrom = FIRST_DAY.plusDays(15);
            LocalDate rollingTo = last.minusDays(14);
            time("analytics PROMPT, 336 days, partial months at both ends", () -> analytics.report(owner,
                    new AnalyticsQuery(rollingFrom, rollingTo, GroupBy.PROMPT)).groups().size());
            time("analytics VERSION, 336 days, partial months at both ends", () -> analytics.report(owner,
                    new AnalyticsQuery(rollingFrom, rollingTo, GroupBy.VERSION)).groups().size());
            time("analytics DAY over 30 days", () -> analytics.report(owner,
                    new AnalyticsQuery(last.minusDays(29), last, GroupBy.DAY)).groups().size());
            time("raw-table report by model over 365 days (no rollups)", () -> database.dbClient().execute().query("""
                    SELECT model, count(*) AS runs, count(*) FILTER (WHERE status = 'FAILED') AS errors,
                           sum(prompt_tokens + completion_tokens) AS tokens, sum(cost) AS cost,
                           avg(latency_ms) AS mean_ms,
                           percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms) AS p95_ms
                    FROM executions WHERE user_id = ?::uuid AND created_at >= ? AND created_at < ?
                    GROUP BY model
                    """, owner.userId(), FIRST_DAY, last.plusDays(1)).toList().size());
            ExecutionHistoryService history = new ExecutionHistoryService(transactions, new ExecutionRepository());
            time("executions list, first page of 20", () -> history.list(owner, ExecutionFilter.NONE,
                    PageRequest.firstPage()).items().size());
            time("executions list, FAILED of one prompt", () -> history.list(owner,
                    new ExecutionFilter("prompt-07", ExecutionStatus.FAILED, null, null, null, null),
                    PageRequest.firstPage()).items().size());
        }
    }

    /** A year of runs: each prompt on one version at a time (one model per version), 1 in 5 on BYOK. */
    private static void write(Transactions transactions, AccountsFixture accounts, UUID userId, int runs) {
        SplittableRandom random = new SplittableRandom(42);
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        try (ExecutionRecorder recorder = ExecutionRecorder.start(transactions, new ExecutionRepository(),
                accounts.usage, () -> { })) {
            for (int i = 0; i < runs; i++) {
                int day = (int) ((long) i * DAYS / runs);
                Instant at = FIRST_DAY.plusDays(day).atStartOfDay(ZoneOffset.UTC).toInstant()
                        .plusMillis(random.nextLong(86_400_000L));
                int prompt = random.nextInt(PROMPTS);
                int version = 1 + Math.min(2, day / 122);
                String model = MODELS[(prompt + version) % MODELS.length];
                boolean failed = random.nextInt(50) == 0;
                BillingType billing = random.nextInt(5) == 0 ? BillingType.BYOK : BillingType.SYSTEM;
                long latency = 200 + (long) Math.abs(random.nextGaussian() * 900);
                pending.add(recorder.record(record(userId, "prompt-%02d".formatted(prompt), version, model, billing,
                        failed, latency, at, random)));
                if (pending.size() == 10_000) {
                    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
                    pending.clear();
                }
            }
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        }
    }

    private static ExecutionRecord record(UUID userId, String prompt, int version, String model, BillingType billing,
                                          boolean failed, long latencyMs, Instant at, SplittableRandom random) {
        Tokens tokens = failed ? Tokens.NONE : new Tokens(50 + random.nextInt(2000), 10 + random.nextInt(800));
        Cost cost = failed ? Cost.UNKNOWN : new Cost(BigDecimal.valueOf(random.nextInt(5_000_000), 9),
                CostSource.PROVIDER);
        QuotaReservation reservation = new QuotaReservation(userId, LocalDate.ofInstant(at, ZoneOffset.UTC), false);
        return new ExecutionRecord(UUID.randomUUID(), userId, prompt, version, null, "openrouter", model, Channel.API,
                billing, failed ? ExecutionStatus.FAILED : ExecutionStatus.SUCCEEDED,
                failed ? "PROVIDER_UNAVAILABLE" : null, failed ? null : "stop", tokens, cost, latencyMs,
                failed ? null : "gen-" + UUID.randomUUID(), "{\"text\":\"benchmark input\"}", false,
                failed ? "" : "A generated answer of a typical length for a summary prompt.", false, at,
                reservation, !failed);
    }

    private static void time(String what, Supplier<Integer> query) {
        for (int i = 0; i < 5; i++) {
            query.get();
        }
        long[] millis = new long[20];
        int rows = 0;
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            rows = query.get();
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        System.out.printf("%-58s median %4d ms, max %4d ms (%d rows)%n", what, millis[millis.length / 2],
                millis[millis.length - 1], rows);
    }
}
