package io.promptmanager.core.user;

import io.promptmanager.core.apikey.Scope;
import io.promptmanager.core.common.Channel;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.plan.Plan;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Who is acting, passed to every service call: a signed-in console user (all scopes) or an API
 * key (its own scopes). Services check ownership and scopes against it.
 *
 * @param apiKeyId the key used, or null in the console
 */
public record Actor(UUID userId, Role role, Plan plan, Channel channel, UUID apiKeyId, Set<Scope> scopes) {
    public Actor {
        // an EnumSet answers contains() with a bit test; every request checks a scope or two
        scopes = scopes.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(scopes));
    }

    public static Actor console(User user) {
        return new Actor(user.id(), user.role(), user.plan(), Channel.CONSOLE, null, EnumSet.allOf(Scope.class));
    }

    public static Actor apiKey(User user, UUID apiKeyId, Set<Scope> scopes) {
        return new Actor(user.id(), user.role(), user.plan(), Channel.API, apiKeyId, scopes);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Fails with SCOPE_REQUIRED unless this actor holds {@code scope}. */
    public void requireScope(Scope scope) {
        if (!scopes.contains(scope)) {
            throw new DomainException(ErrorCode.SCOPE_REQUIRED, "This API key lacks the scope " + scope.wireName());
        }
    }

    /** Fails with FORBIDDEN unless this actor is an administrator. */
    public void requireAdmin() {
        if (!isAdmin()) {
            throw new DomainException(ErrorCode.FORBIDDEN, "Administrators only");
        }
    }
}
