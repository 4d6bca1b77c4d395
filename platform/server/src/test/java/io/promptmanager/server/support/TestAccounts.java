package io.promptmanager.server.support;

import io.promptmanager.core.CoreServices;
import io.promptmanager.core.apikey.NewApiKey;
import io.promptmanager.core.apikey.Scope;
import io.promptmanager.core.plan.Plan;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.NewUser;
import io.promptmanager.core.user.Role;
import io.promptmanager.core.user.User;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates users and keys straight through core, so API tests start from known accounts. */
public final class TestAccounts {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String PASSWORD = "correct-horse-battery-staple";

    private final CoreServices core;
    private final Actor admin;
    private final User adminUser;

    public TestAccounts(CoreServices core) {
        this.core = core;
        String email = "admin-" + UUID.randomUUID() + "@example.test";
        core.userService().ensureInitialAdmin(email, PASSWORD);
        this.adminUser = core.userService().authenticate(email, PASSWORD, "127.0.0.1");
        this.admin = Actor.console(adminUser);
    }

    public Actor adminActor() {
        return admin;
    }

    public Account pro() {
        return keyFor(user(Plan.PRO, Role.USER), null, Set.of());
    }

    public Account free() {
        return keyFor(user(Plan.FREE, Role.USER), null, Set.of());
    }

    /** The first-start administrator, with a new key. */
    public Account admin() {
        return keyFor(adminUser, null, Set.of());
    }

    public User user(Plan plan, Role role) {
        String email = "user-" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID() + "@example.test";
        return core.userService().create(admin, new NewUser(email, PASSWORD, "Test user", plan, role));
    }

    public Account keyFor(User user, Instant expiresAt, Set<Scope> scopes) {
        var created = core.apiKeyService().issueFor(admin, user.id(),
                new NewApiKey("test key " + SEQUENCE.incrementAndGet(), expiresAt, scopes));
        return new Account(user, created.secret(), created.apiKey().id());
    }
}
