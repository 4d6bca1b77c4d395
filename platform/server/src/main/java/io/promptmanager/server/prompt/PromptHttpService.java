package io.promptmanager.server.prompt;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.promptmanager.core.prompt.PromptFilter;
import io.promptmanager.core.prompt.PromptService;
import io.promptmanager.core.prompt.VersionStatus;
import io.promptmanager.server.http.ApiJson;
import io.promptmanager.server.http.Auth;
import io.promptmanager.server.http.PageResponse;
import io.promptmanager.server.http.Params;
import io.promptmanager.server.http.Responses;

/** {@code /api/v1/prompts}: the caller's prompt catalogue, addressed by prompt name. */
public final class PromptHttpService implements HttpService {
    static final String BASE = "/api/v1/prompts/";

    private final PromptService prompts;

    public PromptHttpService(PromptService prompts) {
        this.prompts = prompts;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
                .post("/", this::create)
                .get("/{name}", this::get)
                .put("/{name}", this::update)
                .delete("/{name}", this::delete);
    }

    private void list(ServerRequest request, ServerResponse response) {
        var filter = new PromptFilter(Params.query(request, "category").orElse(null),
                Params.queryEnum(request, "status", VersionStatus.class),
                Params.query(request, "tag").orElse(null),
                Params.query(request, "q").orElse(null));
        var page = prompts.list(Auth.actor(request), filter, Params.page(request));
        Responses.ok(response, PageResponse.of(page, PromptDto::from));
    }

    private void create(ServerRequest request, ServerResponse response) {
        var actor = Auth.actor(request);
        var prompt = prompts.create(actor, ApiJson.read(request, PromptRequest.class).toInput(null));
        Responses.created(response, BASE + prompt.name(), PromptDto.from(prompt));
    }

    private void get(ServerRequest request, ServerResponse response) {
        Responses.ok(response, PromptDto.from(prompts.get(Auth.actor(request), Params.path(request, "name"))));
    }

    private void update(ServerRequest request, ServerResponse response) {
        var actor = Auth.actor(request);
        String name = Params.path(request, "name");
        var prompt = prompts.update(actor, name, ApiJson.read(request, PromptRequest.class).toInput(name));
        Responses.ok(response, PromptDto.from(prompt));
    }

    private void delete(ServerRequest request, ServerResponse response) {
        prompts.delete(Auth.actor(request), Params.path(request, "name"));
        Responses.noContent(response);
    }
}
