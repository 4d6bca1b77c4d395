package io.promptmanager.server;

import io.promptmanager.server.http.ApiRoute;
import io.promptmanager.server.support.Account;
import io.promptmanager.server.support.ApiClient;
import io.promptmanager.server.support.ApiResponse;
import io.promptmanager.server.support.RunningApi;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin API: user administration and key provisioning, for administrators only. */
class AdminApiIT {
    private static RunningApi api;
    private static ApiClient admin;

    @BeforeAll
    static void start() {
        api = RunningApi.start();
        admin = api.as(api.accounts().admin());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void everyAdminRouteIsForbiddenToANonAdministratorBeforeAnythingIsRead() {
        Account pro = api.accounts().pro();
        List<ApiRoute> adminRoutes = api.server().routes().stream()
                .filter(r -> r.path().startsWith("/api/v1/admin/")).toList();
        assertThat(adminRoutes).hasSizeGreaterThanOrEqualTo(6);

        for (ApiRoute route : adminRoutes) {
            String path = route.path().replace("{id}", pro.id().toString());
            String body = route.method().equals("GET") ? null : "{\"plan\": \"PRO\", \"role\": \"ADMIN\"}";
            ApiResponse response = api.as(pro).send(route.method(), path, body, body == null ? null : "application/json");

            assertThat(response.status()).as(route + " -> " + response).isEqualTo(403);
            assertThat(response.code()).isEqualTo("FORBIDDEN");
        }
        assertThat(api.as(pro).get("/api/v1/me").json().getJsonObject("user").getString("role")).isEqualTo("USER");
    }

    @Test
    void createsAUserWithTheDocumentedRequestShape() {
        ApiResponse created = admin.post("/api/v1/admin/users", """
                {"email": "ada@example.test", "password": "a-long-enough-password", "displayName": "Ada", "plan": "PRO"}
                """);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonObject user = created.json();
        assertThat(created.header("Location")).hasValue("/api/v1/admin/users/" + user.getString("id"));
        assertThat(user.getString("email")).isEqualTo("ada@example.test");
        assertThat(user.getString("plan")).isEqualTo("PRO");
        assertThat(user.getString("role")).isEqualTo("USER");
        assertThat(created.body()).doesNotContain("a-long-enough-password").doesNotContainIgnoringCase("hash");
        assertThat(admin.get("/api/v1/admin/users/" + user.getString("id")).json()).isEqualTo(user);
    }

    @Test
    void changesPlanRoleAndDisabledWithPatch() {
        Account pro = api.accounts().pro();
        String path = "/api/v1/admin/users/" + pro.id();

        ApiResponse changed = admin.patch(path, "{\"plan\": \"FREE\", \"role\": \"ADMIN\"}");
        ApiResponse disabled = admin.patch(path, "{\"disabled\": true}");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().getString("plan")).isEqualTo("FREE");
        assertThat(changed.json().getString("role")).isEqualTo("ADMIN");
        assertThat(disabled.json().getBoolean("disabled")).isTrue();
        assertThat(disabled.json().getString("plan")).isEqualTo("FREE");
    }

    @Test
    void refusesAnUnknownPlanNamingTheField() {
        Account pro = api.accounts().pro();

        ApiResponse response = admin.patch("/api/v1/admin/users/" + pro.id(), "{\"plan\": \"GOLD\"}");

        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.json().getJsonArray("violations").getJsonObject(0).getString("field")).isEqualTo("plan");
    }

    @Test
    void unknownUserIsNotFound() {
        ApiResponse response = admin.get("/api/v1/admin/users/00000000-0000-0000-0000-000000000000");

        assertThat(response.code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void provisionsAKeyForAUserWhoCanThenUseIt() {
        String userId = admin.post("/api/v1/admin/users", """
                {"email": "bob@example.test", "password": "a-long-enough-password", "displayName": "Bob", "plan": "PRO"}
                """).json().getString("id");

        ApiResponse issued = admin.post("/api/v1/admin/users/" + userId + "/api-keys", "{\"name\": \"provisioned\"}");

        assertThat(issued.status()).isEqualTo(201);
        assertThat(issued.json().getString("userId")).isEqualTo(userId);
        ApiResponse me = api.client().withKey(issued.json().getString("key")).get("/api/v1/me");
        assertThat(me.json().getJsonObject("user").getString("id")).isEqualTo(userId);
    }

    @Test
    void listsUsersBySearchAndReadsTheWholeAuditLog() {
        admin.post("/api/v1/admin/users", """
                {"email": "carol@example.test", "password": "a-long-enough-password", "displayName": "Carol"}
                """);

        ApiResponse found = admin.get("/api/v1/admin/users?q=carol");
        ApiResponse audit = admin.get("/api/v1/admin/audit?limit=100");

        assertThat(found.items().stream().map(u -> u.asJsonObject().getString("email")))
                .containsExactly("carol@example.test");
        assertThat(found.items().getJsonObject(0).getString("plan")).isEqualTo("FREE");
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.items().stream().map(JsonValue::asJsonObject).map(e -> e.getString("action")))
                .isNotEmpty();
    }
}
