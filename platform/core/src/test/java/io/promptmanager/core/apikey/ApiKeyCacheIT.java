package io.promptmanager.core.apikey;

import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.db.Database;
import io.promptmanager.core.db.Transactions;
import io.promptmanager.core.plan.Plan;
import io.promptmanager.core.testing.AccountsFixture;
import io.promptmanager.core.testing.CountingConnectionPool;
import io.promptmanager.core.testing.TestDatabase;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.NewUser;
import io.promptmanager.core.user.User;
import io.promptmanager.core.user.UserChanges;
import io.promptmanager.core.user.UserRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The API key cache: the hot path reads no database, changes made on this node apply at once,
 * changes made on another node within the cache expiry.
 */
class ApiKeyCacheIT {
    private static final Duration SHORT_EXPIRY = Duration.ofMillis(300);
    private static Database database;
    private static AccountsFixture thisNode;
    private static Actor admin;

    @BeforeAll
    static void startDatabase() {
        database = TestDatabase.fresh();
        thisNode = new AccountsFixture(database, Clock.systemUTC());
        thisNode.users.ensureInitialAdmin("root@example.com", "admin-password-0001");
        admin = Actor.console(thisNode.users.firstAdmin().orElseThrow());
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
    }

    @Test
    void answersRepeatedAuthenticationsWithoutAnyDatabaseStatement() {
        String secret = newKey(newUser(Plan.PRO));
        CountingConnectionPool pool = new CountingConnectionPool(database.dataSource());
        ApiKeyService counted = node(new Transactions(JdbcClientBuilder.create().connectionPool(pool).build()),
                ApiKeyService.CACHE_EXPIRY);
        counted.authenticate(secret);
        long afterFirst = pool.statements();

        for (int i = 0; i < 1_000; i++) {
            counted.authenticate(secret);
        }

        assertThat(afterFirst).isBetween(1L, 2L); // the lookup, and the first last-use write
        assertThat(pool.statements()).isEqualTo(afterFirst);
    }

    @Test
    void aRevocationOnThisNodeAppliesToTheNextRequest() {
        User owner = newUser(Plan.PRO);
        CreatedApiKey created = thisNode.apiKeys.create(Actor.console(owner), new NewApiKey("cached", null, Set.of()));
        thisNode.apiKeys.authenticate(created.secret());

        thisNode.apiKeys.revoke(Actor.console(owner), created.apiKey().id());

        assertRefused(created.secret(), ErrorCode.UNAUTHENTICATED);
    }

    @Test
    void aDowngradeOrADisablingOnThisNodeAppliesToTheNextRequest() {
        User downgraded = newUser(Plan.PRO);
        String downgradedKey = newKey(downgraded);
        User disabled = newUser(Plan.PRO);
        String disabledKey = newKey(disabled);
        thisNode.apiKeys.authenticate(downgradedKey);
        thisNode.apiKeys.authenticate(disabledKey);

        thisNode.users.update(admin, downgraded.id(), new UserChanges(Plan.FREE, null, null));
        thisNode.users.update(admin, disabled.id(), new UserChanges(null, null, true));

        assertRefused(downgradedKey, ErrorCode.PLAN_REQUIRED);
        assertRefused(disabledKey, ErrorCode.ACCOUNT_DISABLED);
    }

    @Test
    void anotherNodesRevocationAppliesOnceTheCacheExpires() throws InterruptedException {
        User owner = newUser(Plan.PRO);
        CreatedApiKey created = thisNode.apiKeys.create(Actor.console(owner), new NewApiKey("k", null, Set.of()));
        ApiKeyService otherNode = node(thisNode.transactions, SHORT_EXPIRY);
        otherNode.authenticate(created.secret());

        thisNode.apiKeys.revoke(Actor.console(owner), created.apiKey().id());

        // still trusted from the other node's memory, which is what spares it a read per request
        assertThat(otherNode.authenticate(created.secret()).userId()).isEqualTo(owner.id());
        Thread.sleep(SHORT_EXPIRY.plusMillis(100));
        assertThatThrownBy(() -> otherNode.authenticate(created.secret()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED));
    }

    @Test
    void anotherNodesPlanChangeAppliesOnceTheCacheExpires() throws InterruptedException {
        User owner = newUser(Plan.PRO);
        String secret = newKey(owner);
        ApiKeyService otherNode = node(thisNode.transactions, SHORT_EXPIRY);
        otherNode.authenticate(secret);

        thisNode.users.update(admin, owner.id(), new UserChanges(Plan.FREE, null, null));
        Thread.sleep(SHORT_EXPIRY.plusMillis(100));

        assertThatThrownBy(() -> otherNode.authenticate(secret))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PLAN_REQUIRED));
    }

    @Test
    void trustsAKeyForAtMostFiveSeconds() {
        assertThat(ApiKeyService.CACHE_EXPIRY).isLessThanOrEqualTo(Duration.ofSeconds(5));
        assertThatThrownBy(() -> node(thisNode.transactions, Duration.ofSeconds(6)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ApiKeyService node(Transactions transactions, Duration expiry) {
        return new ApiKeyService(transactions, new ApiKeyRepository(), new UserRepository(),
                new ApiKeyCodec(AccountsFixture.PEPPER), thisNode.audit, thisNode.plans, Clock.systemUTC(), expiry);
    }

    private static void assertRefused(String secret, ErrorCode code) {
        assertThatThrownBy(() -> thisNode.apiKeys.authenticate(secret))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private static String newKey(User owner) {
        return thisNode.apiKeys.create(Actor.console(owner), new NewApiKey("key", null, Set.of())).secret();
    }

    private static User newUser(Plan plan) {
        return thisNode.users.create(admin, new NewUser("u" + UUID.randomUUID() + "@example.com",
                "a long enough password", "User", plan, null));
    }
}
