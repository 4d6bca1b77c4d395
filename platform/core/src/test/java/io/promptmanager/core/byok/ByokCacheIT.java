package io.promptmanager.core.byok;

import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import io.promptmanager.core.CoreServices;
import io.promptmanager.core.cache.InvalidationListener;
import io.promptmanager.core.common.BillingType;
import io.promptmanager.core.db.Transactions;
import io.promptmanager.core.execution.ExecutionRequest;
import io.promptmanager.core.execution.ExecutionResult;
import io.promptmanager.core.execution.ResolvedCredentials;
import io.promptmanager.core.model.CatalogModel;
import io.promptmanager.core.plan.Plan;
import io.promptmanager.core.testing.Await;
import io.promptmanager.core.testing.CountingConnectionPool;
import io.promptmanager.core.testing.FakeModelProvider;
import io.promptmanager.core.testing.ListenerConnections;
import io.promptmanager.core.testing.TestKeyStorage;
import io.promptmanager.core.testing.TestPlatform;
import io.promptmanager.core.user.Actor;
import io.promptmanager.plugin.model.Credentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.promptmanager.core.testing.FakeModelProvider.FREE_MODEL;
import static io.promptmanager.core.testing.FakeModelProvider.PREMIUM_MODEL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each node keeps users' sealed BYOK keys — or the fact that they have none — in memory: a run
 * reads no {@code byok_keys} row, and a key saved, replaced or deleted anywhere applies on every
 * node once the database's notification arrives.
 */
class ByokCacheIT {
    private static final Duration NOTIFIED = Duration.ofSeconds(5);
    private TestPlatform platform;
    private CoreServices thisNode;
    private CoreServices otherNode;
    private FakeModelProvider openrouter;
    private ByokFixture fixture;

    @BeforeEach
    void startTwoNodes() {
        openrouter = new FakeModelProvider(ByokService.PROVIDER);
        platform = TestPlatform.start(TestPlatform.settings(Clock.systemUTC()), List.of(openrouter),
                List.of(new TestKeyStorage(1)));
        thisNode = platform.services();
        otherNode = platform.secondNode();
        fixture = new ByokFixture(thisNode);
        Await.within(NOTIFIED, () -> thisNode.isListeningForInvalidations() && otherNode.isListeningForInvalidations());
    }

    @AfterEach
    void stop() {
        otherNode.close();
        platform.close();
    }

    @Test
    void aKeySavedOnAnotherNodeIsUsedByTheNextRunOnceNotified() {
        // given: the other node ran on the platform's key, so it keeps "no key" for this user
        Actor pro = fixture.user(Plan.PRO);
        String prompt = fixture.prompt(pro, PREMIUM_MODEL);
        assertThat(run(otherNode, pro, prompt).billingType()).isEqualTo(BillingType.SYSTEM);
        String key = ByokFixture.newKey();

        // when
        thisNode.byokService().put(pro, key);

        // then
        Await.within(NOTIFIED, () -> run(otherNode, pro, prompt).billingType() == BillingType.BYOK);
        assertThat(openrouter.requests().getLast().credentials()).isEqualTo(Credentials.user(key));
    }

    @Test
    void aKeyReplacedOrDeletedOnAnotherNodeIsNoLongerUsedOnceNotified() {
        // given: the other node keeps the first key
        Actor pro = fixture.user(Plan.PRO);
        String prompt = fixture.prompt(pro, PREMIUM_MODEL);
        String first = ByokFixture.newKey();
        String second = ByokFixture.newKey();
        thisNode.byokService().put(pro, first);
        Await.within(NOTIFIED, () -> run(otherNode, pro, prompt).billingType() == BillingType.BYOK);

        // when
        thisNode.byokService().put(pro, second);

        // then
        Await.within(NOTIFIED, () -> {
            run(otherNode, pro, prompt);
            return openrouter.requests().getLast().credentials().equals(Credentials.user(second));
        });

        // when
        thisNode.byokService().delete(pro);

        // then
        Await.within(NOTIFIED, () -> run(otherNode, pro, prompt).billingType() == BillingType.SYSTEM);
        assertThat(openrouter.requests().getLast().credentials().isUserKey()).isFalse();
    }

