package io.promptmanager.server.model;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.promptmanager.core.model.ModelService;
import io.promptmanager.server.http.Auth;
import io.promptmanager.server.http.ItemsResponse;
import io.promptmanager.server.http.Params;
import io.promptmanager.server.http.Responses;

/**
 * {@code /api/v1/models}: every installed provider's models with prices and whether the caller's
 * plan allows each; {@code ?provider=} keeps one provider's.
 */
public final class ModelHttpService implements HttpService {
    private final ModelService models;

    public ModelHttpService(ModelService models) {
        this.models = models;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list);
    }

    private void list(ServerRequest request, ServerResponse response) {
        var provider = Params.query(request, "provider").orElse(null);
        Responses.ok(response, ItemsResponse.of(models.list(Auth.actor(request), provider), ModelDto::from));
    }
}
