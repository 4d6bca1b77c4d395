package io.promptmanager.core.billing;

import io.promptmanager.core.CoreServices;
import io.promptmanager.core.audit.AuditEntry;
import io.promptmanager.core.common.PageRequest;
import io.promptmanager.core.plan.Plan;
import io.promptmanager.core.testing.FakeModelProvider;
import io.promptmanager.core.testing.MutableClock;
import io.promptmanager.core.testing.ScriptedBillingProvider;
import io.promptmanager.core.testing.TestKeyStorage;
import io.promptmanager.core.testing.TestPlatform;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.NewUser;
import io.promptmanager.core.user.Role;
import io.promptmanager.core.user.User;
import io.promptmanager.plugin.billing.BillingEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A platform with a scripted billing provider and a hand-moved clock, and shortcuts to drive it. */
final class BillingFixture implements AutoCloseable {
    static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    final MutableClock clock = new MutableClock(START);
    final ScriptedBillingProvider provider = new ScriptedBillingProvider(clock);
    final TestPlatform platform;
    final CoreServices core;
    private final Actor admin;

    BillingFixture() {
        this(BillingSettings.defaults());
    }

    BillingFixture(BillingSettings billing) {
        this.platform = TestPlatform.start(TestPlatform.settings(clock).withBilling(billing),
                List.of(new FakeModelProvider()), List.of(new TestKeyStorage(1)), List.of(provider));
        this.core = platform.services();
        String email = "admin-" + UUID.randomUUID() + "@example.test";
        core.userService().ensureInitialAdmin(email, "admin-password-0001");
        this.admin = Actor.console(core.userService().authenticate(email, "admin-password-0001", "127.0.0.1"));
    }

    User newUser(Plan plan) {
        return core.userService().create(admin, new NewUser("user-" + UUID.randomUUID() + "@example.test",
                "correct-horse-battery", "Billing user", plan, Role.USER));
    }

    /** The user as the console sees them now (their current plan). */
    Actor actor(User user) {
        return Actor.console(core.userService().find(user.id()).orElseThrow());
    }

    Plan plan(User user) {
        return core.userService().find(user.id()).orElseThrow().plan();
    }

    BillingWebhooks.Receipt deliver(BillingEvent... events) {
        return core.billingWebhooks().receive(provider.id(), provider.webhook(events));
    }

    void advance(Duration duration) {
        clock.advance(duration);
    }

    Instant now() {
        return clock.instant();
    }

    /** The actions audited on the user's objects, oldest first. */
    List<String> auditActions(User user) {
        return audit(user).stream().map(AuditEntry::action).toList().reversed();
    }

    List<AuditEntry> audit(User user) {
        return core.auditLog().own(Actor.console(user), new PageRequest(PageRequest.MAX_LIMIT, null)).items();
    }

    long count(String sql, Object... parameters) {
        return core.database().dbClient().execute().get(sql, parameters).orElseThrow().column(1).get(Long.class);
    }

    @Override
    public void close() {
        platform.close();
    }
}
