package io.promptmanager.core.execution;

import io.promptmanager.core.CoreServices;
import io.promptmanager.core.CoreSettings;
import io.promptmanager.core.apikey.Scope;
import io.promptmanager.core.common.BillingType;
import io.promptmanager.core.common.Channel;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.common.PageRequest;
import io.promptmanager.core.common.RetryLaterException;
import io.promptmanager.core.plan.Plan;
import io.promptmanager.core.plan.PlanSettings;
import io.promptmanager.core.testing.FakeModelProvider;
import io.promptmanager.core.testing.FakeModelProvider.Answer;
import io.promptmanager.core.testing.MutableClock;
import io.promptmanager.core.testing.TestPlatform;
import io.promptmanager.core.user.AccountSettings;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.Role;
import io.promptmanager.plugin.model.CompletionRequest;
import io.promptmanager.plugin.model.ProviderException.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.promptmanager.core.testing.FakeModelProvider.FREE_MODEL;
import static io.promptmanager.core.testing.FakeModelProvider.PREMIUM_MODEL;
import static io.promptmanager.core.testing.FakeModelProvider.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ExecutionServiceIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Instant MORNING = Instant.parse("2026-03-01T10:00:00Z");
    private static final MutableClock clock = new MutableClock(MORNING);
    private static TestPlatform platform;
    private static CoreServices core;
    private static FakeModelProvider provider;
    private static ExecutionFixture fixture;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start(new CoreSettings(PlanSettings.defaults(), AccountSettings.defaults(),
                TestPlatform.TEST_PEPPER, clock, new ExecutionSettings(TIMEOUT)));
        core = platform.services();
        provider = platform.provider();
        fixture = new ExecutionFixture(core);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @BeforeEach
    void morningAndADefaultProvider() {
        clock.set(MORNING);
        provider.reset();
    }

    @Test
    void runsTheProductionVersionAndRecordsItBeforeAnswering() {
        Actor pro = fixture.console(Plan.PRO);
        String prompt = fixture.productionPrompt(pro, PREMIUM_MODEL);
        provider.willNext(Answer.reply("A short summary.", usage(120, 8, new BigDecimal("0.000136"))));

        ExecutionResult result = run(pro, prompt);

        assertThat(result.output()).isEqualTo("A short summary.");
        assertThat(result.finishReason()).isEqualTo("stop");
        assertThat(result.usage()).isEqualTo(new Tokens(120, 8));
        assertThat(result.cost()).isEqualTo(new Cost(new BigDecimal("0.000136"), CostSource.PROVIDER));
        assertThat(result.billingType()).isEqualTo(BillingType.SYSTEM);
        assertThat(result.version()).isEqualTo(1);
        assertThat(result.model()).isEqualTo(PREMIUM_MODEL);
        assertThat(result.provider()).isEqualTo(FakeModelProvider.ID);
        assertThat(result.createdAt()).isEqualTo(MORNING);
        CompletionRequest sent = provider.requests().getFirst();
        assertThat(sent.model()).isEqualTo(PREMIUM_MODEL);
        assertThat(sent.messages()).extracting(m -> m.role() + ": " + m.content())
                .containsExactly("system: Be concise.", "user: Summarise: the quarterly report");
        assertThat(sent.parameters().maxTokens()).isEqualTo(64);
        assertThat(sent.credentials().isUserKey()).isFalse();
        assertThat(sent.requestId()).isEqualTo(result.executionId().toString());
        assertThat(sent.deadline()).isBetween(Instant.now().plus(TIMEOUT).minusSeconds(5), Instant.now().plus(TIMEOUT));

        Execution stored = core.executionHistoryService().get(pro, result.executionId());
        assertThat(stored.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(stored.promptName()).isEqualTo(prompt);
        assertThat(stored.promptId()).isEqualTo(core.promptService().get(pro, prompt).id());
        assertThat(stored.channel()).isEqualTo(Channel.CONSOLE);
        assertThat(stored.output()).isEqualTo("A short summary.");
        assertThat(stored.variables()).isEqualTo(Map.of("text", "the quarterly report"));
        assertThat(stored.providerRequestId()).isEqualTo("gen-" + result.executionId());
        assertThat(stored.cost()).isEqualTo(result.cost());
        assertThat(stored.errorCode()).isNull();
    }

    @Test
    void runsTheVersionNumberItIsGiven() {
        Actor pro = fixture.console(Plan.PRO);
        String prompt = fixture.productionPrompt(pro, FREE_MODEL);
        core.versionService().create(pro, prompt, ExecutionFixture.version(FREE_MODEL, "Draft: {{text}}"));

        ExecutionResult result = core.executionService().run(pro, prompt,
                new ExecutionRequest(ExecutionFixture.VARIABLES, 2, false));

        assertThat(result.version()).isEqualTo(2);
        assertThat(provider.requests().getFirst().messages().get(1).content()).isEqualTo("Draft: the quarterly report");
    }

    @Test
    void runsTheModelTheRequestNamesUnderThePlansModelRule() {
        Actor free = fixture.console(Plan.FREE);
        Actor pro = fixture.console(Plan.PRO);
        String freePrompt = fixture.productionPrompt(free, FREE_MODEL);
        String proPrompt = fixture.productionPrompt(pro, FREE_MODEL);

        ExecutionResult result = core.executionService().run(pro, proPrompt,
                new ExecutionRequest(ExecutionFixture.VARIABLES, null, false, null, PREMIUM_MODEL));
        DomainException premium = catchThrowableOfType(DomainException.class, () -> core.executionService()
                .run(free, freePrompt, new ExecutionRequest(ExecutionFixture.VARIABLES, null, false, null, PREMIUM_MODEL)));

        assertThat(result.model()).isEqualTo(PREMIUM_MODEL);
        assertThat(provider.requests()).extracting(CompletionRequest::model).containsExactly(PREMIUM_MODEL);
        assertThat(core.executionHistoryService().get(pro, result.executionId()).model()).isEqualTo(PREMIUM_MODEL);
        assertThat(premium.code()).isEqualTo(ErrorCode.PLAN_REQUIRED);
        assertThat(core.usageService().today(free).used()).isZero();
    }

    @Test
    void refusesAPromptWithoutProductionVersionOrWithBadVariablesAndTakesNoUnit() {
        Actor free = fixture.console(Plan.FREE);
        String prompt = fixture.productionPrompt(free, FREE_MODEL);
        core.versionService().archive(free, prompt, 1);

        DomainException noProduction = catchThrowableOfType(DomainException.class, () -> run(free, prompt));
        DomainException badVariables = catchThrowableOfType(DomainException.class, () -> core.executionService()
                .run(free, prompt, new ExecutionRequest(Map.of("txt", "typo"), 1, false)));
        DomainException noPrompt = catchThrowableOfType(DomainException.class, () -> run(free, "missing"));

        assertThat(noProduction.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(noProduction.getMessage()).isEqualTo("Production version of prompt '" + prompt + "' not found");
        assertThat(badVariables.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(noPrompt.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(core.usageService().today(free).used()).isZero();
        assertThat(provider.requests()).isEmpty();
        assertThat(rows(free)).isZero();
    }

    @Test
    void givesExactlyThreeOfTwentySimultaneousRunsToAFreeUser() throws Exception {
        Actor free = fixture.console(Plan.FREE);
        String prompt = fixture.productionPrompt(free, FREE_MODEL);
        provider.willAlways(Answer.after(Duration.ofMillis(50), Answer.reply("ok", usage(1, 1, BigDecimal.ZERO))));

        List<Object> outcomes = concurrently(20, i -> () -> outcome(() -> run(free, prompt)));

        assertThat(outcomes).filteredOn(ExecutionResult.class::isInstance).hasSize(3);
        assertThat(outcomes).filteredOn(ErrorCode.QUOTA_EXCEEDED::equals).hasSize(17);
        assertThat(core.usageService().today(free).used()).isEqualTo(3);
        assertThat(rows(free)).isEqualTo(3);
    }

    @Test
    void countsTheFreeQuotaAcrossTwoNodesOnOneDatabase() throws Exception {
        Actor free = fixture.console(Plan.FREE);
        String prompt = fixture.productionPrompt(free, FREE_MODEL);
        provider.willAlways(Answer.after(Duration.ofMillis(50), Answer.reply("ok", usage(1, 1, BigDecimal.ZERO))));
        try (CoreServices secondNode = platform.secondNode()) {
            List<Object> outcomes = concurrently(20, i -> () -> outcome(() -> (i % 2 == 0 ? core : secondNode)
                    .executionService().run(free, prompt, ExecutionRequest.production(ExecutionFixture.VARIABLES))));

            assertThat(outcomes).filteredOn(ExecutionResult.class::isInstance).hasSize(3);
            assertThat(outcomes).filteredOn(ErrorCode.QUOTA_EXCEEDED::equals).hasSize(17);
            assertThat(secondNode.usageService().today(free).used()).isEqualTo(3);
        }
        assertThat(rows(free)).isEqualTo(3);
    }

    @Test
    void reportsWhenTheQuotaResetsAndStartsAfreshAtUtcMidnight() {
        Actor free = fixture.console(Plan.FREE);
        String prompt = fixture.productionPrompt(free, FREE_MODEL);
        clock.set(Instant.parse("2026-03-01T23:59:00Z"));
        run(free, prompt);
        run(free, prompt);
        run(free, prompt);

        RetryLaterException refused = catchThrowableOfType(RetryLaterException.class, () -> run(free, prompt));

        assertThat(refused.code()).isEqualTo(ErrorCode.QUOTA_EXCEEDED);
        assertThat(refused.getMessage())
                .isEqualTo("The FREE plan includes 3 runs a day; the counter resets at 2026-03-02T00:00:00Z");
        assertThat(refused.retryAfter()).contains(Duration.ofMinutes(1));
        assertThat(core.usageService().today(free).resetsAt()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));

        clock.set(Instant.parse("2026-03-02T00:00:00Z"));

        assertThat(core.usageService().today(free).used()).isZero();
        assertThat(run(free, prompt).output()).isNotEmpty();
        assertThat(core.usageService().today(free).used()).isEqualTo(1);
    }

    @Test
    void givesTheUnitBackOnEveryKindOfUpstreamFailure() {
        Actor free = fixture.console(Plan.FREE);
        String prompt = fixture.productionPrompt(free, FREE_MODEL);
        provider.willNext(
                Answer.fail(Kind.UNAVAILABLE, 503, Duration.ofSeconds(7)),
                Answer.fail(Kind.INVALID_CREDENTIALS, 401, null),
                Answer.fail(Kind.INSUFFICIENT_CREDITS, 402, null),
                Answer.fail(Kind.BLOCKED, 403, null),
                Answer.fail(Kind.RATE_LIMITED, 429, null),
                Answer.fail(Kind.MALFORMED_RESPONSE),
                Answer.waitForDeadline(),
                Answer.failMidStream("half of an answer that breaks"));

        List<DomainException> failures = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            failures.add(catchThrowableOfType(DomainException.class, () -> run(free, prompt)));
        }
        List<String> deltas = new ArrayList<>();
        failures.add(catchThrowableOfType(DomainException.class, () -> core.executionService().run(free, prompt,
                new ExecutionRequest(ExecutionFixture.VARIABLES, null, true), deltas::add)));

        assertThat(failures).extracting(DomainException::code).containsExactly(
                ErrorCode.PROVIDER_UNAVAILABLE, ErrorCode.PROVIDER_REJECTED_KEY, ErrorCode.PROVIDER_CREDITS_EXHAUSTED,
                ErrorCode.PROVIDER_BLOCKED, ErrorCode.PROVIDER_UNAVAILABLE, ErrorCode.PROVIDER_ERROR,
                ErrorCode.PROVIDER_TIMEOUT, ErrorCode.PROVIDER_ERROR);
        assertThat(((RetryLaterException) failures.getFirst()).retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(failures.get(1).getMessage())
                .isEqualTo("The provider rejected the platform's API key; the operator must replace it");
        assertThat(deltas).isNotEmpty();
        assertThat(core.usageService().today(free).used()).isZero();
        assertThat(history(free)).extracting(Execution::status).containsOnly(ExecutionStatus.FAILED).hasSize(8);
        assertThat(history(free)).extracting(Execution::errorCode).containsExactlyInAnyOrder(
                "PROVIDER_ERROR", "PROVIDER_TIMEOUT", "PROVIDER_ERROR", "PROVIDER_UNAVAILABLE", "PROVIDER_BLOCKED",
                "PROVIDER_CREDITS_EXHAUSTED", "PROVIDER_REJECTED_KEY", "PROVIDER_UNAVAILABLE");
        assertThat(history(free)).extracting(Execution::cost).containsOnly(Cost.UNKNOWN);

        for (int i = 0; i < 3; i++) {
            run(free, prompt);
        }
        assertThat(catchThrowableOfType(DomainException.class, () -> run(free, prompt)).code())
                .isEqualTo(ErrorCode.QUOTA_EXCEEDED);
    }

    @Test
    void givesAUnitBackOnlyOnceAndOnlyForTheFailedRun() {
        Actor free = fixture.console(Plan.FREE);
        String prompt = fixture.productionPrompt(free, FREE_MODEL);
        run(free, prompt);
        run(free, prompt);
        provider.willNext(Answer.fail(Kind.UNAVAILABLE));

        assertThatThrownBy(() -> run(free, prompt)).isInstanceOf(RetryLaterException.class);

        assertThat(core.usageService().today(free).used()).isEqualTo(2);
        run(free, prompt);
        assertThat(core.usageService().today(free).used()).isEqualTo(3);
        assertThat(catchThrowableOfType(DomainException.class, () -> run(free, prompt)).code())
                .isEqualTo(ErrorCode.QUOTA_EXCEEDED);
        assertThat(core.usageService().today(free).used()).isEqualTo(3);
    }

    @Test
    void givesTheUnitBackToTheDayItWasTakenOnWhenMidnightPassesDuringTheRun() throws Exception {
        Actor free = fixture.console(Plan.FREE);
        String prompt = fixture.productionPrompt(free, FREE_MODEL);
        clock.set(Instant.parse("2026-03-01T23:59:59Z"));
        run(free, prompt);
        CountDownLatch called = new CountDownLatch(1);
        CountDownLatch midnightPassed = new CountDownLatch(1);
        provider.willNext((request, listener) -> {
            called.countDown();
            midnightPassed.await();
            throw new io.promptmanager.plugin.model.ProviderException(Kind.UNAVAILABLE, "down", true);
        });
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<Object> failed = executor.submit(() -> outcome(() -> run(free, prompt)));
            assertThat(called.await(10, TimeUnit.SECONDS)).isTrue();
            clock.set(Instant.parse("2026-03-02T00:00:01Z"));
            run(free, prompt);
            midnightPassed.countDown();

            assertThat(failed.get(10, TimeUnit.SECONDS)).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        } finally {
            executor.shutdownNow();
        }
        assertThat(usedOn(free, LocalDate.parse("2026-03-01"))).isEqualTo(1);
        assertThat(usedOn(free, LocalDate.parse("2026-03-02"))).isEqualTo(1);
    }

    @Test
    void abandonsAProviderThatIgnoresItsDeadlineAndGivesTheUnitBack() {
        Actor free = fixture.console(Plan.FREE);
        String prompt = fixture.productionPrompt(free, FREE_MODEL);
        provider.willNext(Answer.hang());
        long started = System.nanoTime();

        DomainException timeout = catchThrowableOfType(DomainException.class, () -> run(free, prompt));

        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        assertThat(timeout.code()).isEqualTo(ErrorCode.PROVIDER_TIMEOUT);
        assertThat(timeout.getMessage()).isEqualTo("The provider did not answer within 2 seconds");
        assertThat(waited).isBetween(TIMEOUT, TIMEOUT.plus(ProviderCall.GRACE).plusSeconds(3));
        // the call ran on this thread: the watchdog's interrupt must not outlive it
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(core.usageService().today(free).used()).isZero();
        assertThat(history(free)).extracting(Execution::errorCode).containsExactly("PROVIDER_TIMEOUT");
    }

    @Test
    void refusesTheFreePlanOnTheApiAndOnPremiumModelsWithoutTakingAUnit() {
        Actor free = fixture.console(Plan.FREE);
        String freePrompt = fixture.productionPrompt(free, FREE_MODEL);
        String premiumPrompt = fixture.productionPrompt(free, PREMIUM_MODEL);
        Actor viaApi = new Actor(free.userId(), free.role(), free.plan(), Channel.API, java.util.UUID.randomUUID(),
                EnumSet.allOf(Scope.class));

        DomainException api = catchThrowableOfType(DomainException.class, () -> run(viaApi, freePrompt));
        DomainException premium = catchThrowableOfType(DomainException.class, () -> run(free, premiumPrompt));

        assertThat(api.code()).isEqualTo(ErrorCode.PLAN_REQUIRED);
        assertThat(api.getMessage()).isEqualTo("Running prompts through the API requires the PRO plan");
        assertThat(premium.code()).isEqualTo(ErrorCode.PLAN_REQUIRED);
        assertThat(premium.getMessage())
                .isEqualTo(PREMIUM_MODEL + " is a premium model: the FREE plan runs free models only");
        assertThat(core.usageService().today(free).used()).isZero();
        assertThat(provider.requests()).isEmpty();
        assertThat(rows(free)).isZero();
    }

    @Test
    void letsAFreeAdministratorUseTheApiWithinTheFreeQuota() {
        Actor consoleAdmin = Actor.console(fixture.user(Plan.FREE, Role.ADMIN));
        String prompt = fixture.productionPrompt(consoleAdmin, FREE_MODEL);
        Actor viaApi = new Actor(consoleAdmin.userId(), Role.ADMIN, Plan.FREE, Channel.API, java.util.UUID.randomUUID(),
                EnumSet.of(Scope.EXECUTIONS_RUN));

        run(viaApi, prompt);
        run(viaApi, prompt);
        run(viaApi, prompt);

        assertThat(catchThrowableOfType(DomainException.class, () -> run(viaApi, prompt)).code())
                .isEqualTo(ErrorCode.QUOTA_EXCEEDED);
        assertThat(history(consoleAdmin)).extracting(Execution::channel).containsOnly(Channel.API);
    }

    @Test
    void needsTheExecutionsRunScopeButNotPromptsRead() {
        Actor pro = fixture.console(Plan.PRO);
        String prompt = fixture.productionPrompt(pro, FREE_MODEL);
        Actor runner = new Actor(pro.userId(), pro.role(), pro.plan(), Channel.API, java.util.UUID.randomUUID(),
                EnumSet.of(Scope.EXECUTIONS_RUN));
        Actor reader = new Actor(pro.userId(), pro.role(), pro.plan(), Channel.API, java.util.UUID.randomUUID(),
                EnumSet.of(Scope.PROMPTS_READ));

        assertThat(run(runner, prompt).output()).isNotEmpty();
        assertThat(catchThrowableOfType(DomainException.class, () -> run(reader, prompt)).code())
                .isEqualTo(ErrorCode.SCOPE_REQUIRED);
    }

    @Test
    void totalsExactlyTheCostsTheProviderReported() {
        Actor pro = fixture.console(Plan.PRO);
        String prompt = fixture.productionPrompt(pro, PREMIUM_MODEL);
        List<String> costs = List.of("0.000123456789", "0.1", "0.2", "0.000000000001", "1.000000000000000001");
        for (String cost : costs) {
            provider.willNext(Answer.reply("ok", usage(3, 4, new BigDecimal(cost))));
            run(pro, prompt);
        }

        BigDecimal expected = costs.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal recorded = history(pro).stream().map(e -> e.cost().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        var report = core.analyticsService().report(pro, new io.promptmanager.core.analytics.AnalyticsQuery(
                LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-01"),
                io.promptmanager.core.analytics.GroupBy.MODEL));

        assertThat(recorded).isEqualByComparingTo(expected);
        assertThat(report.totals().cost()).isEqualTo(expected);
        assertThat(report.groups().getFirst().measures().cost()).isEqualTo(expected);
        assertThat(history(pro)).extracting(e -> e.cost().source()).containsOnly(CostSource.PROVIDER);
    }

    @Test
    void estimatesTheCostFromThePricesWhenTheProviderReportsNone() {
        Actor pro = fixture.console(Plan.PRO);
        String premium = fixture.productionPrompt(pro, PREMIUM_MODEL);
        String variable = fixture.productionPrompt(pro, FakeModelProvider.VARIABLE_MODEL);
        provider.willAlways(Answer.reply("ok", usage(1000, 500, null)));

        ExecutionResult estimated = run(pro, premium);
        ExecutionResult unknown = run(pro, variable);

        // 1000 × 0.000001 + 500 × 0.000002 + 0.0001 per request
        assertThat(estimated.cost().source()).isEqualTo(CostSource.ESTIMATED);
        assertThat(estimated.cost().amount()).isEqualByComparingTo("0.0021");
        assertThat(unknown.cost()).isEqualTo(Cost.UNKNOWN);
        assertThat(core.executionHistoryService().get(pro, estimated.executionId()).cost().amount())
                .isEqualByComparingTo("0.0021");
    }

    @Test
    void streamsTheTextAsItArrivesAndRecordsTheWholeOutput() {
        Actor pro = fixture.console(Plan.PRO);
        String prompt = fixture.productionPrompt(pro, FREE_MODEL);
        provider.willNext(Answer.reply("one two three four", usage(5, 4, null)));
        List<String> deltas = new ArrayList<>();

        ExecutionResult result = core.executionService().run(pro, prompt,
                new ExecutionRequest(ExecutionFixture.VARIABLES, null, true), deltas::add);

        assertThat(deltas).containsExactly("one ", "two ", "three ", "four");
        assertThat(result.output()).isEqualTo("one two three four");
        assertThat(core.executionHistoryService().get(pro, result.executionId()).output()).isEqualTo("one two three four");
    }

    @Test
    void keepsTheUnitOfARunWhoseCallerWentAwayMidStream() {
        Actor free = fixture.console(Plan.FREE);
        String prompt = fixture.productionPrompt(free, FREE_MODEL);
        provider.willNext(Answer.reply("one two three", usage(5, 3, null)));
        IllegalStateException gone = new IllegalStateException("client closed the connection");

        assertThatThrownBy(() -> core.executionService().run(free, prompt,
                new ExecutionRequest(ExecutionFixture.VARIABLES, null, true), text -> {
                    throw gone;
                })).isSameAs(gone);

        assertThat(history(free)).extracting(Execution::errorCode).containsExactly("CLIENT_DISCONNECTED");
        assertThat(core.usageService().today(free).used()).isEqualTo(1);
    }

    @Test
    void countsAProUsersSuccessfulRunsOnly() {
        Actor pro = fixture.console(Plan.PRO);
        String prompt = fixture.productionPrompt(pro, FREE_MODEL);
        run(pro, prompt);
        provider.willNext(Answer.fail(Kind.UNAVAILABLE));
        assertThatThrownBy(() -> run(pro, prompt)).isInstanceOf(RetryLaterException.class);
        run(pro, prompt);

        assertThat(core.usageService().today(pro).used()).isEqualTo(2);
        assertThat(core.usageService().today(pro).limit()).isNull();
        assertThat(rows(pro)).isEqualTo(3);
    }

    @Test
    void hasTheRowOfEveryAnsweredRunDurableWhenTheAnswerArrives() throws Exception {
        Actor pro = fixture.console(Plan.PRO);
        String prompt = fixture.productionPrompt(pro, FREE_MODEL);
        provider.willAlways((request, listener) -> {
            Thread.sleep(20);
            if (request.requestId().hashCode() % 3 == 0) {
                throw new io.promptmanager.plugin.model.ProviderException(Kind.UNAVAILABLE, "down", true);
            }
            return Answer.reply("ok", usage(1, 1, null)).answer(request, listener);
        });

        List<Object> outcomes = concurrently(60, i -> () -> {
            Object outcome = outcome(() -> run(pro, prompt));
            // read by this caller as soon as its answer arrived (NOT_FOUND if it were not there yet)
            return outcome instanceof ExecutionResult result
                    ? (Object) core.executionHistoryService().get(pro, result.executionId()).id()
                            .equals(result.executionId())
                    : outcome;
        });

        long succeeded = outcomes.stream().filter(Boolean.TRUE::equals).count();
        long failed = outcomes.stream().filter(ErrorCode.PROVIDER_UNAVAILABLE::equals).count();
        assertThat(succeeded + failed).isEqualTo(60);
        assertThat(failed).isPositive();
        assertThat(rows(pro)).isEqualTo(60);
        assertThat(provider.maxInFlight()).isGreaterThan(1);
    }

    private static ExecutionResult run(Actor actor, String prompt) {
        return core.executionService().run(actor, prompt, ExecutionRequest.production(ExecutionFixture.VARIABLES));
    }

    /** The result, or the error code of the DomainException it threw. */
    private static Object outcome(Callable<ExecutionResult> run) throws Exception {
        try {
            return run.call();
        } catch (DomainException e) {
            return e.code();
        }
    }

    private static List<Object> concurrently(int count, java.util.function.IntFunction<Callable<Object>> task)
            throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(count);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Callable<Object> call = task.apply(i);
                futures.add(executor.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<Object> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            executor.shutdownNow();
        }
    }

    private static List<Execution> history(Actor actor) {
        return core.executionHistoryService().list(actor, ExecutionFilter.NONE, PageRequest.first(100)).items();
    }

    private static long rows(Actor actor) {
        return core.database().dbClient().execute()
                .get("SELECT count(*) AS n FROM executions WHERE user_id = ?::uuid", actor.userId())
                .orElseThrow().column("n").get(Long.class);
    }

    private static int usedOn(Actor actor, LocalDate day) {
        return core.database().dbClient().execute()
                .get("SELECT coalesce(sum(executions), 0)::integer AS n FROM daily_usage WHERE user_id = ?::uuid AND day = ?",
                        actor.userId(), day)
                .orElseThrow().column("n").get(Integer.class);
    }
}
