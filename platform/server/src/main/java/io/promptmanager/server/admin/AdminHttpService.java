package io.promptmanager.server.admin;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.promptmanager.core.apikey.ApiKeyService;
import io.promptmanager.core.audit.AuditLog;
import io.promptmanager.core.plugin.PluginService;
import io.promptmanager.core.user.UserService;
import io.promptmanager.server.account.UserDto;
import io.promptmanager.server.apikey.ApiKeyRequest;
import io.promptmanager.server.apikey.CreatedApiKeyDto;
import io.promptmanager.server.audit.AuditEntryDto;
import io.promptmanager.server.http.ApiJson;
import io.promptmanager.server.http.Auth;
import io.promptmanager.server.http.ItemsResponse;
import io.promptmanager.server.http.PageResponse;
import io.promptmanager.server.http.Params;
import io.promptmanager.server.http.Responses;

/**
 * {@code /api/v1/admin}: user administration, key provisioning, the whole audit log and the
 * installed plugins. Every
 * handler first requires the ADMIN role (403 FORBIDDEN), before reading anything else; core
 * checks it again.
 */
public final class AdminHttpService implements HttpService {
    private final UserService users;
    private final ApiKeyService apiKeys;
    private final AuditLog auditLog;
    private final PluginService plugins;

    public AdminHttpService(UserService users, ApiKeyService apiKeys, AuditLog auditLog, PluginService plugins) {
        this.users = users;
        this.apiKeys = apiKeys;
        this.auditLog = auditLog;
        this.plugins = plugins;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/users", this::listUsers)
                .post("/users", this::createUser)
                .get("/users/{id}", this::getUser)
                .patch("/users/{id}", this::updateUser)
                .post("/users/{id}/api-keys", this::issueKey)
                .get("/audit", this::audit)
                .get("/plugins", this::plugins);
    }

    private void listUsers(ServerRequest request, ServerResponse response) {
        var admin = Auth.admin(request);
        var page = users.list(admin, Params.query(request, "q").orElse(null), Params.page(request));
        Responses.ok(response, PageResponse.of(page, UserDto::from));
    }

    private void createUser(ServerRequest request, ServerResponse response) {
        var admin = Auth.admin(request);
        var user = users.create(admin, ApiJson.read(request, CreateUserRequest.class).toNewUser());
        Responses.created(response, "/api/v1/admin/users/" + user.id(), UserDto.from(user));
    }

    private void getUser(ServerRequest request, ServerResponse response) {
        var admin = Auth.admin(request);
        Responses.ok(response, UserDto.from(users.get(admin, Params.uuid(request, "id"))));
    }

    private void updateUser(ServerRequest request, ServerResponse response) {
        var admin = Auth.admin(request);
        var id = Params.uuid(request, "id");
        var user = users.update(admin, id, ApiJson.read(request, UpdateUserRequest.class).toChanges());
        Responses.ok(response, UserDto.from(user));
    }

    private void issueKey(ServerRequest request, ServerResponse response) {
        var admin = Auth.admin(request);
        var userId = Params.uuid(request, "id");
        var created = apiKeys.issueFor(admin, userId, ApiJson.read(request, ApiKeyRequest.class).toNewApiKey());
        Responses.createdSecret(response, CreatedApiKeyDto.from(created));
    }

    private void audit(ServerRequest request, ServerResponse response) {
        var page = auditLog.all(Auth.admin(request), Params.page(request));
        Responses.ok(response, PageResponse.of(page, AuditEntryDto::from));
    }

    private void plugins(ServerRequest request, ServerResponse response) {
        Responses.ok(response, ItemsResponse.of(plugins.list(Auth.admin(request)), PluginDto::from));
    }
}
