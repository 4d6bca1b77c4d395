package io.promptmanager.core.byok;

import io.promptmanager.core.CoreServices;
import io.promptmanager.core.common.BillingType;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.db.StartupException;
import io.promptmanager.core.execution.ExecutionRequest;
import io.promptmanager.core.execution.ExecutionResult;
import io.promptmanager.core.plan.Plan;
import io.promptmanager.core.testing.FakeModelProvider;
import io.promptmanager.core.testing.FakeModelProvider.Answer;
import io.promptmanager.core.testing.TestKeyStorage;
import io.promptmanager.core.testing.TestPlatform;
import io.promptmanager.core.user.Actor;
import io.promptmanager.plugin.model.CompletionRequest;
import io.promptmanager.plugin.model.Credentials;
import io.promptmanager.plugin.model.KeyCheck;
import io.promptmanager.plugin.model.ProviderException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.promptmanager.core.testing.FakeModelProvider.FREE_MODEL;
import static io.promptmanager.core.testing.FakeModelProvider.PREMIUM_MODEL;
import static io.promptmanager.core.testing.FakeModelProvider.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ByokServiceIT {
    private TestPlatform platform;
    private CoreServices core;
    private FakeModelProvider openrouter;
    private ByokFixture fixture;

    @BeforeEach
    void start() {
        openrouter = new FakeModelProvider(ByokService.PROVIDER);
        platform = TestPlatform.start(TestPlatform.settings(Clock.systemUTC()), List.of(openrouter),
                List.of(new TestKeyStorage(1)));
        core = platform.services();
        fixture = new ByokFixture(core);
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    private ByokService byok() {
        return core.byokService();
    }

    private ExecutionResult run(Actor actor, String prompt) {
        return core.executionService().run(actor, prompt, new ExecutionRequest(ByokFixture.VARIABLES, null, false));
    }

    private static DomainException failure(Runnable action) {
        return catchThrowableOfType(DomainException.class, action::run);
    }

    @Test
    void refusesSavingOrTestingAKeyOnTheFreePlan() {
        Actor free = fixture.user(Plan.FREE);

        assertThat(failure(() -> byok().put(free, ByokFixture.newKey())).code()).isEqualTo(ErrorCode.PLAN_REQUIRED);
        assertThat(failure(() -> byok().test(free, ByokFixture.newKey())).code()).isEqualTo(ErrorCode.PLAN_REQUIRED);
        assertThat(failure(() -> byok().get(free)).code()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void checksTheKeyFormatFirstWithoutRepeatingTheValue() {
        Actor pro = fixture.user(Plan.PRO);
        String typo = ByokFixture.newKey().substring(0, 70) + "Z";

        DomainException invalid = failure(() -> byok().put(pro, typo));

        assertThat(invalid.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(invalid.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("key"));
        assertThat(invalid.getMessage() + invalid.violations()).doesNotContain(typo);
        assertThat(failure(() -> byok().put(pro, "sk-or-v1-abc")).code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(failure(() -> byok().test(pro, "sk-abc")).code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(failure(() -> byok().get(pro)).code()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void savedKeyShowsOnlyItsLastFourCharactersAndIsStoredSealed() {
        Actor pro = fixture.user(Plan.PRO);
        String key = ByokFixture.newKey();

        ByokStatus saved = byok().put(pro, key);

        assertThat(saved.last4()).isEqualTo(key.substring(key.length() - 4));
        ByokStatus shown = byok().get(pro);
        assertThat(shown.last4()).isEqualTo(saved.last4());
        assertThat(shown.active()).isTrue();
        assertThat(shown.updatedAt()).isEqualTo(saved.updatedAt());
        assertThat(shown.toString()).doesNotContain(key);
        byte[] sealed = sealedOf(pro);
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(key.substring(9, 30));
        assertThat(sealed.length).isGreaterThan(key.length());
    }

    @Test
    void replacingTheKeyMakesRunsUseTheNewOne() throws Exception {
        Actor pro = fixture.user(Plan.PRO);
        String prompt = fixture.prompt(pro, PREMIUM_MODEL);
        String first = ByokFixture.newKey();
        String second = ByokFixture.newKey();
        byok().put(pro, first);
        Thread.sleep(5);

        ByokStatus replaced = byok().put(pro, second);
        run(pro, prompt);

        assertThat(replaced.last4()).isEqualTo(second.substring(69));
        assertThat(byok().get(pro).last4()).isEqualTo(second.substring(69));
        assertThat(openrouter.requests()).singleElement()
                .satisfies(r -> assertThat(r.credentials()).isEqualTo(Credentials.user(second)));
    }

    @Test
    void runWithASavedKeyIsBilledByokAndReachesTheProviderWithThatKey() {
        Actor pro = fixture.user(Plan.PRO);
        String prompt = fixture.prompt(pro, PREMIUM_MODEL);
        String key = ByokFixture.newKey();
        byok().put(pro, key);

        ExecutionResult result = run(pro, prompt);

        assertThat(result.billingType()).isEqualTo(BillingType.BYOK);
        assertThat(core.executionHistoryService().get(pro, result.executionId()).billingType())
                .isEqualTo(BillingType.BYOK);
        assertThat(openrouter.requests()).singleElement()
                .satisfies(r -> assertThat(r.credentials().apiKey()).isEqualTo(key));
    }

    @Test
    void deletingTheKeyGoesBackToTheSystemKey() {
        Actor pro = fixture.user(Plan.PRO);
        String prompt = fixture.prompt(pro, PREMIUM_MODEL);
        byok().put(pro, ByokFixture.newKey());

        byok().delete(pro);
        ExecutionResult result = run(pro, prompt);

        assertThat(result.billingType()).isEqualTo(BillingType.SYSTEM);
        assertThat(openrouter.requests()).singleElement()
                .satisfies(r -> assertThat(r.credentials().isUserKey()).isFalse());
        assertThat(failure(() -> byok().get(pro)).code()).isEqualTo(ErrorCode.NOT_FOUND);
        byok().delete(pro);
    }

    @Test
    void twoUsersRunningAtTheSameMomentEachReachTheProviderWithTheirOwnKey() throws Exception {
        int users = 8;
        List<Actor> actors = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<String> prompts = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            Actor pro = fixture.user(Plan.PRO);
            String key = ByokFixture.newKey();
            byok().put(pro, key);
            actors.add(pro);
            keys.add(key);
            prompts.add(fixture.prompt(pro, PREMIUM_MODEL));
        }
        openrouter.willAlways(Answer.after(Duration.ofMillis(200), Answer.reply("ok", usage(1, 1, null))));
        CountDownLatch go = new CountDownLatch(1);

        List<Future<ExecutionResult>> runs = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(users)) {
            for (int i = 0; i < users; i++) {
                int n = i;
                runs.add(pool.submit(() -> {
                    go.await();
                    return run(actors.get(n), prompts.get(n));
                }));
            }
            go.countDown();
            for (Future<ExecutionResult> future : runs) {
                assertThat(future.get().billingType()).isEqualTo(BillingType.BYOK);
            }
        }

        assertThat(openrouter.maxInFlight()).isGreaterThan(1);
        assertThat(openrouter.requests()).hasSize(users);
        for (int i = 0; i < users; i++) {
            ExecutionResult result = runs.get(i).get();
            CompletionRequest received = openrouter.requests().stream()
                    .filter(r -> r.requestId().equals(result.executionId().toString())).findFirst().orElseThrow();
            assertThat(received.credentials().apiKey()).isEqualTo(keys.get(i));
        }
    }

    @Test
    void aRejectedKeyFailsTheRunWithoutFallingBackToTheSystemKey() {
        Actor pro = fixture.user(Plan.PRO);
        String prompt = fixture.prompt(pro, PREMIUM_MODEL);
        byok().put(pro, ByokFixture.newKey());
        openrouter.willNext(Answer.fail(Kind.INVALID_CREDENTIALS, 401, null), Answer.fail(Kind.INSUFFICIENT_CREDITS, 402, null));

        DomainException rejected = failure(() -> run(pro, prompt));
        DomainException noCredit = failure(() -> run(pro, prompt));

        assertThat(rejected.code()).isEqualTo(ErrorCode.BYOK_KEY_REJECTED);
        assertThat(rejected.getMessage()).contains("check or replace the key");
        assertThat(noCredit.code()).isEqualTo(ErrorCode.BYOK_KEY_REJECTED);
        assertThat(openrouter.requests()).hasSize(2).allSatisfy(r -> assertThat(r.credentials().isUserKey()).isTrue());
        assertThat(core.usageService().today(pro).used()).isZero();
        run(pro, prompt);
        assertThat(core.usageService().today(pro).used()).isEqualTo(1);
    }

    @Test
    void downgradeKeepsTheKeyInactiveAndUpgradeMakesItActiveAgain() {
        Actor pro = fixture.user(Plan.PRO);
        String prompt = fixture.prompt(pro, FREE_MODEL);
        byok().put(pro, ByokFixture.newKey());

        Actor downgraded = fixture.changePlan(pro, Plan.FREE);

        assertThat(byok().get(downgraded).active()).isFalse();
        assertThat(run(downgraded, prompt).billingType()).isEqualTo(BillingType.SYSTEM);
        assertThat(openrouter.requests().getLast().credentials().isUserKey()).isFalse();

        Actor upgraded = fixture.changePlan(downgraded, Plan.PRO);

        assertThat(byok().get(upgraded).active()).isTrue();
        assertThat(run(upgraded, prompt).billingType()).isEqualTo(BillingType.BYOK);
    }

    @Test
    void testsAGivenKeyOrTheSavedOneWithTheProvider() {
        Actor pro = fixture.user(Plan.PRO);
        String saved = ByokFixture.newKey();
        String candidate = ByokFixture.newKey();
        byok().put(pro, saved);
        List<String> checked = new ArrayList<>();
        openrouter.checksKeysWith(credentials -> {
            checked.add(credentials.apiKey());
            return credentials.apiKey().equals(saved)
                    ? new KeyCheck(true, "my key", new BigDecimal("4.20"), false)
                    : new KeyCheck(false, null, null, false);
        });

        ByokKeyCheck ofSaved = byok().test(pro, null);
        ByokKeyCheck ofCandidate = byok().test(pro, candidate);

        assertThat(ofSaved).isEqualTo(new ByokKeyCheck(true, "my key", new BigDecimal("4.20"), false));
        assertThat(ofCandidate.valid()).isFalse();
        assertThat(checked).containsExactly(saved, candidate);
        assertThat(byok().get(pro).last4()).isEqualTo(saved.substring(69));
    }

    @Test
    void aKeyCopiedToAnotherUsersRowDoesNotOpen() {
        Actor alice = fixture.user(Plan.PRO);
        Actor bob = fixture.user(Plan.PRO);
        byok().put(alice, ByokFixture.newKey());
        byok().put(bob, ByokFixture.newKey());
        platform.database().dbClient().execute().update(
                "UPDATE byok_keys SET sealed = (SELECT sealed FROM byok_keys WHERE user_id = ?::uuid) WHERE user_id = ?::uuid",
                alice.userId(), bob.userId());
        String prompt = fixture.prompt(bob, PREMIUM_MODEL);

        assertThat(failure(() -> run(bob, prompt)).code()).isEqualTo(ErrorCode.KEY_STORAGE_UNAVAILABLE);
        assertThat(openrouter.requests()).isEmpty();
    }

    @Test
    void resealMovesOldKeysToTheNewestMasterKeyAndCountsThem() {
        Actor alice = fixture.user(Plan.PRO);
        Actor bob = fixture.user(Plan.PRO);
        String aliceKey = ByokFixture.newKey();
        byok().put(alice, aliceKey);
        byok().put(bob, ByokFixture.newKey());

        try (CoreServices rotated = platform.secondNode(List.of(new TestKeyStorage(1, 2)))) {
            ResealReport first = rotated.byokService().reseal(fixture.admin);
            ResealReport second = rotated.byokService().reseal(fixture.admin);

            assertThat(first).isEqualTo(new ResealReport(2, 2, 0));
            assertThat(second).isEqualTo(new ResealReport(2, 0, 0));
            assertThat(failure(() -> rotated.byokService().reseal(alice)).code()).isEqualTo(ErrorCode.FORBIDDEN);
        }
        assertThat(TestKeyStorage.masterKeyOf(sealedOf(alice))).isEqualTo(2);
        try (CoreServices newestOnly = platform.secondNode(List.of(new TestKeyStorage(2)))) {
            String prompt = fixture.prompt(alice, PREMIUM_MODEL);
            newestOnly.executionService().run(alice, prompt, new ExecutionRequest(ByokFixture.VARIABLES, null, false));
            assertThat(openrouter.requests().getLast().credentials().apiKey()).isEqualTo(aliceKey);
        }
    }

    @Test
    void startUpRefusesMasterKeysThatCannotOpenTheStoredKeys() {
        byok().put(fixture.user(Plan.PRO), ByokFixture.newKey());

        assertThatThrownBy(() -> platform.secondNode(List.of(new TestKeyStorage(3))).close())
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("cannot open stored BYOK keys — check PM_MASTER_KEY");
        assertThatThrownBy(() -> platform.secondNode(List.of()).close())
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("no key storage plugin is installed");
        assertThatThrownBy(() -> platform.secondNode(List.of(new TestKeyStorage(1), new TestKeyStorage(1))).close())
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("More than one key storage");
    }

    @Test
    void withoutAKeyStorageByokAnswersUnavailableAndRunsStillWork() {
        try (TestPlatform bare = TestPlatform.start(TestPlatform.settings(Clock.systemUTC()),
                List.of(new FakeModelProvider(ByokService.PROVIDER)), List.of())) {
            ByokFixture users = new ByokFixture(bare.services());
            Actor pro = users.user(Plan.PRO);
            String prompt = users.prompt(pro, PREMIUM_MODEL);

            DomainException unavailable = failure(() -> bare.services().byokService().put(pro, ByokFixture.newKey()));

            assertThat(unavailable.code()).isEqualTo(ErrorCode.KEY_STORAGE_UNAVAILABLE);
            assertThat(unavailable.getMessage()).contains("No key storage plugin is installed");
            assertThat(bare.services().executionService().run(pro, prompt,
                    new ExecutionRequest(Map.of("text", "x"), null, false)).billingType()).isEqualTo(BillingType.SYSTEM);
        }
    }

    private byte[] sealedOf(Actor user) {
        return platform.database().dbClient().execute()
                .get("SELECT sealed FROM byok_keys WHERE user_id = ?::uuid", user.userId())
                .orElseThrow().column("sealed").get(byte[].class);
    }
}
