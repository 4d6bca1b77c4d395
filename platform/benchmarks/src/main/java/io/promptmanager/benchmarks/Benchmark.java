package io.promptmanager.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The benchmark of issue 8, end to end: a fake upstream, the packaged product on a fresh
 * database, the upstream called directly, the reference gateway; execution arms in alternating
 * slices, the cached production fetch, analytics over many executions. Writes
 * {@code benchmark-result.json} and {@code benchmark-summary.md} into the output folder.
 *
 * <p>{@code java … Benchmark [full|smoke]} with system properties {@code bench.zip} (the
 * distribution zip), {@code bench.out} (output folder), {@code bench.cache} (where Portkey is
 * installed), {@code bench.serverJavaOpts} (added to the server's JAVA_OPTS); environment
 * {@code PM_BENCH_DB_URL} or {@code PM_TEST_DB_URL} (a PostgreSQL admin JDBC URL; without one
 * the product's embedded PostgreSQL is used).
 */
public final class Benchmark {
    private static final Logger LOG = Logger.getLogger(Benchmark.class.getName());
    private static final String UPSTREAM_KEY = "sk-or-v1-" + "0123456789abcdef".repeat(4);
    static final String SERVER_HEAP = "-Xms256m -Xmx256m";

    private Benchmark() {
    }

    public static void main(String[] args) {
        if (System.getProperty("java.util.logging.config.file") == null) {
            Logger.getLogger("").setLevel(Level.INFO);
            Logger.getLogger("io.helidon").setLevel(Level.WARNING);
            Logger.getLogger("com.zaxxer").setLevel(Level.WARNING);
            Logger.getLogger("org.flywaydb").setLevel(Level.WARNING);
        }
        BenchmarkSettings settings = BenchmarkSettings.named(args.length > 0 ? args[0] : "full");
        Path out = Path.of(System.getProperty("bench.out", "target"));
        Results results = run(settings, Path.of(System.getProperty("bench.zip")), out,
                Path.of(System.getProperty("bench.cache", out.toString())));
        System.out.println(Summary.markdown(results));
        System.out.println("Written: " + out.resolve(Summary.JSON) + " and " + out.resolve(Summary.MARKDOWN));
    }

    /** Runs every phase and writes the result files into {@code out}. */
    public static Results run(BenchmarkSettings settings, Path zip, Path out, Path cache) {
        if (!Wrk.installed()) {
            throw new IllegalStateException("The benchmark needs wrk (apt-get install wrk), or -Dbench.wrk=<its path>");
        }
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long startNanos = System.nanoTime();
        Path work = out.resolve("work");
        deleteRecursively(work);
        createDirectories(work);
        List<String> notes = new ArrayList<>();
        Map<String, Object> machine = Machine.facts();
        notes.add("Load average when the run started: " + machine.get("loadAverageAtStart")
                + " (a shared machine: other builds may have been running).");
        String adminUrl = System.getenv().getOrDefault("PM_BENCH_DB_URL", System.getenv("PM_TEST_DB_URL"));
        int embeddedPort = Product.freePort();
        try (FakeUpstream upstream = new FakeUpstream();
             BenchDatabase database = adminUrl == null || adminUrl.isBlank()
                     ? BenchDatabase.embedded(embeddedPort) : BenchDatabase.create(adminUrl)) {
            Path home = Product.install(zip, work.resolve("product"));
            String operatorKey = "operator-" + UUID.randomUUID() + UUID.randomUUID();
            Map<String, String> env = new LinkedHashMap<>(database.productEnvironment());
            env.put("PM_DATA_DIR", work.resolve("data").toString());
            env.put("PM_API_HOST", "127.0.0.1");
            env.put("PM_CONSOLE_HOST", "127.0.0.1");
            env.put("PM_CONSOLE_PORT", Integer.toString(Product.freePort()));
            env.put("PM_ADMIN_API_KEY", operatorKey);
            env.put("PM_OPENROUTER_BASE_URL", upstream.baseUrl());
            env.put("OPENROUTER_API_KEY", UPSTREAM_KEY);
            env.put("JAVA_OPTS", (SERVER_HEAP + " " + GcLog.option(out.resolve("gc.log")) + " "
                    + System.getProperty("bench.serverJavaOpts", "")).strip());
            LOG.info(() -> "Starting the product on " + database.description());
            try (Product product = Product.start(home, env, Product.freePort(), out.resolve("product.log"),
                    Duration.ofMinutes(3))) {
                database.connect();
                machine.put("postgresql", database.serverFacts());
                machine.put("serverJavaOpts", env.get("JAVA_OPTS"));
                Http admin = new Http(product.baseUrl(), operatorKey);
                Provisioning.Account user = Provisioning.proUser(admin, "bench");
                Http userApi = new Http(product.baseUrl(), user.apiKey());
                Provisioning.productionPrompt(userApi);
                Provisioning.runOnce(userApi);
                String upstreamBody = upstream.lastRequest();
                if (settings.mode().equals("serve")) {
                    serve(work, upstream, database, product, user, upstreamBody);
                }
                Portkey.Launch portkey = Portkey.start(cache, out.resolve("portkey.log"));
                try {
                    return measure(settings, out, work, started, startNanos, machine, notes, upstream, database,
                            product, admin, user, upstreamBody, portkey);
                } finally {
                    if (portkey.gateway() != null) {
                        portkey.gateway().close();
                    }
                }
            }
        }
    }

    private static Results measure(BenchmarkSettings settings, Path out, Path work, Instant started, long startNanos,
                                   Map<String, Object> machine, List<String> notes, FakeUpstream upstream,
                                   BenchDatabase database, Product product, Http admin, Provisioning.Account user,
                                   String upstreamBody, Portkey.Launch portkey) {
        Wrk wrk = new Wrk(work);
        Map<String, String> upstreamAuth = Map.of("Authorization", "Bearer " + UPSTREAM_KEY);
        List<Arm> arms = new ArrayList<>();
        arms.add(new Arm(Arm.DIRECT, Wrk.Request.postJson(upstream.baseUrl() + "/chat/completions", upstreamAuth,
                upstreamBody), 0, false));
        arms.add(new Arm(Arm.PROMPT_MANAGER, Wrk.Request.postJson(product.baseUrl() + Provisioning.runPath(),
                Map.of("Authorization", "Bearer " + user.apiKey()), Provisioning.RUN_BODY), product.pid(), true));
        if (portkey.gateway() != null) {
            arms.add(new Arm(Arm.PORTKEY, Wrk.Request.postJson(portkey.gateway().baseUrl() + "/v1/chat/completions",
                    Portkey.forwardingHeaders(upstream.baseUrl(), UPSTREAM_KEY), upstreamBody),
                    portkey.gateway().pid(), false));
        } else {
            notes.add("Reference arm skipped: " + portkey.skippedBecause());
        }

        Results.Idle idle = idle(settings, product);
        LOG.info("Execution arms: " + arms.stream().map(Arm::name).toList());
        ExecutionLoad load = new ExecutionLoad(settings, wrk, upstream, database, product,
                new GcLog(out.resolve("gc.log")));
        long statements = database.statements();
        long transactions = database.transactions();
        Map<String, long[]> tables = database.tableActivity();
        long rows = database.executions();
        Map<Integer, Map<String, ArmTotals>> totals = load.run(arms);
        Product.sleep(settings.settle());
        Results.DatabaseActivity activity = databaseActivity(database, statements, transactions, tables, rows);
        Results.Correctness correctness = correctness(totals);

        LOG.info("Cached production fetch");
        CachedFetch.Result cached = new CachedFetch(settings, wrk, database, product).run(user.apiKey());

        List<JfrProfile.Result> profiles = new ArrayList<>();
        if (settings.profile()) {
            LOG.info("Profiling one extra slice of each with Java Flight Recorder");
            profiles.add(profile(settings, wrk, upstream, product, arms.get(1), out));
            profiles.add(JfrProfile.record(product.pid(), out.resolve("profile-cached.jfr"), "cached production fetch",
                    () -> wrk.run(Wrk.Request.get(product.baseUrl() + Provisioning.productionPath(),
                            Map.of("Authorization", "Bearer " + user.apiKey())), settings.cachedConnections(),
                            settings.slice().multipliedBy(4)).requests()));
        }
        CommitProbe.Result commit = CommitProbe.measure(database, 200);

        LOG.info(() -> "Analytics over %,d executions".formatted(settings.analyticsExecutions()));
        AnalyticsLoad.Result analytics = AnalyticsLoad.run(database, admin, product.baseUrl(),
                settings.analyticsExecutions(), settings.analyticsRepeats());

        machine.put("loadAverageAtEnd", Machine.loadAverage());
        List<Figure> figures = new Figures(totals, load.memory(), load.threads(), idle, correctness, activity, cached,
                analytics, commit, profiles).all();
        Map<String, List<ThreadBreakdown.Row>> threads = new LinkedHashMap<>();
        load.threads().forEach((connections, breakdown) -> threads.put(connections + " connections", breakdown.rows()));
        Results results = new Results(settings.mode(), started.toString(),
                ArmTotals.round((System.nanoTime() - startNanos) / 1e9, 1), machine, describe(settings),
                portkey.gateway() != null ? Portkey.PACKAGE + "@" + Portkey.VERSION : "skipped: " + portkey.skippedBecause(),
                figures, totals.values().stream().flatMap(m -> m.values().stream()).map(ArmTotals::report).toList(),
                correctness, activity, idle, load.memory().values().stream().map(MemoryUnderLoad::report).toList(), threads,
                cached, analytics, commit, profiles, notes);
        Summary.write(results, out);
        return results;
    }

    /**
     * Writes the wrk scripts of the direct arm, a run and the cached fetch into {@code work},
     * prints the commands, and waits until the harness is stopped (the product and the database
     * go with it).
     */
    private static void serve(Path work, FakeUpstream upstream, BenchDatabase database, Product product,
                              Provisioning.Account user, String upstreamBody) {
        Map<String, Wrk.Request> requests = new LinkedHashMap<>();
        requests.put("direct", Wrk.Request.postJson(upstream.baseUrl() + "/chat/completions",
                Map.of("Authorization", "Bearer " + UPSTREAM_KEY), upstreamBody));
        requests.put("run", Wrk.Request.postJson(product.baseUrl() + Provisioning.runPath(),
                Map.of("Authorization", "Bearer " + user.apiKey()), Provisioning.RUN_BODY));
        requests.put("fetch", Wrk.Request.get(product.baseUrl() + Provisioning.productionPath(),
                Map.of("Authorization", "Bearer " + user.apiKey())));
        StringBuilder commands = new StringBuilder("Serving; server pid " + product.pid() + ". Load it with:\n");
        requests.forEach((name, request) -> {
            Path script = work.resolve("serve-" + name + ".lua");
            try {
                Files.writeString(script, Wrk.script(request));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            commands.append("  WRK_RESULT=/dev/null wrk -t2 -c64 -d10s -s ").append(script).append(' ').append(request.url()).append('\n');
        });
        // a stopped JVM runs no finally blocks: stop the product, then drop its database
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            product.close();
            database.close();
        }));
        LOG.info(commands.toString());
        while (true) {
            Product.sleep(Duration.ofHours(1));
        }
    }

    /** The server after set-up with nothing to do: memory, and CPU over one settle period. */
    private static Results.Idle idle(BenchmarkSettings settings, Product product) {
        long cpuBefore = ProcStat.cpuNanos(product.pid());
        long start = System.nanoTime();
        Product.sleep(settings.settle());
        double cores = (ProcStat.cpuNanos(product.pid()) - cpuBefore) / (double) (System.nanoTime() - start);
        ServerMetrics metrics = ServerMetrics.scrape(product.baseUrl());
        return new Results.Idle(MemoryUnderLoad.mib(metrics.usedHeapBytes()), MemoryUnderLoad.mib(metrics.committedHeapBytes()),
                MemoryUnderLoad.mib(metrics.maxHeapBytes()), MemoryUnderLoad.mib(ProcStat.residentBytes(product.pid())),
                ArmTotals.round(cores, 3));
    }

    /** Since the readings taken before the load; the harness's statements meanwhile are taken out. */
    private static Results.DatabaseActivity databaseActivity(BenchDatabase database, long statementsBefore,
                                                             long transactionsBefore, Map<String, long[]> tablesBefore,
                                                             long rowsBefore) {
        long harnessStatements = database.statements() - statementsBefore;
        long transactions = database.transactions() - transactionsBefore - harnessStatements;
        long rows = database.executions() - rowsBefore;
        return new Results.DatabaseActivity(rows, transactions, ArmTotals.round((double) transactions / rows, 3),
                BenchDatabase.activitySince(tablesBefore, database.tableActivity(), Math.max(1, rows)));
    }

    private static JfrProfile.Result profile(BenchmarkSettings settings, Wrk wrk, FakeUpstream upstream,
                                             Product product, Arm promptManager, Path out) {
        int connections = settings.concurrencies().getLast();
        return JfrProfile.record(product.pid(), out.resolve("profile-execution.jfr"),
                "execution at " + connections + " connections", () -> {
                    long before = upstream.completions();
                    wrk.run(promptManager.request(), connections, settings.slice().multipliedBy(4));
                    Product.sleep(Duration.ofSeconds(1));
                    return upstream.completions() - before;
                });
    }

    private static Results.Correctness correctness(Map<Integer, Map<String, ArmTotals>> totals) {
        long upstream = 0;
        long successes = 0;
        long rows = 0;
        long errors = 0;
        long socket = 0;
        Map<String, long[]> others = new LinkedHashMap<>();
        for (Map<String, ArmTotals> arms : totals.values()) {
            for (ArmTotals arm : arms.values()) {
                if (arm.arm().equals(Arm.PROMPT_MANAGER)) {
                    upstream += arm.upstreamCalls();
                    successes += arm.successes();
                    rows += arm.rows();
                    errors += arm.requests() - arm.successes();
                    socket += arm.errors() - (arm.requests() - arm.successes());
                } else {
                    long[] pair = others.computeIfAbsent(arm.arm(), a -> new long[2]);
                    pair[0] += arm.upstreamCalls();
                    pair[1] += arm.successes();
                }
            }
        }
        long lost = Math.max(0, upstream - rows) + Math.max(0, successes - rows);
        return new Results.Correctness(upstream, successes, rows, errors, socket, Math.max(0, rows - successes), lost,
                others);
    }

    private static Map<String, Object> describe(BenchmarkSettings settings) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("sliceSeconds", settings.slice().toMillis() / 1000.0);
        described.put("roundsPerConcurrency", settings.rounds());
        described.put("concurrencies", settings.concurrencies());
        described.put("warmupSeconds", settings.warmup().toMillis() / 1000.0);
        described.put("levelWarmupSeconds", settings.levelWarmup().toMillis() / 1000.0);
        described.put("settleSeconds", settings.settle().toMillis() / 1000.0);
        described.put("cachedConnections", settings.cachedConnections());
        described.put("analyticsExecutions", settings.analyticsExecutions());
        described.put("analyticsRepeats", settings.analyticsRepeats());
        described.put("wrkLatencyQuantilesPerSlice", Wrk.QUANTILES);
        return described;
    }

    private static void createDirectories(Path path) {
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (var paths = Files.walk(path)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
