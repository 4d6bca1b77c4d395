package io.promptmanager.core.user;

import io.promptmanager.core.audit.AuditEntry;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.common.Json;
import io.promptmanager.core.common.Page;
import io.promptmanager.core.common.PageRequest;
import io.promptmanager.core.common.Violation;
import io.promptmanager.core.db.Database;
import io.promptmanager.core.plan.Plan;
import io.promptmanager.core.plan.PlanSettings;
import io.promptmanager.core.testing.AccountsFixture;
import io.promptmanager.core.testing.MutableClock;
import io.promptmanager.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class UserServiceIT {
    private static final String ADMIN_PASSWORD = "admin-password-0001";
    private static final String PASSWORD = "a long enough password";

    private static final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
    private static Database database;
    private static AccountsFixture fixture;
    private static UserService users;
    private static Actor admin;

    @BeforeAll
    static void startDatabase() {
        database = TestDatabase.fresh();
        fixture = new AccountsFixture(database, clock);
        users = fixture.users;
        users.ensureInitialAdmin("root@example.com", ADMIN_PASSWORD);
        admin = Actor.console(users.authenticate("root@example.com", ADMIN_PASSWORD, "127.0.0.1"));
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
    }

    @Test
    void signsUpAFreeUserWhoCanThenSignInWithTheEmailInAnyCase() {
        User user = users.signUp(new SignUp("  Grace.Hopper@Example.com ", PASSWORD, " Grace "));

        assertThat(user.plan()).isEqualTo(Plan.FREE);
        assertThat(user.role()).isEqualTo(Role.USER);
        assertThat(user.email()).isEqualTo("Grace.Hopper@Example.com");
        assertThat(user.displayName()).isEqualTo("Grace");
        assertThat(users.authenticate("grace.hopper@EXAMPLE.com", PASSWORD, "10.0.0.1")).isEqualTo(user);
        assertThat(users.find(user.id())).contains(user);
    }

    @Test
    void refusesASecondAccountWhoseEmailDiffersOnlyInCase() {
        users.signUp(new SignUp("alan@example.com", PASSWORD, "Alan"));

        assertThatThrownBy(() -> users.signUp(new SignUp("ALAN@example.COM", "another long password", "Imposter")))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                    assertThat(e.getMessage()).isEqualTo("An account with this e-mail already exists");
                });
    }

    @Test
    void refusesSignUpWhenItIsSwitchedOffButLetsAdminsCreateAccounts() {
        UserService closed = new AccountsFixture(database, clock, new AccountSettings(false, 10),
                PlanSettings.defaults()).users;

        assertThatThrownBy(() -> closed.signUp(new SignUp("late@example.com", PASSWORD, "Late")))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.SIGNUP_DISABLED));
        assertThat(closed.create(admin, new NewUser("late@example.com", PASSWORD, "Late", null, null)).plan())
                .isEqualTo(Plan.FREE);
    }

    @Test
    void namesEveryInvalidFieldOfASignUp() {
        DomainException e = catchThrowableOfType(DomainException.class,
                () -> users.signUp(new SignUp("not-an-email", "short", " ")));

        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(e.violations()).extracting(Violation::field)
                .containsExactlyInAnyOrder("email", "displayName", "password");
        assertThat(e.violations()).extracting(Violation::message)
                .contains("password must be at least 10 characters");
    }

    @Test
    void refusesTooLongPasswordsAndDisplayNames() {
        DomainException e = catchThrowableOfType(DomainException.class,
                () -> users.signUp(new SignUp("long@example.com", "p".repeat(1025), "n".repeat(101))));

        assertThat(e.violations()).extracting(Violation::field).containsExactlyInAnyOrder("displayName", "password");
    }

    @Test
    void answersTheSameGenericMessageForAnUnknownEmailAndAWrongPassword() {
        users.signUp(new SignUp("linus@example.com", PASSWORD, "Linus"));

        DomainException unknown = catchThrowableOfType(DomainException.class,
                () -> users.authenticate("nobody@example.com", PASSWORD, "10.0.0.2"));
        DomainException wrong = catchThrowableOfType(DomainException.class,
                () -> users.authenticate("linus@example.com", "wrong password!!", "10.0.0.2"));

        assertThat(List.of(unknown, wrong)).allSatisfy(e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
            assertThat(e.getMessage()).isEqualTo("E-mail or password is incorrect");
        });
    }

    @Test
    void saysAccountDisabledOnlyToWhoeverKnowsThePassword() {
        User user = users.create(admin, new NewUser("barbara@example.com", PASSWORD, "Barbara", null, null));
        users.update(admin, user.id(), new UserChanges(null, null, true));

        assertThatThrownBy(() -> users.authenticate("barbara@example.com", "wrong password!!", "10.0.0.3"))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED));
        assertThatThrownBy(() -> users.authenticate("barbara@example.com", PASSWORD, "10.0.0.3"))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.ACCOUNT_DISABLED));
    }

    @Test
    void throttlesRepeatedFailuresRefusingEvenTheRightPasswordUntilTheWaitIsOver() {
        users.signUp(new SignUp("edsger@example.com", PASSWORD, "Edsger"));
        for (int i = 0; i < 6; i++) {
            assertThatThrownBy(() -> users.authenticate("edsger@example.com", "guess guess guess", "10.0.0.4"))
                    .isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED));
        }

        LoginThrottledException throttled = catchThrowableOfType(LoginThrottledException.class,
                () -> users.authenticate("EDSGER@example.com", PASSWORD, "10.0.0.5"));
        assertThat(throttled.code()).isEqualTo(ErrorCode.TOO_MANY_ATTEMPTS);
        assertThat(throttled.retryAfter()).isEqualTo(Duration.ofSeconds(1));

        clock.advance(Duration.ofSeconds(1));
        assertThat(users.authenticate("edsger@example.com", PASSWORD, "10.0.0.4").email())
                .isEqualTo("edsger@example.com");
    }

    @Test
    void changesThePasswordOnlyWithTheCurrentOne() {
        User user = users.signUp(new SignUp("niklaus@example.com", PASSWORD, "Niklaus"));
        Actor actor = Actor.console(user);

        assertThatThrownBy(() -> users.changePassword(actor, "not the password", "a brand new password"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
                    assertThat(e.violations()).extracting(Violation::field).containsExactly("currentPassword");
                });
        assertThatThrownBy(() -> users.changePassword(actor, PASSWORD, "short"))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("newPassword"));

        users.changePassword(actor, PASSWORD, "a brand new password");

        assertThat(users.authenticate("niklaus@example.com", "a brand new password", "10.0.0.6").id())
                .isEqualTo(user.id());
        assertThatThrownBy(() -> users.authenticate("niklaus@example.com", PASSWORD, "10.0.0.6"))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void showsTheAccountWithItsPlansEntitlementsAndTodaysUsage() {
        User user = users.create(admin, new NewUser("ken@example.com", PASSWORD, "Ken", Plan.PRO, null));

        AccountOverview overview = users.overview(Actor.console(user));

        assertThat(overview.user()).isEqualTo(user);
        assertThat(overview.entitlements().plan()).isEqualTo(Plan.PRO);
        assertThat(overview.entitlements().apiKeys()).isTrue();
        assertThat(overview.usage().used()).isZero();
        assertThat(overview.usage().limit()).isNull();
        assertThat(overview.usage().resetsAt()).isEqualTo(
                clock.instant().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1)));
    }

    @Test
    void adminCreatesAndChangesUsersAndEveryChangeIsAuditedWithoutTheHash() {
        User created = users.create(admin, new NewUser("dennis@example.com", PASSWORD, "Dennis", null, null));
        assertThat(created.plan()).isEqualTo(Plan.FREE);
        assertThat(created.role()).isEqualTo(Role.USER);

        clock.advance(Duration.ofSeconds(5));
        User updated = users.update(admin, created.id(), new UserChanges(Plan.PRO, Role.ADMIN, true));

        assertThat(updated.plan()).isEqualTo(Plan.PRO);
        assertThat(updated.role()).isEqualTo(Role.ADMIN);
        assertThat(updated.disabled()).isTrue();
        assertThat(updated.updatedAt()).isAfter(created.updatedAt());
        assertThat(users.get(admin, created.id())).isEqualTo(updated);

        List<AuditEntry> entries = auditOf(created.id());
        assertThat(entries).extracting(AuditEntry::action)
                .containsExactlyInAnyOrder("user.create", "user.plan", "user.role", "user.disabled");
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.actorUserId()).isEqualTo(admin.userId());
            assertThat(entry.objectId()).isEqualTo(created.id().toString());
            assertThat(entry.after()).contains("dennis@example.com").doesNotContain("argon2", "password");
        });
        AuditEntry plan = entries.stream().filter(e -> e.action().equals("user.plan")).findFirst().orElseThrow();
        assertThat(Json.read(plan.before(), User.class)).isEqualTo(created);
        assertThat(Json.read(plan.after(), User.class).plan()).isEqualTo(Plan.PRO);
        assertThat(Json.read(plan.after(), User.class).role()).isEqualTo(Role.USER);
        AuditEntry disabled = entries.stream().filter(e -> e.action().equals("user.disabled")).findFirst().orElseThrow();
        assertThat(Json.read(disabled.after(), User.class)).isEqualTo(updated);
    }

    @Test
    void recordsNothingWhenAnUpdateChangesNothing() {
        User user = users.create(admin, new NewUser("john@example.com", PASSWORD, "John", Plan.PRO, null));

        User same = users.update(admin, user.id(), new UserChanges(Plan.PRO, null, false));

        assertThat(same).isEqualTo(user);
        assertThat(auditOf(user.id())).extracting(AuditEntry::action).containsExactly("user.create");
    }

    @Test
    void adminCannotDemoteOrDisableThemselves() {
        DomainException e = catchThrowableOfType(DomainException.class,
                () -> users.update(admin, admin.userId(), new UserChanges(null, Role.USER, true)));

        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(e.violations()).extracting(Violation::field).containsExactlyInAnyOrder("role", "disabled");
        assertThat(users.find(admin.userId()).orElseThrow().role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void formerAdminWithAStaleSessionCanNoLongerChangeUsers() {
        User second = users.create(admin, new NewUser("margaret@example.com", PASSWORD, "Margaret", null, Role.ADMIN));
        Actor staleSecond = Actor.console(second);
        users.update(admin, second.id(), new UserChanges(null, Role.USER, null));

        assertThatThrownBy(() -> users.update(staleSecond, admin.userId(), new UserChanges(null, Role.USER, null)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
        assertThat(users.find(admin.userId()).orElseThrow().role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void onlyAdminsAdministerUsers() {
        User user = users.signUp(new SignUp("bjarne@example.com", PASSWORD, "Bjarne"));
        Actor actor = Actor.console(user);

        assertThatThrownBy(() -> users.list(actor, null, PageRequest.firstPage()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
        assertThatThrownBy(() -> users.get(actor, user.id())).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> users.update(actor, user.id(), new UserChanges(Plan.PRO, null, null)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
        assertThat(users.find(user.id()).orElseThrow().plan()).isEqualTo(Plan.FREE);
    }

    @Test
    void getAnswersNotFoundForAnUnknownUser() {
        assertThatThrownBy(() -> users.get(admin, UUID.randomUUID()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void listsMatchingUsersNewestFirstPageByPage() {
        User first = users.create(admin, new NewUser("x1@example.com", PASSWORD, "Zebra One", null, null));
        clock.advance(Duration.ofSeconds(1));
        User second = users.create(admin, new NewUser("zebra.two@example.com", PASSWORD, "Two", null, null));
        clock.advance(Duration.ofSeconds(1));
        User third = users.create(admin, new NewUser("x3@example.com", PASSWORD, "ZEBRA three", null, null));

        Page<User> page1 = users.list(admin, " zebra ", PageRequest.first(2));
        Page<User> page2 = users.list(admin, "zebra", new PageRequest(2, page1.nextCursor()));

        assertThat(page1.items()).containsExactly(third, second);
        assertThat(page1.nextCursor()).isNotNull();
        assertThat(page2.items()).containsExactly(first);
        assertThat(page2.nextCursor()).isNull();
        assertThat(users.list(admin, null, PageRequest.first(100)).items()).contains(first, second, third);
    }

    @Test
    void createsTheInitialAdminOnceWithAGeneratedPasswordShownOnlyThen() {
        try (Database empty = TestDatabase.fresh()) {
            UserService service = new AccountsFixture(empty, clock).users;

            String generated = service.ensureInitialAdmin(null, null).orElseThrow();

            assertThat(generated).hasSizeGreaterThanOrEqualTo(20);
            User created = service.authenticate("admin@localhost", generated, "127.0.0.1");
            assertThat(created.role()).isEqualTo(Role.ADMIN);
            assertThat(service.firstAdmin()).contains(created);
            assertThat(service.ensureInitialAdmin(null, null)).isEmpty();
            assertThat(service.ensureInitialAdmin("other@example.com", "other admin password")).isEmpty();
            assertThat(service.list(Actor.console(created), null, PageRequest.firstPage()).items())
                    .containsExactly(created);
        }
    }

    @Test
    void createsTheInitialAdminFromTheGivenEmailAndPasswordWithoutReturningIt() {
        try (Database empty = TestDatabase.fresh()) {
            UserService service = new AccountsFixture(empty, clock).users;

            assertThat(service.ensureInitialAdmin("ops@example.com", "operator password 1")).isEmpty();

            assertThat(service.authenticate("ops@example.com", "operator password 1", "127.0.0.1").role())
                    .isEqualTo(Role.ADMIN);
        }
    }

    private static List<AuditEntry> auditOf(UUID userId) {
        return fixture.allAuditEntries(admin).stream()
                .filter(entry -> entry.ownerId().equals(userId))
                .toList();
    }
}
