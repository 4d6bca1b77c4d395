package io.promptmanager.core.audit;

import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.common.Page;
import io.promptmanager.core.common.PageRequest;
import io.promptmanager.core.db.Database;
import io.promptmanager.core.plan.Plan;
import io.promptmanager.core.testing.AccountsFixture;
import io.promptmanager.core.testing.MutableClock;
import io.promptmanager.core.testing.TestDatabase;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.NewUser;
import io.promptmanager.core.user.User;
import io.promptmanager.core.user.UserChanges;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Administrators filter the audit log by action, user and time. */
class AuditSearchIT {
    private static final String PASSWORD = "a long enough password";
    private static final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
    private static Database database;
    private static AccountsFixture accounts;
    private static Actor admin;
    private static User ada;
    private static User bob;

    @BeforeAll
    static void recordChanges() {
        database = TestDatabase.fresh();
        accounts = new AccountsFixture(database, clock);
        accounts.users.ensureInitialAdmin("root@example.com", "admin-password-0001");
        admin = Actor.console(accounts.users.firstAdmin().orElseThrow());
        clock.advance(Duration.ofHours(1));
        ada = accounts.users.create(admin, new NewUser("ada@example.com", PASSWORD, "Ada", Plan.FREE, null));
        clock.advance(Duration.ofHours(1));
        bob = accounts.users.create(admin, new NewUser("bob@example.com", PASSWORD, "Bob", Plan.FREE, null));
        clock.advance(Duration.ofHours(1));
        accounts.users.update(admin, ada.id(), new UserChanges(Plan.PRO, null, null));
        clock.advance(Duration.ofHours(1));
        accounts.users.changePassword(Actor.console(bob), PASSWORD, "another long password");
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
    }

    @Test
    void filtersByActionPrefixNewestFirst() {
        assertThat(actions(new AuditFilter("user.", null, null, null)))
                .containsExactly("user.password", "user.plan", "user.create", "user.create", "user.create");
        assertThat(actions(new AuditFilter("user.plan", null, null, null))).containsExactly("user.plan");
        assertThat(actions(new AuditFilter("user.%", null, null, null))).isEmpty();
    }

    @Test
    void filtersByTheUserWhoseObjectChangedOrWhoActed() {
        assertThat(actions(new AuditFilter(null, ada.id(), null, null))).containsExactly("user.plan", "user.create");
        assertThat(actions(new AuditFilter(null, admin.userId(), null, null)))
                .containsExactly("user.plan", "user.create", "user.create", "user.create");
    }

    @Test
    void filtersByTimeWithTheEndExcluded() {
        Instant adaCreated = Instant.parse("2026-03-01T11:00:00Z");
        assertThat(actions(new AuditFilter(null, null, adaCreated, adaCreated.plus(Duration.ofHours(2)))))
                .containsExactly("user.create", "user.create");
    }

    @Test
    void pagesThroughTheMatchesAndIsForAdministratorsOnly() {
        Page<AuditEntry> first = accounts.audit.search(admin, AuditFilter.none(), new PageRequest(2, null));
        Page<AuditEntry> second = accounts.audit.search(admin, AuditFilter.none(), new PageRequest(2, first.nextCursor()));

        assertThat(first.items()).extracting(AuditEntry::action).containsExactly("user.password", "user.plan");
        assertThat(second.items()).extracting(AuditEntry::action).containsExactly("user.create", "user.create");
        assertThat(catchThrowableOfType(DomainException.class,
                () -> accounts.audit.search(Actor.console(bob), AuditFilter.none(), PageRequest.firstPage())).code())
                .isEqualTo(ErrorCode.FORBIDDEN);
    }

    private static List<String> actions(AuditFilter filter) {
        return accounts.audit.search(admin, filter, PageRequest.first(100)).items().stream()
                .map(AuditEntry::action).toList();
    }
}
