package io.promptmanager.core.prompt;

import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import io.promptmanager.core.apikey.Scope;
import io.promptmanager.core.cache.InvalidationListener;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.db.Database;
import io.promptmanager.core.db.DatabaseSettings;
import io.promptmanager.core.testing.Await;
import io.promptmanager.core.testing.CountingConnectionPool;
import io.promptmanager.core.testing.ListenerConnections;
import io.promptmanager.core.testing.TestDatabase;
import io.promptmanager.core.user.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.promptmanager.core.prompt.PromptServiceIT.assertNotFound;
import static io.promptmanager.core.prompt.PromptServiceIT.assertScopeRequired;
import static org.assertj.core.api.Assertions.assertThat;

/** Two nodes (own pool, cache and listener each) on one database. */
class ProductionCacheIT {
    private static DatabaseSettings settings;
    private Node a;
    private Node b;
    private Actor alice;

    @BeforeAll
    static void createDatabase() {
        settings = TestDatabase.freshSettings();
    }

    @BeforeEach
    void startTwoNodes() throws Exception {
        a = Node.start(settings, false);
        alice = TestUsers.newUser(a.stack.db);
        a.stack.prompts.create(alice, new PromptInput("greeting", null, null, null));
        a.stack.versions.create(alice, "greeting", VersionServiceIT.simpleVersion("v1"));
        a.stack.versions.create(alice, "greeting", VersionServiceIT.simpleVersion("v2"));
        a.stack.versions.promote(alice, "greeting", 1);
        // started after the set-up, so no announcement of it is still on its way to B
        b = Node.start(settings, false);
    }

    @AfterEach
    void stopNodes() {
        b.close();
        a.close();
    }

    @Test
    void steadyStateServesFromMemoryWithoutAnyQuery() {
        // given: the first read loads from the database
        long before = b.pool.statements();
        ProductionVersion first = b.stack.versions.production(alice, "greeting");
        assertThat(b.pool.statements()).isGreaterThan(before);

        // when
        long loaded = b.pool.statements();
        for (int i = 0; i < 1_000; i++) {
            assertThat(b.stack.versions.production(alice, "greeting")).isEqualTo(first);
        }

        // then
        assertThat(b.pool.statements()).isEqualTo(loaded);
    }

    @Test
    void renderingTheProductionVersionReadsNothingOnceCached() {
        // given
        b.stack.versions.production(alice, "greeting");
        long loaded = b.pool.statements();

        // when
        RenderedPrompt rendered = b.stack.versions.renderProduction(alice, "greeting", java.util.Map.of());

        // then
        assertThat(rendered.version()).isEqualTo(b.stack.versions.production(alice, "greeting").version().number());
        assertThat(b.pool.statements()).isEqualTo(loaded);
    }

    @Test
    void aPromoteOnOneNodeReachesTheOtherWithinOneSecond() {
        // given
        ProductionVersion cached = b.stack.versions.production(alice, "greeting");
        assertThat(cached.version().number()).isEqualTo(1);

        // when
        a.stack.versions.promote(alice, "greeting", 2);
        long promotedAt = System.nanoTime();

        // then
        Await.within(Duration.ofSeconds(1),
                () -> b.stack.versions.production(alice, "greeting").version().number() == 2);
        assertThat(Duration.ofNanos(System.nanoTime() - promotedAt)).isLessThan(Duration.ofSeconds(1));
        ProductionVersion fresh = b.stack.versions.production(alice, "greeting");
        assertThat(fresh.etag()).isNotEqualTo(cached.etag());
        assertThat(a.stack.versions.production(alice, "greeting")).isEqualTo(fresh);
    }

    @Test
    void theEtagIsTheSameOnEveryNodeAndChangesOnlyWithTheProductionVersion() {
        // given
        String etag = b.stack.versions.production(alice, "greeting").etag();
        assertThat(etag).matches("\"[0-9a-f]{64}\"");
        assertThat(a.stack.versions.production(alice, "greeting").etag()).isEqualTo(etag);

        // when: changes that leave the PRODUCTION version alone
        a.stack.versions.create(alice, "greeting", VersionServiceIT.simpleVersion("v3"));
        a.stack.versions.update(alice, "greeting", 3, VersionServiceIT.simpleVersion("v3 edited"));
        a.stack.prompts.update(alice, "greeting", new PromptInput("greeting", "now described", null, null));
        a.stack.versions.promote(alice, "greeting", 1);

        // then
        assertThat(b.stack.versions.production(alice, "greeting").etag()).isEqualTo(etag);

        // when: promote another version, then roll back to the first
        a.stack.versions.promote(alice, "greeting", 2);
        Await.within(Duration.ofSeconds(1), () -> !b.stack.versions.production(alice, "greeting").etag().equals(etag));
        String second = b.stack.versions.production(alice, "greeting").etag();
        a.stack.versions.promote(alice, "greeting", 1);

        // then: the rolled-back version is a new state with its own ETag
        Await.within(Duration.ofSeconds(1), () -> b.stack.versions.production(alice, "greeting").version().number() == 1);
        String rolledBack = b.stack.versions.production(alice, "greeting").etag();
        assertThat(rolledBack).isNotEqualTo(etag).isNotEqualTo(second);
        assertThat(a.stack.versions.production(alice, "greeting").etag()).isEqualTo(rolledBack);
    }