    @Test
    void keysEmptiedByHandInSqlAreNoLongerUsedOnceNotified() {
        // given: the other node keeps the user's key
        Actor pro = fixture.user(Plan.PRO);
        String prompt = fixture.prompt(pro, PREMIUM_MODEL);
        thisNode.byokService().put(pro, ByokFixture.newKey());
        Await.within(NOTIFIED, () -> run(otherNode, pro, prompt).billingType() == BillingType.BYOK);

        // when
        platform.database().dbClient().execute().dml("TRUNCATE byok_keys");

        // then
        Await.within(NOTIFIED, () -> run(otherNode, pro, prompt).billingType() == BillingType.SYSTEM);
    }

    @Test
    void aDowngradeStopsUsingTheKeptKeyAtOnce() {
        // given: the other node keeps the user's key
        Actor pro = fixture.user(Plan.PRO);
        String prompt = fixture.prompt(pro, PREMIUM_MODEL);
        thisNode.byokService().put(pro, ByokFixture.newKey());
        Await.within(NOTIFIED, () -> run(otherNode, pro, prompt).billingType() == BillingType.BYOK);
        CatalogModel model = otherNode.modelCatalog().find(ByokService.PROVIDER, FREE_MODEL).orElseThrow();

        // when
        Actor free = fixture.changePlan(pro, Plan.FREE);

        // then: the plan is the run's own, not the cache's
        assertThat(new ByokCredentialsResolver(otherNode.byokService()).resolve(free, model))
                .isEqualTo(ResolvedCredentials.SYSTEM);
    }

    @Test
    void resolvingARunsCredentialsReadsNoKeyRowOnceKept() throws InterruptedException {
        // given: a third node's BYOK service on a statement-counting pool, fed by its own listener
        CountingConnectionPool pool = new CountingConnectionPool(platform.database().dataSource());
        ByokKeyCache cache = new ByokKeyCache();
        ByokService counted = new ByokService(new Transactions(JdbcClientBuilder.create().connectionPool(pool).build()),
                new ByokRepository(), cache, Optional.of(new TestKeyStorage(1)), thisNode.modelGateway(),
                thisNode.auditLog(), thisNode.planCatalog(), Clock.systemUTC());
        ByokCredentialsResolver resolver = new ByokCredentialsResolver(counted);
        CatalogModel model = thisNode.modelCatalog().find(ByokService.PROVIDER, PREMIUM_MODEL).orElseThrow();
        Actor withoutKey = fixture.user(Plan.PRO);
        Actor withKey = fixture.user(Plan.PRO);
        String key = ByokFixture.newKey();
        thisNode.byokService().put(withKey, key);
        try (InvalidationListener listener = new InvalidationListener(
                ListenerConnections.open(platform.database()), Map.of(ByokKeyCache.CHANNEL, cache)).start()) {
            assertThat(listener.awaitListening(NOTIFIED)).isTrue();
            assertThat(resolver.resolve(withoutKey, model)).isEqualTo(ResolvedCredentials.SYSTEM);
            assertThat(resolver.resolve(withKey, model).billingType()).isEqualTo(BillingType.BYOK);
            long kept = pool.statements();

            // when
            for (int i = 0; i < 100; i++) {
                assertThat(resolver.resolve(withoutKey, model)).isEqualTo(ResolvedCredentials.SYSTEM);
                assertThat(resolver.resolve(withKey, model).credentials()).isEqualTo(Credentials.user(key));
            }

            // then
            assertThat(pool.statements()).isEqualTo(kept);
        }
    }

    private static ExecutionResult run(CoreServices node, Actor actor, String prompt) {
        return node.executionService().run(actor, prompt, new ExecutionRequest(ByokFixture.VARIABLES, null, false));
    }
}
