package io.promptmanager.server.prompt;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.promptmanager.core.prompt.VersionService;
import io.promptmanager.server.http.ApiJson;
import io.promptmanager.server.http.Auth;
import io.promptmanager.server.http.EntityTags;
import io.promptmanager.server.http.Params;
import io.promptmanager.server.http.Responses;

/**
 * The endpoints clients poll: the PRODUCTION version of a prompt (from core's cache, with a strong
 * ETag; a matching If-None-Match is a bodiless 304) and rendering it.
 */
public final class ProductionHttpService implements HttpService {
    private static final Header REVALIDATE = HeaderValues.createCached(HeaderNames.CACHE_CONTROL, "no-cache");

    private final VersionService versions;
    private final ProductionBodies bodies = new ProductionBodies();

    public ProductionHttpService(VersionService versions) {
        this.versions = versions;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/{name}/production", this::production)
                .post("/{name}/render", this::render);
    }

    private void production(ServerRequest request, ServerResponse response) {
        var production = versions.production(Auth.actor(request), Params.path(request, "name"));
        String etag = EntityTags.quoted(production.etag());
        response.header(HeaderNames.ETAG, etag).header(REVALIDATE);
        if (EntityTags.noneMatchHits(request, etag)) {
            response.status(Status.NOT_MODIFIED_304).send();
        } else {
            Responses.okJson(response, bodies.body(production));
        }
    }

    private void render(ServerRequest request, ServerResponse response) {
        var actor = Auth.actor(request);
        String name = Params.path(request, "name");
        var variables = ApiJson.readOptional(request, RenderRequest.class).orElse(RenderRequest.NONE).values();
        Responses.ok(response, RenderedPromptDto.from(versions.renderProduction(actor, name, variables)));
    }
}
