package io.promptmanager.server.account;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.UserService;
import io.promptmanager.server.http.Auth;
import io.promptmanager.server.http.Responses;

/** {@code /api/v1/me}: who am I, what may I do, how much have I used today. */
public final class MeHttpService implements HttpService {
    private final UserService users;

    public MeHttpService(UserService users) {
        this.users = users;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::get);
    }

    private void get(ServerRequest request, ServerResponse response) {
        Actor actor = Auth.actor(request);
        Responses.ok(response, MeResponse.from(users.overview(actor), actor));
    }
}
