package io.promptmanager.benchmarks;

import io.promptmanager.core.analytics.RollupAggregator;
import io.promptmanager.core.analytics.RollupRepository;
import io.promptmanager.core.analytics.RollupWatermark;
import io.promptmanager.core.analytics.UnfoldedRuns;
import io.promptmanager.core.common.BillingType;
import io.promptmanager.core.common.Channel;
import io.promptmanager.core.db.Database;
import io.promptmanager.core.db.DatabaseSettings;
import io.promptmanager.core.db.Transactions;
import io.promptmanager.core.execution.Cost;
import io.promptmanager.core.execution.CostSource;
import io.promptmanager.core.execution.ExecutionRecord;
import io.promptmanager.core.execution.ExecutionRecorder;
import io.promptmanager.core.execution.ExecutionRepository;
import io.promptmanager.core.execution.ExecutionStatus;
import io.promptmanager.core.execution.Tokens;
import io.promptmanager.core.plan.PlanCatalog;
import io.promptmanager.core.plan.PlanSettings;
import io.promptmanager.core.quota.QuotaReservation;
import io.promptmanager.core.quota.UsageRepository;
import io.promptmanager.core.quota.UsageService;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Analytics over many executions: a year of runs of one PRO user is written through core's own
 * {@link ExecutionRecorder} (the group-commit writer the server uses, so executions and usage
 * counters are exactly what the product would have stored) and folded into the rollups by core's
 * {@link RollupAggregator}, then each report of {@code GET /api/v1/analytics} is timed over that
 * year through the running server.
 */
final class AnalyticsLoad {
    static final int DAYS = 365;
    private static final int PROMPTS = 20;
    private static final String[] MODELS = {"openai/gpt-4o-mini", "anthropic/claude-3.5-haiku",
            "meta-llama/llama-3.3-70b-instruct:free", "google/gemini-2.0-flash-001"};
    private static final List<String> GROUPINGS = List.of("day", "prompt", "version", "model", "billingType");
    private static final int WARMUPS = 5;

    record Report(String groupBy, double medianMs, double maxMs, int groups) {
    }

    record Result(int executions, double writeSeconds, double foldSeconds, long reportedRuns, List<Report> reports) {
        double slowestMedianMs() {
            return reports.stream().mapToDouble(Report::medianMs).max().orElse(Double.NaN);
        }
    }

    private AnalyticsLoad() {
    }

