package io.promptmanager.server;

import io.promptmanager.server.http.ApiRoute;
import io.promptmanager.server.support.Account;
import io.promptmanager.server.support.ApiClient;
import io.promptmanager.server.support.ApiResponse;
import io.promptmanager.server.support.Bodies;
import io.promptmanager.server.support.RunningApi;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route that takes a prompt name or an id answers 404 for another user's object and
 * changes nothing. The routes come from the server's own table, so a new route fails this test
 * until it is listed here.
 */
class TenantIsolationIT {
    private static RunningApi api;
    private static ApiClient owner;
    private static ApiClient intruder;
    private static String categoryId;
    private static String extraKeyId;
    private static String executionId;

    @BeforeAll
    static void start() {
        api = RunningApi.start();
        Account ownerAccount = api.accounts().pro();
        owner = api.as(ownerAccount);
        intruder = api.as(api.accounts().pro());
        categoryId = owner.post("/api/v1/categories", Bodies.category("private")).json().getString("id");
        owner.post("/api/v1/prompts", """
                {"name": "owned", "description": "Mine", "category": "private", "tags": ["secret"]}
                """);
        owner.post("/api/v1/prompts/owned/versions", Bodies.version("Version one."));
        owner.post("/api/v1/prompts/owned/versions/1/promote", null);
        owner.post("/api/v1/prompts/owned/versions", Bodies.version("Version two."));
        extraKeyId = owner.post("/api/v1/api-keys", "{\"name\": \"extra\"}").json().getString("id");
        executionId = owner.post("/api/v1/prompts/owned/executions", Bodies.render("mine")).json().getString("id");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void anotherUsersObjectsAreNotFoundOnEveryRouteAndStayUnchanged() {
        Map<String, String> before = ownerState();
        Map<ApiRoute, Attempt> attempts = attempts();

        assertThat(attempts.keySet()).as("every route with a name or id is attempted")
                .containsExactlyInAnyOrderElementsOf(routesTakingANameOrId());
        attempts.forEach((route, attempt) -> {
            ApiResponse response = intruder.send(route.method(), attempt.path(), attempt.body(),
                    attempt.body() == null ? null : "application/json");
            assertThat(response.status()).as(route + " -> " + response).isEqualTo(404);
            assertThat(response.code()).as(route.toString()).isEqualTo("NOT_FOUND");
        });

        assertThat(ownerState()).isEqualTo(before);
    }

    @Test
    void anotherUsersPromptsDoNotShowInLists() {
        assertThat(intruder.get("/api/v1/prompts").items()).isEmpty();
        assertThat(intruder.get("/api/v1/categories").items()).isEmpty();
        assertThat(intruder.get("/api/v1/prompts?q=owned").items()).isEmpty();
        assertThat(intruder.get("/api/v1/api-keys").body()).doesNotContain(extraKeyId);
        assertThat(intruder.get("/api/v1/audit").body()).doesNotContain("owned").doesNotContain(categoryId);
        assertThat(intruder.get("/api/v1/executions").items()).isEmpty();
        assertThat(intruder.get("/api/v1/executions/export.csv").body()).doesNotContain(executionId);
        assertThat(intruder.get("/api/v1/analytics").json().getJsonObject("totals").getInt("runs")).isZero();
    }

    private static Map<ApiRoute, Attempt> attempts() {
        String prompt = "/api/v1/prompts/owned";
        Map<ApiRoute, Attempt> attempts = new LinkedHashMap<>();
        attempts.put(route("GET", "/api/v1/prompts/{name}"), new Attempt(prompt, null));
        attempts.put(route("PUT", "/api/v1/prompts/{name}"), new Attempt(prompt, Bodies.prompt("owned")));
        attempts.put(route("DELETE", "/api/v1/prompts/{name}"), new Attempt(prompt, null));
        attempts.put(route("GET", "/api/v1/prompts/{name}/versions"), new Attempt(prompt + "/versions", null));
        attempts.put(route("POST", "/api/v1/prompts/{name}/versions"),
                new Attempt(prompt + "/versions", Bodies.version("Intruder.")));
        attempts.put(route("GET", "/api/v1/prompts/{name}/versions/{number}"),
                new Attempt(prompt + "/versions/1", null));
        attempts.put(route("PUT", "/api/v1/prompts/{name}/versions/{number}"),
                new Attempt(prompt + "/versions/2", Bodies.version("Intruder.")));
        attempts.put(route("POST", "/api/v1/prompts/{name}/versions/{number}/promote"),
                new Attempt(prompt + "/versions/2/promote", null));
        attempts.put(route("POST", "/api/v1/prompts/{name}/versions/{number}/archive"),
                new Attempt(prompt + "/versions/1/archive", null));
        attempts.put(route("POST", "/api/v1/prompts/{name}/versions/{number}/render"),
                new Attempt(prompt + "/versions/1/render", Bodies.render("x")));
        attempts.put(route("GET", "/api/v1/prompts/{name}/diff"), new Attempt(prompt + "/diff?from=1&to=2", null));
        attempts.put(route("GET", "/api/v1/prompts/{name}/production"), new Attempt(prompt + "/production", null));
        attempts.put(route("POST", "/api/v1/prompts/{name}/render"), new Attempt(prompt + "/render", Bodies.render("x")));
        attempts.put(route("GET", "/api/v1/categories/{id}"), new Attempt("/api/v1/categories/" + categoryId, null));
        attempts.put(route("PUT", "/api/v1/categories/{id}"),
                new Attempt("/api/v1/categories/" + categoryId, Bodies.category("stolen")));
        attempts.put(route("DELETE", "/api/v1/categories/{id}"),
                new Attempt("/api/v1/categories/" + categoryId, null));
        attempts.put(route("DELETE", "/api/v1/api-keys/{id}"), new Attempt("/api/v1/api-keys/" + extraKeyId, null));
        attempts.put(route("POST", "/api/v1/prompts/{name}/executions"),
                new Attempt(prompt + "/executions", Bodies.render("x")));
        attempts.put(route("GET", "/api/v1/executions/{id}"), new Attempt("/api/v1/executions/" + executionId, null));
        return attempts;
    }

    private static List<ApiRoute> routesTakingANameOrId() {
        return api.server().routes().stream()
                .filter(r -> r.path().contains("{") && !r.path().startsWith("/api/v1/admin/"))
                // names the payment processor, not an object of a user (BillingApiIT covers it)
                .filter(r -> !r.path().startsWith("/api/v1/billing/webhooks/"))
                .toList();
    }

    /** What the owner sees of everything the intruder tried to touch (keys without last-use times). */
    private static Map<String, String> ownerState() {
        Map<String, String> state = new LinkedHashMap<>();
        state.put("prompt", owner.get("/api/v1/prompts/owned").body());
        state.put("versions", owner.get("/api/v1/prompts/owned/versions").body());
        state.put("production", owner.get("/api/v1/prompts/owned/production").body());
        state.put("categories", owner.get("/api/v1/categories").body());
        state.put("keys", owner.get("/api/v1/api-keys").items().stream().map(JsonValue::asJsonObject)
                .map(k -> k.getString("id") + "/" + k.get("revokedAt")).sorted().collect(Collectors.joining(",")));
        state.put("executions", owner.get("/api/v1/executions").body());
        state.put("audit", owner.get("/api/v1/audit?limit=100").items().stream().map(JsonValue::asJsonObject)
                .map(JsonObject::toString).collect(Collectors.joining(",")));
        return state;
    }

    private static ApiRoute route(String method, String path) {
        return new ApiRoute(method, path);
    }

    private record Attempt(String path, String body) {
    }
}
