package io.promptmanager.core.apikey;

import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import io.promptmanager.core.cache.InvalidationListener;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.db.Database;
import io.promptmanager.core.db.Transactions;
import io.promptmanager.core.plan.Plan;
import io.promptmanager.core.testing.AccountsFixture;
import io.promptmanager.core.testing.Await;
import io.promptmanager.core.testing.CountingConnectionPool;
import io.promptmanager.core.testing.ListenerConnections;
import io.promptmanager.core.testing.MutableClock;
import io.promptmanager.core.testing.TestDatabase;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.NewUser;
import io.promptmanager.core.user.Role;
import io.promptmanager.core.user.User;
import io.promptmanager.core.user.UserChanges;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The API key cache on two nodes of one database: the hot path reads nothing, a change made on
 * this node applies to its next request, and any change of a key or of its owner — made on another
 * node or by hand in SQL — applies as soon as the database's notification arrives.
 */
class ApiKeyCacheIT {
    private static final Duration NOTIFIED = Duration.ofSeconds(5);
    private static final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private static Database database;
    private static Node thisNode;
    private static Node otherNode;
    private static Actor admin;

    @BeforeAll
    static void startTwoNodes() throws InterruptedException {
        database = TestDatabase.fresh();
        thisNode = Node.start(database, ListenerConnections.open(database));
        otherNode = Node.start(database, ListenerConnections.open(database));
        thisNode.accounts.users.ensureInitialAdmin("root@example.com", "admin-password-0001");
        admin = Actor.console(thisNode.accounts.users.firstAdmin().orElseThrow());
    }

    @AfterAll
    static void stopNodes() {
        otherNode.close();
        thisNode.close();
        database.close();
    }

    @Test
    void answersRepeatedAuthenticationsOfACachedKeyWithoutAnyStatement() {
        // given
        String secret = newKey(newUser(Plan.PRO));
        long before = otherNode.pool.statements();
        otherNode.apiKeys().authenticate(secret);
        long afterFirst = otherNode.pool.statements();

        // when
        for (int i = 0; i < 1_000; i++) {
            otherNode.apiKeys().authenticate(secret);
        }

        // then: one lookup, and no write: the last use waits in memory
        assertThat(afterFirst - before).isEqualTo(1);
        assertThat(otherNode.pool.statements()).isEqualTo(afterFirst);
    }

    @Test
    void aRevocationOnThisNodeAppliesToTheNextRequest() {
        // given
        User owner = newUser(Plan.PRO);
        CreatedApiKey created = thisNode.apiKeys().create(Actor.console(owner), new NewApiKey("k", null, Set.of()));
        thisNode.apiKeys().authenticate(created.secret());

        // when
        thisNode.apiKeys().revoke(Actor.console(owner), created.apiKey().id());

        // then
        assertRefused(thisNode, created.secret(), ErrorCode.UNAUTHENTICATED);
    }

    @Test
    void aDowngradeOrADisablingOnThisNodeAppliesToTheNextRequest() {
        // given
        User downgraded = newUser(Plan.PRO);
        String downgradedKey = newKey(downgraded);
        User disabled = newUser(Plan.PRO);
        String disabledKey = newKey(disabled);
        thisNode.apiKeys().authenticate(downgradedKey);
        thisNode.apiKeys().authenticate(disabledKey);

        // when
        thisNode.accounts.users.update(admin, downgraded.id(), new UserChanges(Plan.FREE, null, null));
        thisNode.accounts.users.update(admin, disabled.id(), new UserChanges(null, null, true));

        // then
        assertRefused(thisNode, downgradedKey, ErrorCode.PLAN_REQUIRED);
        assertRefused(thisNode, disabledKey, ErrorCode.ACCOUNT_DISABLED);
    }

    @Test
    void aKeyRevokedOnAnotherNodeIsRefusedOnceTheNotificationArrives() {
        // given: trusted from the other node's memory
        User owner = newUser(Plan.PRO);
        CreatedApiKey created = thisNode.apiKeys().create(Actor.console(owner), new NewApiKey("k", null, Set.of()));
        assertCached(otherNode, created.secret());

        // when
        thisNode.apiKeys().revoke(Actor.console(owner), created.apiKey().id());

        // then
        Await.within(NOTIFIED, () -> isRefused(otherNode, created.secret(), ErrorCode.UNAUTHENTICATED));
    }

