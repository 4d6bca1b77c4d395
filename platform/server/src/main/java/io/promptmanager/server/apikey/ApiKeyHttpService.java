package io.promptmanager.server.apikey;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.promptmanager.core.apikey.ApiKeyService;
import io.promptmanager.server.http.ApiJson;
import io.promptmanager.server.http.Auth;
import io.promptmanager.server.http.ItemsResponse;
import io.promptmanager.server.http.Params;
import io.promptmanager.server.http.Responses;

/** {@code /api/v1/api-keys}: the caller's own keys; the secret is shown once, at creation. */
public final class ApiKeyHttpService implements HttpService {
    private final ApiKeyService apiKeys;

    public ApiKeyHttpService(ApiKeyService apiKeys) {
        this.apiKeys = apiKeys;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
                .post("/", this::create)
                .delete("/{id}", this::revoke);
    }

    private void list(ServerRequest request, ServerResponse response) {
        Responses.ok(response, ItemsResponse.of(apiKeys.list(Auth.actor(request)), ApiKeyDto::from));
    }

    private void create(ServerRequest request, ServerResponse response) {
        var actor = Auth.actor(request);
        var created = apiKeys.create(actor, ApiJson.read(request, ApiKeyRequest.class).toNewApiKey());
        Responses.createdSecret(response, CreatedApiKeyDto.from(created));
    }

    private void revoke(ServerRequest request, ServerResponse response) {
        apiKeys.revoke(Auth.actor(request), Params.uuid(request, "id"));
        Responses.noContent(response);
    }
}
