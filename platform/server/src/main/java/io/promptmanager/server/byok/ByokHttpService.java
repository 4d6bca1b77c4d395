package io.promptmanager.server.byok;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.promptmanager.core.byok.ByokService;
import io.promptmanager.server.http.ApiJson;
import io.promptmanager.server.http.Auth;
import io.promptmanager.server.http.Responses;

/** {@code /api/v1/byok}: the caller's own OpenRouter key, never shown back beyond its last 4 characters. */
public final class ByokHttpService implements HttpService {
    private final ByokService byok;

    public ByokHttpService(ByokService byok) {
        this.byok = byok;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::get)
                .put("/", this::put)
                .post("/test", this::test)
                .delete("/", this::delete);
    }

    private void get(ServerRequest request, ServerResponse response) {
        Responses.ok(response, ByokStatusDto.from(byok.get(Auth.actor(request))));
    }

    private void put(ServerRequest request, ServerResponse response) {
        var actor = Auth.actor(request);
        String key = ApiJson.read(request, ByokKeyRequest.class).key();
        Responses.ok(response, ByokStatusDto.from(byok.put(actor, key)));
    }

    private void test(ServerRequest request, ServerResponse response) {
        var actor = Auth.actor(request);
        String key = ApiJson.readOptional(request, ByokKeyRequest.class).map(ByokKeyRequest::key).orElse(null);
        Responses.ok(response, ByokKeyCheckDto.from(byok.test(actor, key)));
    }

    private void delete(ServerRequest request, ServerResponse response) {
        byok.delete(Auth.actor(request));
        Responses.noContent(response);
    }
}
