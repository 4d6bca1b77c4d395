package io.promptmanager.core.support;

import io.promptmanager.core.audit.AuditEntry;
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
import io.promptmanager.core.user.UserChanges;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SupportServiceIT {
    private static final String PASSWORD = "a long enough password";
    // A Monday: PRO is due by the end of Tuesday, FREE by the end of Thursday.
    private static final MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");
    private static Database database;
    private static AccountsFixture accounts;
    private static SupportService support;
    private static Actor admin;

    @BeforeAll
    static void startDatabase() {
        database = TestDatabase.fresh();
        accounts = new AccountsFixture(database, clock);
        support = new SupportService(accounts.transactions, new SupportRepository(), accounts.audit, accounts.plans,
                clock);
        accounts.users.ensureInitialAdmin("root@example.com", "admin-password-0001");
        admin = Actor.console(accounts.users.firstAdmin().orElseThrow());
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
    }

    @Test
    void proUserOpensAPriorityRequestDueByTheEndOfTheNextBusinessDay() {
        // given
        Actor ada = user(Plan.PRO);

        // when
        SupportThread thread = support.open(ada, new NewSupportRequest("  Runs fail  ", " Every run says 502. "));

        // then
        SupportRequest request = thread.request();
        assertThat(request.subject()).isEqualTo("Runs fail");
        assertThat(request.status()).isEqualTo(SupportStatus.OPEN);
        assertThat(request.priority()).isTrue();
        assertThat(request.respondBy()).isEqualTo(Instant.parse("2026-03-04T00:00:00Z"));
        assertThat(thread.messages()).singleElement().satisfies(message -> {
            assertThat(message.body()).isEqualTo("Every run says 502.");
            assertThat(message.fromStaff()).isFalse();
            assertThat(message.authorId()).isEqualTo(ada.userId());
        });
    }

    @Test
    void freeUserOpensAStandardRequestDueWithinThreeBusinessDays() {
        // when
        SupportRequest request = support.open(user(Plan.FREE), new NewSupportRequest("Question", "How do I?"))
                .request();

        // then
        assertThat(request.priority()).isFalse();
        assertThat(request.respondBy()).isEqualTo(Instant.parse("2026-03-06T00:00:00Z"));
    }

    @Test
    void refusesABlankOrTooLongSubjectOrMessageAndStoresNothing() {
        // given
        Actor grace = user(Plan.FREE);

        // when
        DomainException blank = catchThrowableOfType(DomainException.class,
                () -> support.open(grace, new NewSupportRequest(" ", null)));
        DomainException tooLong = catchThrowableOfType(DomainException.class,
                () -> support.open(grace, new NewSupportRequest("s".repeat(201), "m".repeat(10_001))));

        // then
        assertThat(blank.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(blank.violations()).extracting(Violation::field).containsExactly("subject", "message");
        assertThat(tooLong.violations()).extracting(Violation::field).containsExactly("subject", "message");
        assertThat(support.mine(grace)).isEmpty();
        assertThat(support.open(grace, new NewSupportRequest("s".repeat(200), "m".repeat(10_000))).request().subject())
                .hasSize(200);
    }

    @Test
    void onlyTheOwnerSeesRepliesToOrClosesTheirRequest() {
        // given
        Actor owner = user(Plan.PRO);
        Actor other = user(Plan.PRO);
        UUID id = support.open(owner, new NewSupportRequest("Mine", "Private details")).request().id();

        // then
        assertThat(support.mine(other)).isEmpty();
        for (Runnable attempt : List.<Runnable>of(() -> support.get(other, id), () -> support.reply(other, id, "hi"),
                () -> support.close(other, id), () -> support.get(admin, id))) {
            DomainException e = catchThrowableOfType(DomainException.class, attempt::run);
            assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
        }
        assertThat(support.get(owner, id).messages()).extracting(SupportMessage::body).containsExactly("Private details");
    }

    @Test
    void theTeamAnswersThenTheOwnersReplyPutsItBackInTheQueueWithANewPromise() {
        // given
        Actor owner = user(Plan.FREE);
        UUID id = support.open(owner, new NewSupportRequest("Quota", "Can I run more?")).request().id();

        // when
        SupportThread answered = support.staffReply(admin, id, "Upgrade to PRO.");

        // then
        assertThat(answered.request().status()).isEqualTo(SupportStatus.ANSWERED);
        assertThat(answered.request().respondBy()).isNull();
        assertThat(answered.messages().getLast().fromStaff()).isTrue();
        assertThat(answered.messages().getLast().authorName()).isEqualTo("Administrator");

        // when the owner has upgraded meanwhile and writes back on Friday
        clock.set(Instant.parse("2026-03-06T15:00:00Z"));
        try {
            accounts.users.update(admin, owner.userId(), new UserChanges(Plan.PRO, null, null));
            Actor upgraded = Actor.console(accounts.users.find(owner.userId()).orElseThrow());
            SupportThread replied = support.reply(upgraded, id, "Done, thanks. One more question.");

            // then
            assertThat(replied.request().status()).isEqualTo(SupportStatus.OPEN);
            assertThat(replied.request().priority()).isTrue();
            assertThat(replied.request().waitingSince()).isEqualTo(Instant.parse("2026-03-06T15:00:00Z"));
            assertThat(replied.request().respondBy()).isEqualTo(Instant.parse("2026-03-10T00:00:00Z"));
            assertThat(replied.messages()).extracting(SupportMessage::body)
                    .containsExactly("Can I run more?", "Upgrade to PRO.", "Done, thanks. One more question.");
        } finally {
            clock.set(Instant.parse("2026-03-02T10:00:00Z"));
        }
    }

    @Test
    void aSecondMessageWhileWaitingKeepsTheRequestsPlaceInTheQueue() {
        // given
        Actor owner = user(Plan.PRO);
        SupportRequest opened = support.open(owner, new NewSupportRequest("Slow", "Runs are slow")).request();
        clock.advance(Duration.ofHours(3));
        try {
            // when
            SupportRequest after = support.reply(owner, opened.id(), "Still slow").request();

            // then
            assertThat(after.waitingSince()).isEqualTo(opened.waitingSince());
            assertThat(after.respondBy()).isEqualTo(opened.respondBy());
        } finally {
            clock.set(Instant.parse("2026-03-02T10:00:00Z"));
        }
    }

    @Test
    void aClosedRequestTakesNoMoreMessages() {
        // given
        Actor owner = user(Plan.PRO);
        UUID id = support.open(owner, new NewSupportRequest("Done", "Never mind")).request().id();

        // when
        SupportRequest closed = support.close(owner, id).request();

        // then
        assertThat(closed.status()).isEqualTo(SupportStatus.CLOSED);
        assertThat(closed.respondBy()).isNull();
        assertThat(catchThrowableOfType(DomainException.class, () -> support.reply(owner, id, "again")).code())
                .isEqualTo(ErrorCode.CONFLICT);
        assertThat(catchThrowableOfType(DomainException.class, () -> support.staffReply(admin, id, "late")).code())
                .isEqualTo(ErrorCode.CONFLICT);
        assertThat(support.staffClose(admin, id).messages()).hasSize(1);
    }

    @Test
    void theQueueListsPriorityRequestsFirstThenTheLongestWaiting() {
        // given: a fresh database so that no other test's request is in the queue
        try (Database own = TestDatabase.fresh()) {
            AccountsFixture fixture = new AccountsFixture(own, clock);
            SupportService queueSupport = new SupportService(fixture.transactions, new SupportRepository(),
                    fixture.audit, fixture.plans, clock);
            fixture.users.ensureInitialAdmin("root@example.com", "admin-password-0001");
            Actor staff = Actor.console(fixture.users.firstAdmin().orElseThrow());
            Actor free = Actor.console(fixture.users.create(staff, new NewUser("f@example.com", PASSWORD, "F", Plan.FREE, null)));
            Actor pro = Actor.console(fixture.users.create(staff, new NewUser("p@example.com", PASSWORD, "P", Plan.PRO, null)));
            UUID oldFree = queueSupport.open(free, new NewSupportRequest("old free", "1")).request().id();
            clock.advance(Duration.ofMinutes(1));
            UUID oldPro = queueSupport.open(pro, new NewSupportRequest("old pro", "2")).request().id();
            clock.advance(Duration.ofMinutes(1));
            UUID newFree = queueSupport.open(free, new NewSupportRequest("new free", "3")).request().id();
            clock.advance(Duration.ofMinutes(1));
            UUID newPro = queueSupport.open(pro, new NewSupportRequest("new pro", "4")).request().id();
            UUID answered = queueSupport.open(pro, new NewSupportRequest("answered", "5")).request().id();
            queueSupport.staffReply(staff, answered, "done");

            // when
            List<SupportRequest> open = queueSupport.queue(staff, SupportStatus.OPEN, 0, 10);

            // then
            assertThat(open).extracting(SupportRequest::id).containsExactly(oldPro, newPro, oldFree, newFree);
            assertThat(open.getFirst().requesterEmail()).isEqualTo("p@example.com");
            assertThat(queueSupport.queueSize(staff, SupportStatus.OPEN)).isEqualTo(4);
            assertThat(queueSupport.queue(staff, null, 0, 10)).hasSize(5);
            assertThat(queueSupport.queue(staff, SupportStatus.OPEN, 1, 2)).extracting(SupportRequest::id)
                    .containsExactly(newPro, oldFree);
            assertThat(queueSupport.queue(staff, SupportStatus.ANSWERED, 0, 10)).extracting(SupportRequest::id)
                    .containsExactly(answered);
            assertThat(catchThrowableOfType(DomainException.class, () -> queueSupport.queue(pro, null, 0, 10)).code())
                    .isEqualTo(ErrorCode.FORBIDDEN);
        } finally {
            clock.set(Instant.parse("2026-03-02T10:00:00Z"));
        }
    }

    @Test
    void everyChangeIsAuditedWithTheRequestsStateButNotTheMessages() {
        // given
        Actor owner = user(Plan.PRO);
        UUID id;
        try {
            id = support.open(owner, new NewSupportRequest("Audit me", "secret-looking text 1234")).request().id();
            clock.advance(Duration.ofMinutes(1));
            support.staffReply(admin, id, "answer text");
            clock.advance(Duration.ofMinutes(1));
            support.reply(owner, id, "reply text");
            clock.advance(Duration.ofMinutes(1));
            support.staffClose(admin, id);
        } finally {
            clock.set(Instant.parse("2026-03-02T10:00:00Z"));
        }

        // when
        List<AuditEntry> entries = accounts.allAuditEntries(admin).stream()
                .filter(entry -> entry.objectId().equals(id.toString())).toList().reversed();

        // then
        assertThat(entries).extracting(AuditEntry::action)
                .containsExactly("support.open", "support.answer", "support.reply", "support.close");
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.ownerId()).isEqualTo(owner.userId());
            assertThat(entry.objectType()).isEqualTo("support_request");
            assertThat(String.valueOf(entry.before()) + entry.after())
                    .doesNotContain("secret-looking", "answer text", "reply text");
        });
        assertThat(entries.get(1).actorUserId()).isEqualTo(admin.userId());
        assertThat(entries.getLast().after()).containsPattern("\"status\":\\s*\"CLOSED\"");
    }

    private static Actor user(Plan plan) {
        String email = UUID.randomUUID() + "@example.com";
        return Actor.console(accounts.users.create(admin, new NewUser(email, PASSWORD, "User", plan, null)));
    }
}
