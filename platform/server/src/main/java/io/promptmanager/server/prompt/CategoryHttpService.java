package io.promptmanager.server.prompt;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.promptmanager.core.prompt.CategoryService;
import io.promptmanager.server.http.ApiJson;
import io.promptmanager.server.http.Auth;
import io.promptmanager.server.http.ItemsResponse;
import io.promptmanager.server.http.Params;
import io.promptmanager.server.http.Responses;

/** {@code /api/v1/categories}: the caller's categories; deleting one leaves its prompts uncategorised. */
public final class CategoryHttpService implements HttpService {
    private final CategoryService categories;

    public CategoryHttpService(CategoryService categories) {
        this.categories = categories;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
                .post("/", this::create)
                .get("/{id}", this::get)
                .put("/{id}", this::rename)
                .delete("/{id}", this::delete);
    }

    private void list(ServerRequest request, ServerResponse response) {
        Responses.ok(response, ItemsResponse.of(categories.list(Auth.actor(request)), CategoryDto::from));
    }

    private void create(ServerRequest request, ServerResponse response) {
        var actor = Auth.actor(request);
        var category = categories.create(actor, ApiJson.read(request, CategoryRequest.class).name());
        Responses.created(response, "/api/v1/categories/" + category.id(), CategoryDto.from(category));
    }

    private void get(ServerRequest request, ServerResponse response) {
        Responses.ok(response, CategoryDto.from(categories.get(Auth.actor(request), Params.uuid(request, "id"))));
    }

    private void rename(ServerRequest request, ServerResponse response) {
        var actor = Auth.actor(request);
        var id = Params.uuid(request, "id");
        var category = categories.rename(actor, id, ApiJson.read(request, CategoryRequest.class).name());
        Responses.ok(response, CategoryDto.from(category));
    }

    private void delete(ServerRequest request, ServerResponse response) {
        categories.delete(Auth.actor(request), Params.uuid(request, "id"));
        Responses.noContent(response);
    }
}