    @Test
    void changesMadeByHandInSqlApplyOnceTheNotificationArrives() {
        // given: five cached keys
        CreatedApiKey revoked = thisNode.apiKeys().create(Actor.console(newUser(Plan.PRO)),
                new NewApiKey("k", null, Set.of()));
        User downgraded = newUser(Plan.PRO);
        User disabled = newUser(Plan.PRO);
        User deleted = newUser(Plan.PRO);
        User demoted = newUser(Plan.FREE);
        thisNode.accounts.users.update(admin, demoted.id(), new UserChanges(null, Role.ADMIN, null));
        List<String> secrets = List.of(revoked.secret(), newKey(downgraded), newKey(disabled), newKey(deleted),
                newKey(demoted));
        secrets.forEach(secret -> assertCached(otherNode, secret));

        // when
        sql("UPDATE api_keys SET revoked_at = now() WHERE id = ?::uuid", revoked.apiKey().id());
        sql("UPDATE users SET plan = 'FREE' WHERE id = ?::uuid", downgraded.id());
        sql("UPDATE users SET disabled = true WHERE id = ?::uuid", disabled.id());
        sql("DELETE FROM users WHERE id = ?::uuid", deleted.id());
        sql("UPDATE users SET role = 'USER' WHERE id = ?::uuid", demoted.id());

        // then
        Await.within(NOTIFIED, () -> isRefused(otherNode, secrets.get(0), ErrorCode.UNAUTHENTICATED));
        Await.within(NOTIFIED, () -> isRefused(otherNode, secrets.get(1), ErrorCode.PLAN_REQUIRED));
        Await.within(NOTIFIED, () -> isRefused(otherNode, secrets.get(2), ErrorCode.ACCOUNT_DISABLED));
        Await.within(NOTIFIED, () -> isRefused(otherNode, secrets.get(3), ErrorCode.UNAUTHENTICATED));
        Await.within(NOTIFIED, () -> isRefused(otherNode, secrets.get(4), ErrorCode.PLAN_REQUIRED));
    }

    @Test
    void aKeyRestoredByHandWorksAtTheNextRequestSinceRefusedKeysAreNotKept() {
        // given: a revoked key, refused (and so not kept) on the other node
        User owner = newUser(Plan.PRO);
        CreatedApiKey created = thisNode.apiKeys().create(Actor.console(owner), new NewApiKey("k", null, Set.of()));
        thisNode.apiKeys().revoke(Actor.console(owner), created.apiKey().id());
        assertRefused(otherNode, created.secret(), ErrorCode.UNAUTHENTICATED);

        // when
        sql("UPDATE api_keys SET revoked_at = NULL WHERE id = ?::uuid", created.apiKey().id());

        // then
        assertThat(otherNode.apiKeys().authenticate(created.secret()).userId()).isEqualTo(owner.id());
    }

    @Test
    void anExpiredKeyIsRefusedFromMemory() {
        // given: a key valid for one more hour, cached
        User owner = newUser(Plan.PRO);
        String secret = thisNode.apiKeys().create(Actor.console(owner),
                new NewApiKey("short-lived", clock.instant().plus(Duration.ofHours(1)), Set.of())).secret();
        assertCached(otherNode, secret);

        // when
        clock.advance(Duration.ofHours(1));
        long before = otherNode.pool.statements();

        // then
        assertRefused(otherNode, secret, ErrorCode.UNAUTHENTICATED);
        assertThat(otherNode.pool.statements()).isEqualTo(before);
    }

    @Test
    void writesTheLastUseOfEveryKeyUsedInOneStatement() {
        // given: what earlier tests used is written
        otherNode.accounts.lastUses.flush();
        List<User> owners = List.of(newUser(Plan.PRO), newUser(Plan.PRO), newUser(Plan.PRO));
        List<String> secrets = owners.stream().map(ApiKeyCacheIT::newKey).toList();
        Instant usedAt = clock.instant();
        secrets.forEach(secret -> otherNode.apiKeys().authenticate(secret));
        assertThat(lastUse(owners.getFirst())).isNull();
        long before = otherNode.pool.statements();

        // when
        int written = otherNode.accounts.lastUses.flush();

        // then
        assertThat(otherNode.pool.statements() - before).isEqualTo(1);
        assertThat(written).isEqualTo(3);
        assertThat(owners).allSatisfy(owner -> assertThat(lastUse(owner)).isEqualTo(usedAt));
        assertThat(otherNode.accounts.lastUses.flush()).isZero();
    }

