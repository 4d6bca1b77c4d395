package io.promptmanager.server.prompt;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.promptmanager.core.prompt.PromptVersion;
import io.promptmanager.core.prompt.VersionService;
import io.promptmanager.server.http.ApiJson;
import io.promptmanager.server.http.Auth;
import io.promptmanager.server.http.ItemsResponse;
import io.promptmanager.server.http.Params;
import io.promptmanager.server.http.Responses;

/**
 * {@code /api/v1/prompts/{name}/versions}: drafts, explicit state changes (promote, archive),
 * diff and render. Editing a non-draft makes a new draft: that answer is 201 with its Location.
 */
public final class VersionHttpService implements HttpService {
    private final VersionService versions;

    public VersionHttpService(VersionService versions) {
        this.versions = versions;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/{name}/versions", this::list)
                .post("/{name}/versions", this::create)
                .get("/{name}/versions/{number}", this::get)
                .put("/{name}/versions/{number}", this::update)
                .post("/{name}/versions/{number}/promote", this::promote)
                .post("/{name}/versions/{number}/archive", this::archive)
                .post("/{name}/versions/{number}/render", this::render)
                .get("/{name}/diff", this::diff);
    }

    private void list(ServerRequest request, ServerResponse response) {
        var list = versions.list(Auth.actor(request), Params.path(request, "name"));
        Responses.ok(response, ItemsResponse.of(list, VersionDto::from));
    }

    private void create(ServerRequest request, ServerResponse response) {
        var actor = Auth.actor(request);
        var input = ApiJson.read(request, VersionRequest.class).toInput();
        created(response, versions.create(actor, Params.path(request, "name"), input));
    }

    private void get(ServerRequest request, ServerResponse response) {
        var version = versions.get(Auth.actor(request), Params.path(request, "name"), Params.number(request, "number"));
        Responses.ok(response, VersionDto.from(version));
    }

    private void update(ServerRequest request, ServerResponse response) {
        var actor = Auth.actor(request);
        int number = Params.number(request, "number");
        var input = ApiJson.read(request, VersionRequest.class).toInput();
        var version = versions.update(actor, Params.path(request, "name"), number, input);
        if (version.number() == number) {
            Responses.ok(response, VersionDto.from(version));
        } else {
            created(response, version);
        }
    }

    private void promote(ServerRequest request, ServerResponse response) {
        var version = versions.promote(Auth.actor(request), Params.path(request, "name"),
                Params.number(request, "number"));
        Responses.ok(response, VersionDto.from(version));
    }

    private void archive(ServerRequest request, ServerResponse response) {
        var version = versions.archive(Auth.actor(request), Params.path(request, "name"),
                Params.number(request, "number"));
        Responses.ok(response, VersionDto.from(version));
    }

    private void render(ServerRequest request, ServerResponse response) {
        var actor = Auth.actor(request);
        int number = Params.number(request, "number");
        var variables = ApiJson.readOptional(request, RenderRequest.class).orElse(RenderRequest.NONE).values();
        var rendered = versions.render(actor, Params.path(request, "name"), number, variables);
        Responses.ok(response, RenderedPromptDto.from(rendered));
    }

    private void diff(ServerRequest request, ServerResponse response) {
        var actor = Auth.actor(request);
        int from = Params.requiredQueryNumber(request, "from");
        int to = Params.requiredQueryNumber(request, "to");
        Responses.ok(response, VersionDiffDto.from(versions.diff(actor, Params.path(request, "name"), from, to)));
    }

    private static void created(ServerResponse response, PromptVersion version) {
        String location = PromptHttpService.BASE + version.promptName() + "/versions/" + version.number();
        Responses.created(response, location, VersionDto.from(version));
    }
}
