package io.promptmanager.core.apikey;

import io.helidon.dbclient.DbRow;
import io.promptmanager.core.audit.AuditEntry;
import io.promptmanager.core.common.Channel;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.common.Violation;
import io.promptmanager.core.db.Database;
import io.promptmanager.core.plan.Plan;
import io.promptmanager.core.testing.AccountsFixture;
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
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ApiKeyServiceIT {
    private static final String OPERATOR_SECRET = "operator-secret-from-the-environment-0123456789";

    private static final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
    private static Database database;
    private static AccountsFixture fixture;
    private static ApiKeyService apiKeys;
    private static Actor admin;
    private static final List<String> issuedSecrets = new ArrayList<>();

    @BeforeAll
    static void startDatabase() {
        database = TestDatabase.fresh();
        fixture = new AccountsFixture(database, clock);
        apiKeys = fixture.apiKeys;
        fixture.users.ensureInitialAdmin("root@example.com", "admin-password-0001");
        admin = Actor.console(fixture.users.firstAdmin().orElseThrow());
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
    }

    @Test
    void refusesKeysToAFreeUser() {
        Actor free = Actor.console(newUser(Plan.FREE));

        assertThatThrownBy(() -> apiKeys.create(free, new NewApiKey("ci", null, Set.of())))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PLAN_REQUIRED);
                    assertThat(e.getMessage()).isEqualTo("API keys require the PRO plan");
                });
        assertThat(apiKeys.list(free)).isEmpty();
    }

    @Test
    void createsAKeyShownOnceThatAuthenticatesAsItsOwnerWithItsScopes() {
        User pro = newUser(Plan.PRO);

        CreatedApiKey created = create(Actor.console(pro), "deploy", null, Set.of(Scope.PROMPTS_READ));

        String secret = created.secret();
        assertThat(secret).matches("pmk_[0-9A-Za-z]{38}");
        assertThat(created.apiKey().prefix()).isEqualTo(secret.substring(0, 8));
        assertThat(created.apiKey().last4()).isEqualTo(secret.substring(secret.length() - 4));
        assertThat(created.apiKey().scopes()).containsExactly(Scope.PROMPTS_READ);
        assertThat(created.toString()).doesNotContain(secret);

        Actor actor = apiKeys.authenticate(secret);
        assertThat(actor.userId()).isEqualTo(pro.id());
        assertThat(actor.channel()).isEqualTo(Channel.API);
        assertThat(actor.apiKeyId()).isEqualTo(created.apiKey().id());
        assertThat(actor.scopes()).containsExactly(Scope.PROMPTS_READ);
        assertThat(actor.plan()).isEqualTo(Plan.PRO);
    }

    @Test
    void givesEveryScopeWhenNoneIsAsked() {
        CreatedApiKey created = create(Actor.console(newUser(Plan.PRO)), "all", null, Set.of());

        assertThat(created.apiKey().scopes()).containsExactlyInAnyOrder(Scope.values());
        assertThat(apiKeys.authenticate(created.secret()).scopes()).containsExactlyInAnyOrder(Scope.values());
    }

    @Test
    void listsOwnKeysNewestFirstAndRevokesThem() {
        Actor owner = Actor.console(newUser(Plan.PRO));
        CreatedApiKey older = create(owner, "older", null, Set.of());
        clock.advance(Duration.ofSeconds(1));
        CreatedApiKey newer = create(owner, "newer", null, Set.of());

        assertThat(apiKeys.list(owner)).extracting(ApiKey::name).containsExactly("newer", "older");

        apiKeys.revoke(owner, older.apiKey().id());
        apiKeys.revoke(owner, older.apiKey().id());

        assertThat(apiKeys.list(owner)).extracting(ApiKey::name).containsExactly("newer", "older");
        assertThat(apiKeys.list(owner).get(1).revokedAt()).isEqualTo(clock.instant());
        assertRefusedAsInvalid(() -> apiKeys.authenticate(older.secret()));
        assertThat(apiKeys.authenticate(newer.secret()).userId()).isEqualTo(owner.userId());
        assertThat(auditActions(older.apiKey().id())).containsExactlyInAnyOrder("apikey.create", "apikey.revoke");
    }

    @Test
    void refusesAnExpiredKeyWithTheSameMessageAsAnUnknownOne() {
        Actor owner = Actor.console(newUser(Plan.PRO));
        CreatedApiKey created = create(owner, "short-lived", clock.instant().plus(Duration.ofHours(1)), Set.of());
        assertThat(apiKeys.authenticate(created.secret()).userId()).isEqualTo(owner.userId());

        clock.advance(Duration.ofHours(1));

        assertRefusedAsInvalid(() -> apiKeys.authenticate(created.secret()));
        assertRefusedAsInvalid(() -> apiKeys.authenticate(new ApiKeyCodec(AccountsFixture.PEPPER).generate()));
        assertRefusedAsInvalid(() -> apiKeys.authenticate("not a key at all"));
        assertRefusedAsInvalid(() -> apiKeys.authenticate(""));
        assertRefusedAsInvalid(() -> apiKeys.authenticate(null));
    }

    @Test
    void refusesAKeyWhoseChecksumDoesNotMatch() {
        CreatedApiKey created = create(Actor.console(newUser(Plan.PRO)), "typo", null, Set.of());
        String secret = created.secret();
        char last = secret.charAt(secret.length() - 1);
        String mistyped = secret.substring(0, secret.length() - 1) + (last == 'a' ? 'b' : 'a');

        assertRefusedAsInvalid(() -> apiKeys.authenticate(mistyped));
    }

    @Test
    void validatesNameExpiryAndScopes() {
        Actor owner = Actor.console(newUser(Plan.PRO));

        DomainException e = catchThrowableOfType(DomainException.class, () -> apiKeys.create(owner,
                new NewApiKey(" ", clock.instant().minusSeconds(1), Set.of())));
        DomainException tooLong = catchThrowableOfType(DomainException.class, () -> apiKeys.create(owner,
                new NewApiKey("n".repeat(101), null, Set.of())));

        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(e.violations()).extracting(Violation::field).containsExactlyInAnyOrder("name", "expiresAt");
        assertThat(tooLong.violations()).extracting(Violation::field).containsExactly("name");
        assertThat(apiKeys.list(owner)).isEmpty();
    }

    @Test
    void aKeyCanOnlyGrantTheScopesItHolds() {
        User pro = newUser(Plan.PRO);
        CreatedApiKey manager = create(Actor.console(pro), "manager", null,
                Set.of(Scope.KEYS_MANAGE, Scope.PROMPTS_READ));
        Actor viaKey = apiKeys.authenticate(manager.secret());

        DomainException e = catchThrowableOfType(DomainException.class, () -> apiKeys.create(viaKey,
                new NewApiKey("wider", null, Set.of(Scope.PROMPTS_WRITE, Scope.EXECUTIONS_RUN))));
        CreatedApiKey narrower = create(viaKey, "narrower", null, Set.of());

        assertThat(e.violations()).extracting(Violation::message)
                .containsExactly("a key cannot grant scopes the current key lacks: executions:run, prompts:write");
        assertThat(narrower.apiKey().scopes()).containsExactlyInAnyOrder(Scope.KEYS_MANAGE, Scope.PROMPTS_READ);
    }

    @Test
    void managingKeysNeedsTheKeysManageScope() {
        User pro = newUser(Plan.PRO);
        CreatedApiKey reader = create(Actor.console(pro), "reader", null, Set.of(Scope.PROMPTS_READ));
        Actor viaKey = apiKeys.authenticate(reader.secret());

        for (Executable call : List.<Executable>of(
                () -> apiKeys.create(viaKey, new NewApiKey("x", null, Set.of())),
                () -> apiKeys.list(viaKey),
                () -> apiKeys.revoke(viaKey, reader.apiKey().id()))) {
            assertThatThrownBy(call::execute).isInstanceOfSatisfying(DomainException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.SCOPE_REQUIRED));
        }
    }

    @Test
    void keysStopWorkingAfterADowngradeAndWorkAgainAfterAnUpgrade() {
        User pro = newUser(Plan.PRO);
        CreatedApiKey created = create(Actor.console(pro), "kept", null, Set.of());

        fixture.users.update(admin, pro.id(), new UserChanges(Plan.FREE, null, null));

        assertThatThrownBy(() -> apiKeys.authenticate(created.secret()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PLAN_REQUIRED);
                    assertThat(e.getMessage()).isEqualTo("The public API requires the PRO plan");
                });
        assertThat(apiKeys.list(Actor.console(pro))).hasSize(1);

        fixture.users.update(admin, pro.id(), new UserChanges(Plan.PRO, null, null));

        assertThat(apiKeys.authenticate(created.secret()).plan()).isEqualTo(Plan.PRO);
    }

    @Test
    void refusesTheKeyOfADisabledAccount() {
        User pro = newUser(Plan.PRO);
        CreatedApiKey created = create(Actor.console(pro), "disabled", null, Set.of());

        fixture.users.update(admin, pro.id(), new UserChanges(null, null, true));

        assertThatThrownBy(() -> apiKeys.authenticate(created.secret()))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.ACCOUNT_DISABLED));
    }

    @Test
    void anotherUsersKeyIsNotFoundAndStaysValid() {
        CreatedApiKey theirs = create(Actor.console(newUser(Plan.PRO)), "theirs", null, Set.of());
        Actor intruder = Actor.console(newUser(Plan.PRO));

        assertThatThrownBy(() -> apiKeys.revoke(intruder, theirs.apiKey().id()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThatThrownBy(() -> apiKeys.revoke(intruder, UUID.randomUUID()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThat(apiKeys.authenticate(theirs.secret()).userId()).isEqualTo(theirs.apiKey().userId());
    }

    @Test
    void adminsUseTheApiWhateverTheirPlanAndIssueKeysForOthers() {
        User freeAdmin = fixture.users.create(admin, new NewUser("free-admin@example.com", "a long enough password",
                "Free admin", Plan.FREE, Role.ADMIN));
        CreatedApiKey own = create(Actor.console(freeAdmin), "admin", null, Set.of());
        assertThat(apiKeys.authenticate(own.secret()).role()).isEqualTo(Role.ADMIN);

        User free = newUser(Plan.FREE);
        CreatedApiKey issued = apiKeys.issueFor(admin, free.id(), new NewApiKey("provisioned", null, Set.of()));
        issuedSecrets.add(issued.secret());

        assertThat(issued.apiKey().userId()).isEqualTo(free.id());
        assertThat(apiKeys.list(Actor.console(free))).extracting(ApiKey::id).containsExactly(issued.apiKey().id());
        assertThatThrownBy(() -> apiKeys.authenticate(issued.secret()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PLAN_REQUIRED));
        fixture.users.update(admin, free.id(), new UserChanges(Plan.PRO, null, null));
        assertThat(apiKeys.authenticate(issued.secret()).userId()).isEqualTo(free.id());

        assertThatThrownBy(() -> apiKeys.issueFor(admin, UUID.randomUUID(), new NewApiKey("x", null, Set.of())))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThatThrownBy(() -> apiKeys.issueFor(Actor.console(free), free.id(), new NewApiKey("x", null, Set.of())))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
    }

    @Test
    void showsTheLastUseOnceItIsWrittenAndNeverMovesItBack() {
        // given
        Actor owner = Actor.console(newUser(Plan.PRO));
        CreatedApiKey created = create(owner, "busy", null, Set.of());
        Instant first = clock.instant();

        // when: used, then written
        apiKeys.authenticate(created.secret());
        assertThat(apiKeys.list(owner).getFirst().lastUsedAt()).isNull();
        fixture.lastUses.flush();

        // then
        assertThat(apiKeys.list(owner).getFirst().lastUsedAt()).isEqualTo(first);

        // when: used again on another node, then later on this one, and this node writes first
        AccountsFixture otherNode = new AccountsFixture(database, clock);
        clock.advance(Duration.ofSeconds(61));
        otherNode.apiKeys.authenticate(created.secret());
        clock.advance(Duration.ofSeconds(10));
        apiKeys.authenticate(created.secret());
        fixture.lastUses.flush();
        otherNode.lastUses.flush();

        // then: the older use written last does not move it back
        assertThat(apiKeys.list(owner).getFirst().lastUsedAt()).isEqualTo(first.plusSeconds(71));
    }

    @Test
    void keepsTheOperatorKeyAsOneAllScopeAdminKeyAcrossRestarts() {
        apiKeys.ensureOperatorKey(admin.userId(), OPERATOR_SECRET);
        apiKeys.ensureOperatorKey(admin.userId(), OPERATOR_SECRET);
        ApiKeyService afterRestart = new AccountsFixture(database, clock).apiKeys;
        afterRestart.ensureOperatorKey(admin.userId(), OPERATOR_SECRET);

        Actor operator = afterRestart.authenticate(OPERATOR_SECRET);
        assertThat(operator.userId()).isEqualTo(admin.userId());
        assertThat(operator.role()).isEqualTo(Role.ADMIN);
        assertThat(operator.scopes()).containsExactlyInAnyOrder(Scope.values());
        assertThat(operatorKeys()).hasSize(1);
        ApiKey key = operatorKeys().getFirst();
        assertThat(key.name()).isEqualTo("operator key (PM_ADMIN_API_KEY)");
        assertThat(auditActions(key.id())).containsExactly("apikey.create");

        // revoked through the API, it comes back at the next start
        apiKeys.revoke(operator, key.id());
        assertRefusedAsInvalid(() -> apiKeys.authenticate(OPERATOR_SECRET));
        afterRestart.ensureOperatorKey(admin.userId(), OPERATOR_SECRET);
        assertThat(apiKeys.authenticate(OPERATOR_SECRET).apiKeyId()).isEqualTo(key.id());

        // a new value replaces the old one in the same row (checked on the restarted node: another
        // node may trust the old value for the API key cache's few seconds, see ApiKeyCacheIT)
        String rotated = OPERATOR_SECRET + "-rotated";
        afterRestart.ensureOperatorKey(admin.userId(), rotated);
        assertRefusedAsInvalid(() -> afterRestart.authenticate(OPERATOR_SECRET));
        assertThat(afterRestart.authenticate(rotated).apiKeyId()).isEqualTo(key.id());
        assertThat(operatorKeys()).hasSize(1);
        afterRestart.ensureOperatorKey(admin.userId(), OPERATOR_SECRET);
    }

    @Test
    void refusesATooShortOperatorKeyWithoutRepeatingIt() {
        String tooShort = "short-operator-key-31-characters";

        assertThatThrownBy(() -> apiKeys.ensureOperatorKey(admin.userId(), tooShort.substring(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PM_ADMIN_API_KEY must be 32 to 512 printable ASCII characters without spaces")
                .hasMessageNotContaining(tooShort.substring(1));
        assertThatThrownBy(() -> apiKeys.ensureOperatorKey(admin.userId(), "with spaces " + OPERATOR_SECRET))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> apiKeys.ensureOperatorKey(admin.userId(), "pmk_" + OPERATOR_SECRET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(OPERATOR_SECRET);
        assertThatThrownBy(() -> apiKeys.ensureOperatorKey(newUser(Plan.PRO).id(), OPERATOR_SECRET + "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(OPERATOR_SECRET);
    }

    @Test
    void storesNoSecretInAnyColumnOfAnyTableNorInTheAuditLog() {
        // given keys made every way, in addition to those of the other tests
        Actor owner = Actor.console(newUser(Plan.PRO));
        CreatedApiKey created = create(owner, "scanned", null, Set.of());
        apiKeys.revoke(owner, created.apiKey().id());
        apiKeys.ensureOperatorKey(admin.userId(), OPERATOR_SECRET);
        List<String> secrets = new ArrayList<>(issuedSecrets);
        secrets.add(OPERATOR_SECRET);

        // then no text-like column holds any of them, nor the random part of a generated one
        for (String secret : secrets) {
            String needle = secret.startsWith(ApiKeyCodec.PREFIX) ? secret.substring(4, 36) : secret;
            for (DbRow column : textColumns()) {
                String table = column.column("table_name").get(String.class);
                String name = column.column("column_name").get(String.class);
                String contains = column.column("data_type").get(String.class).equals("bytea")
                        ? "position(convert_to(?, 'UTF8') IN \"" + name + "\") > 0"
                        : "strpos(\"" + name + "\"::text, ?) > 0";
                long hits = database.dbClient().execute().get(
                        "SELECT count(*) AS n FROM \"" + table + "\" WHERE " + contains,
                        needle).orElseThrow().column("n").get(Long.class);
                assertThat(hits).as("%s.%s", table, name).isZero();
            }
            assertThat(fixture.allAuditEntries(admin))
                    .allSatisfy(entry -> assertThat(String.valueOf(entry.before()) + entry.after()).doesNotContain(needle));
        }
        assertThat(textColumns()).extracting(row -> row.column("column_name").get(String.class))
                .contains("name", "prefix", "last4", "before_state", "after_state", "email");
    }

    private static List<DbRow> textColumns() {
        return database.dbClient().execute().query("""
                SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
                  AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'bytea')
                       OR c.udt_name = 'citext')
                """).toList();
    }

    private static CreatedApiKey create(Actor actor, String name, Instant expiresAt, Set<Scope> scopes) {
        CreatedApiKey created = apiKeys.create(actor, new NewApiKey(name, expiresAt,
                scopes.isEmpty() ? Set.of() : EnumSet.copyOf(scopes)));
        issuedSecrets.add(created.secret());
        return created;
    }

    private static User newUser(Plan plan) {
        return fixture.users.create(admin, new NewUser("u" + UUID.randomUUID() + "@example.com",
                "a long enough password", "User", plan, null));
    }

    private static List<ApiKey> operatorKeys() {
        return apiKeys.list(admin).stream().filter(k -> k.name().equals(ApiKeyService.OPERATOR_KEY_NAME)).toList();
    }

    private static List<String> auditActions(UUID keyId) {
        return fixture.allAuditEntries(admin).stream()
                .filter(entry -> entry.objectId().equals(keyId.toString()))
                .map(AuditEntry::action)
                .toList();
    }

    private static void assertRefusedAsInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
            assertThat(e.getMessage()).isEqualTo("Invalid or expired API key");
        });
    }
}