    @Test
    void writingTheLastUseLeavesCachedKeysInPlaceOnEveryNode() {
        // given: a key cached on both nodes, its use written
        String secret = newKey(newUser(Plan.PRO));
        assertCached(thisNode, secret);
        assertCached(otherNode, secret);
        otherNode.accounts.lastUses.flush();

        // when: a later change, which the other node hears about after any the write would have caused
        CreatedApiKey marker = thisNode.apiKeys().create(Actor.console(newUser(Plan.PRO)),
                new NewApiKey("marker", null, Set.of()));
        assertCached(thisNode, marker.secret());
        sql("UPDATE api_keys SET revoked_at = now() WHERE id = ?::uuid", marker.apiKey().id());
        Await.within(NOTIFIED, () -> isRefused(thisNode, marker.secret(), ErrorCode.UNAUTHENTICATED));

        // then
        long before = thisNode.pool.statements();
        thisNode.apiKeys().authenticate(secret);
        assertThat(thisNode.pool.statements()).isEqualTo(before);
    }

    @Test
    void whileNotificationsCannotArriveEveryAuthenticationReadsTheDatabase() throws InterruptedException {
        // given: a third node whose listener reconnects only when the test allows it, with a cached key
        ListenerConnections connections = ListenerConnections.gated(database);
        try (Node third = Node.start(database, connections)) {
            User owner = newUser(Plan.PRO);
            CreatedApiKey created = thisNode.apiKeys().create(Actor.console(owner), new NewApiKey("k", null, Set.of()));
            assertCached(third, created.secret());

            // when: its listening connection dies
            connections.cutCurrent();
            Await.within(NOTIFIED, () -> !third.listener.isListening());

            // then: every request reads the key, so a change it cannot hear about applies at once
            long before = third.pool.statements();
            third.apiKeys().authenticate(created.secret());
            third.apiKeys().authenticate(created.secret());
            assertThat(third.pool.statements() - before).isEqualTo(2);
            sql("UPDATE api_keys SET revoked_at = now() WHERE id = ?::uuid", created.apiKey().id());
            assertRefused(third, created.secret(), ErrorCode.UNAUTHENTICATED);
            sql("UPDATE api_keys SET revoked_at = NULL WHERE id = ?::uuid", created.apiKey().id());

            // when: it listens again
            connections.allowReconnect();
            Await.within(NOTIFIED, third.listener::isListening);

            // then: cached again, and notifications apply again
            assertCached(third, created.secret());
            sql("UPDATE users SET plan = 'FREE' WHERE id = ?::uuid", owner.id());
            Await.within(NOTIFIED, () -> isRefused(third, created.secret(), ErrorCode.PLAN_REQUIRED));
        }
    }

    /** Authenticates twice: the second time must be answered from memory. */
    private static void assertCached(Node node, String secret) {
        node.apiKeys().authenticate(secret);
        long loaded = node.pool.statements();
        node.apiKeys().authenticate(secret);
        assertThat(node.pool.statements()).as("statements of a cached authentication").isEqualTo(loaded);
    }

    private static boolean isRefused(Node node, String secret, ErrorCode code) {
        try {
            node.apiKeys().authenticate(secret);
            return false;
        } catch (DomainException e) {
            assertThat(e.code()).isEqualTo(code);
            return true;
        }
    }

    private static void assertRefused(Node node, String secret, ErrorCode code) {
        assertThatThrownBy(() -> node.apiKeys().authenticate(secret))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private static Instant lastUse(User owner) {
        return thisNode.apiKeys().list(Actor.console(owner)).getFirst().lastUsedAt();
    }

    private static void sql(String statement, Object parameter) {
        database.dbClient().execute().update(statement, parameter);
    }

    private static String newKey(User owner) {
        return thisNode.apiKeys().create(Actor.console(owner), new NewApiKey("key", null, Set.of())).secret();
    }

    private static User newUser(Plan plan) {
        return thisNode.accounts.users.create(admin, new NewUser("u" + UUID.randomUUID() + "@example.com",
                "a long enough password", "User", plan, null));
    }

    /** One node: account services over a statement-counting pool, its API key cache fed by its own listener. */
    private record Node(CountingConnectionPool pool, AccountsFixture accounts, InvalidationListener listener)
            implements AutoCloseable {

        static Node start(Database database, ListenerConnections connections) throws InterruptedException {
            CountingConnectionPool pool = new CountingConnectionPool(database.dataSource());
            AccountsFixture accounts = new AccountsFixture(database,
                    new Transactions(JdbcClientBuilder.create().connectionPool(pool).build()), clock);
            return new Node(pool, accounts, accounts.listen(connections));
        }

        ApiKeyService apiKeys() {
            return accounts.apiKeys;
        }

        @Override
        public void close() {
            listener.close();
        }
    }
}