    @Test
    void archiveRenameAndDeleteOnOneNodeReachTheOther() {
        // given
        b.stack.versions.production(alice, "greeting");

        // when: archived
        a.stack.versions.archive(alice, "greeting", 1);

        // then
        Await.within(Duration.ofSeconds(1), () -> hasNoProduction(b, "greeting"));

        // when: promoted again, then renamed
        a.stack.versions.promote(alice, "greeting", 2);
        Await.within(Duration.ofSeconds(1), () -> !hasNoProduction(b, "greeting"));
        assertThat(hasNoProduction(b, "welcome")).isTrue();
        a.stack.prompts.update(alice, "greeting", new PromptInput("welcome", null, null, null));

        // then
        Await.within(Duration.ofSeconds(1), () -> hasNoProduction(b, "greeting") && !hasNoProduction(b, "welcome"));
        assertThat(b.stack.versions.production(alice, "welcome").version().promptName()).isEqualTo("welcome");

        // when: deleted
        a.stack.prompts.delete(alice, "welcome");

        // then
        Await.within(Duration.ofSeconds(1), () -> hasNoProduction(b, "welcome"));
    }

    @Test
    void neverServesOneUsersPromptToAnother() {
        // given: bob has a prompt of the same name with other content
        Actor bob = TestUsers.newUser(a.stack.db);
        Actor carol = TestUsers.newUser(a.stack.db);
        a.stack.prompts.create(bob, new PromptInput("greeting", null, null, null));
        a.stack.versions.create(bob, "greeting", VersionServiceIT.simpleVersion("bob's"));
        a.stack.versions.promote(bob, "greeting", 1);

        // when
        ProductionVersion alices = b.stack.versions.production(alice, "greeting");
        ProductionVersion bobs = b.stack.versions.production(bob, "greeting");

        // then
        assertThat(alices.version().commitMessage()).isEqualTo("v1");
        assertThat(bobs.version().commitMessage()).isEqualTo("bob's");
        assertThat(bobs.etag()).isNotEqualTo(alices.etag());
        assertNotFound(() -> b.stack.versions.production(carol, "greeting"));
        assertScopeRequired(() -> b.stack.versions.production(TestUsers.withScopes(alice, Scope.EXECUTIONS_RUN),
                "greeting"));
    }

    @Test
    void afterLosingItsConnectionANodeReadsTheDatabaseUntilItListensAgainThenCachesAgain() throws Exception {
        // given: node C whose listener reconnects only when the test allows it
        try (Node c = Node.start(settings, true)) {
            ProductionVersion cached = c.stack.versions.production(alice, "greeting");

            // when: its listening connection dies
            c.connections.cutCurrent();
            Await.within(Duration.ofSeconds(5), () -> !c.listener.isListening());

            // then: a change it cannot hear about is still seen at once, by reading the database
            a.stack.versions.promote(alice, "greeting", 2);
            assertThat(c.stack.versions.production(alice, "greeting").version().number()).isEqualTo(2);
            long whileDisconnected = c.pool.statements();
            c.stack.versions.production(alice, "greeting");
            assertThat(c.pool.statements()).isGreaterThan(whileDisconnected);

            // when: it listens again
            c.connections.allowReconnect();
            Await.within(Duration.ofSeconds(5), c.listener::isListening);

            // then: one load, then memory again, and notifications work again
            assertThat(c.stack.versions.production(alice, "greeting").version().number()).isEqualTo(2);
            long reloaded = c.pool.statements();
            c.stack.versions.production(alice, "greeting");
            assertThat(c.pool.statements()).isEqualTo(reloaded);
            a.stack.versions.promote(alice, "greeting", 1);
            Await.within(Duration.ofSeconds(1), () -> c.stack.versions.production(alice, "greeting").version().number() == 1);
            assertThat(c.stack.versions.production(alice, "greeting").etag()).isNotEqualTo(cached.etag());
        }
    }

    private boolean hasNoProduction(Node node, String name) {
        try {
            node.stack.versions.production(alice, name);
            return false;
        } catch (DomainException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
            return true;
        }
    }

    /** One node: its own pool (counting statements), prompt services, cache and listener. */
    private static final class Node implements AutoCloseable {
        final Database database;
        final CountingConnectionPool pool;
        final PromptStack stack;
        final ListenerConnections connections;
        final InvalidationListener listener;

        private Node(DatabaseSettings settings, boolean gatedReconnect) throws Exception {
            database = Database.start(settings);
            pool = new CountingConnectionPool(database.dataSource());
            stack = new PromptStack(JdbcClientBuilder.create().connectionPool(pool).build());
            connections = gatedReconnect ? ListenerConnections.gated(database) : ListenerConnections.open(database);
            listener = new InvalidationListener(connections, Map.of(ProductionCache.CHANNEL, stack.cache)).start();
            assertThat(listener.awaitListening(Duration.ofSeconds(10))).isTrue();
        }

        static Node start(DatabaseSettings settings, boolean gatedReconnect) throws Exception {
            return new Node(settings, gatedReconnect);
        }

        @Override
        public void close() {
            listener.close();
            database.close();
        }
    }
}