    static Result run(BenchDatabase database, Http admin, String baseUrl, int executions, int repeats) {
        Provisioning.Account analyst = Provisioning.proUser(admin, "analyst");
        LocalDate last = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        LocalDate first = last.minusDays(DAYS - 1);
        long started = System.nanoTime();
        write(database, analyst.userId(), first, executions);
        double writeSeconds = (System.nanoTime() - started) / 1e9;
        started = System.nanoTime();
        foldEverything(database);
        double foldSeconds = (System.nanoTime() - started) / 1e9;
        // What autovacuum does on its own after such a write; reports read the rollups only.
        database.execute("ANALYZE execution_rollups");

        Http http = new Http(baseUrl, analyst.apiKey());
        List<Report> reports = new ArrayList<>();
        long reportedRuns = -1;
        for (String groupBy : GROUPINGS) {
            String path = "/api/v1/analytics?from=" + first + "&to=" + last + "&groupBy=" + groupBy;
            Http.Answer answer = null;
            for (int i = 0; i < Math.min(WARMUPS, repeats); i++) {
                answer = http.get(path).expect(200);
            }
            double[] millis = new double[repeats];
            for (int i = 0; i < repeats; i++) {
                long start = System.nanoTime();
                answer = http.get(path).expect(200);
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(millis);
            reportedRuns = answer.json().path("totals").path("runs").asLong(-1);
            reports.add(new Report(groupBy, ArmTotals.round(millis[repeats / 2], 1), ArmTotals.round(millis[repeats - 1], 1),
                    answer.json().path("groups").size()));
        }
        return new Result(executions, ArmTotals.round(writeSeconds, 1), ArmTotals.round(foldSeconds, 1), reportedRuns,
                reports);
    }

    private static DatabaseSettings settings(BenchDatabase target) {
        return new DatabaseSettings(target.url(), target.user(), "", Path.of("unused"), 0, 4, Duration.ofSeconds(30));
    }

    private static void write(BenchDatabase target, UUID userId, LocalDate first, int executions) {
        try (Database database = Database.start(settings(target))) {
            Transactions transactions = new Transactions(database.dbClient());
            UsageService usage = new UsageService(transactions, new UsageRepository(),
                    new PlanCatalog(PlanSettings.defaults()), Clock.systemUTC());
            SplittableRandom random = new SplittableRandom(42);
            List<CompletableFuture<Void>> pending = new ArrayList<>();
            try (ExecutionRecorder recorder = ExecutionRecorder.start(new Transactions(database.writerDbClient()),
                    new ExecutionRepository(), usage, () -> { })) {
                for (int i = 0; i < executions; i++) {
                    pending.add(recorder.record(execution(userId, first, (int) ((long) i * DAYS / executions), random)));
                    if (pending.size() == 10_000) {
                        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
                        pending.clear();
                    }
                }
                CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
            }
        }
    }

    /**
     * Folds every stored execution into the rollups, as the server would within a second or so of
     * storing them: until the watermark passes every transaction the writing used. The server's own
     * fold may hold the turn meanwhile: then this waits for it.
     */
    private static void foldEverything(BenchDatabase target) {
        try (Database database = Database.start(settings(target))) {
            Transactions transactions = new Transactions(database.dbClient());
            RollupWatermark watermark = new RollupWatermark();
            RollupAggregator aggregator = new RollupAggregator(transactions, new RollupRepository(), new UnfoldedRuns(),
                    watermark, RollupAggregator.DEFAULT_INTERVAL);
            long written = watermark.unfolded(transactions.read()).to();
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (watermark.unfolded(transactions.read()).from() < written) {
                if (aggregator.fold() == 0) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("The executions were not folded into the rollups within 5 min");
                    }
                    Product.sleep(Duration.ofMillis(100));
                }
            }
        }
    }

    /** A year of a busy account: 20 prompts, a new version every four months, 1 run in 5 on BYOK, 1 in 50 failed. */
    private static ExecutionRecord execution(UUID userId, LocalDate first, int day, SplittableRandom random) {
        Instant at = first.plusDays(day).atStartOfDay(ZoneOffset.UTC).toInstant().plusMillis(random.nextLong(86_400_000L));
        int prompt = random.nextInt(PROMPTS);
        int version = 1 + Math.min(2, day / 122);
        boolean failed = random.nextInt(50) == 0;
        BillingType billing = random.nextInt(5) == 0 ? BillingType.BYOK : BillingType.SYSTEM;
        long latencyMs = 200 + (long) Math.abs(random.nextGaussian() * 900);
        Tokens tokens = failed ? Tokens.NONE : new Tokens(50 + random.nextInt(2000), 10 + random.nextInt(800));
        Cost cost = failed ? Cost.UNKNOWN : new Cost(BigDecimal.valueOf(random.nextInt(5_000_000), 9), CostSource.PROVIDER);
        return new ExecutionRecord(UUID.randomUUID(), userId, "prompt-%02d".formatted(prompt), version, null, "openrouter",
                MODELS[(prompt + version) % MODELS.length], Channel.API, billing,
                failed ? ExecutionStatus.FAILED : ExecutionStatus.SUCCEEDED, failed ? "PROVIDER_UNAVAILABLE" : null,
                failed ? null : "stop", tokens, cost, latencyMs, failed ? null : "gen-" + UUID.randomUUID(),
                "{\"topic\":\"quarterly results\"}", false, failed ? "" : FakeUpstream.ANSWER, false, at,
                new QuotaReservation(userId, LocalDate.ofInstant(at, ZoneOffset.UTC), false), !failed);
    }
}
