package io.promptmanager.core.prompt;

import io.helidon.dbclient.DbClient;
import io.promptmanager.core.apikey.Scope;
import io.promptmanager.core.common.Channel;
import io.promptmanager.core.plan.Plan;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.Role;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** Users rows written with plain SQL, so prompt tests do not depend on the user service. */
final class TestUsers {
    private TestUsers() {
    }

    /** A new PRO user acting from the console (every scope). */
    static Actor newUser(DbClient db) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        db.execute().insert("""
                INSERT INTO users (id, email, display_name, password_hash, role, plan, created_at, updated_at)
                VALUES (?::uuid, ?, ?, 'not-a-real-hash', 'USER', 'PRO', ?, ?)
                """, id, id + "@example.test", "User " + id, now, now);
        return new Actor(id, Role.USER, Plan.PRO, Channel.CONSOLE, null, EnumSet.allOf(Scope.class));
    }

    /** The same user through an API key holding only {@code scopes}. */
    static Actor withScopes(Actor actor, Scope... scopes) {
        return new Actor(actor.userId(), actor.role(), actor.plan(), Channel.API, UUID.randomUUID(),
                scopes.length == 0 ? Set.of() : EnumSet.of(scopes[0], scopes));
    }
}
