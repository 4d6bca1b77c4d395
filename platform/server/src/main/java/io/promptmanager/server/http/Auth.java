package io.promptmanager.server.http;

import io.helidon.webserver.http.ServerRequest;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.user.Actor;

/** The caller that {@link ApiKeyFilter} authenticated for this request. */
public final class Auth {
    private Auth() {
    }

    public static Actor actor(ServerRequest request) {
        return request.context().get(Actor.class).orElseThrow(
                () -> new DomainException(ErrorCode.UNAUTHENTICATED, "Authentication required"));
    }

    /** The caller, who must be an administrator (403 FORBIDDEN otherwise, before anything is parsed). */
    public static Actor admin(ServerRequest request) {
        Actor actor = actor(request);
        actor.requireAdmin();
        return actor;
    }
}
