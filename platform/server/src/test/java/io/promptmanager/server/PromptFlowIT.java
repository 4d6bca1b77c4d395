package io.promptmanager.server;

import io.promptmanager.server.support.ApiClient;
import io.promptmanager.server.support.ApiResponse;
import io.promptmanager.server.support.Bodies;
import io.promptmanager.server.support.RunningApi;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** What a script does with the API, end to end, over real HTTP and PostgreSQL. */
class PromptFlowIT {
    private static final String PROMPT = "/api/v1/prompts/summarise";

    private static RunningApi api;

    @BeforeAll
    static void start() {
        api = RunningApi.start();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void createsAPromptVersionsItPromotesAndServesProduction() {
        ApiClient client = api.as(api.accounts().pro());
        assertThat(client.post("/api/v1/categories", Bodies.category("support")).status()).isEqualTo(201);

        ApiResponse prompt = client.post("/api/v1/prompts", """
                {"name": "summarise", "description": "Summarises a text", "category": "support", "tags": ["demo"]}
                """);
        assertThat(prompt.status()).isEqualTo(201);
        assertThat(prompt.header("Location")).hasValue(PROMPT);
        assertThat(prompt.json().getString("category")).isEqualTo("support");

        ApiResponse v1 = client.post(PROMPT + "/versions", Bodies.version("You summarise."));
        assertThat(v1.status()).isEqualTo(201);
        assertThat(v1.header("Location")).hasValue(PROMPT + "/versions/1");
        assertThat(v1.json().getString("status")).isEqualTo("DRAFT");
        assertThat(v1.json().getJsonObject("parameters").getJsonNumber("temperature").doubleValue()).isEqualTo(0.2);
        assertThat(v1.json().getJsonArray("variables").getJsonObject(0).getString("default")).isEqualTo("concise");

        ApiResponse editedDraft = client.put(PROMPT + "/versions/1", Bodies.version("You summarise well."));
        assertThat(editedDraft.status()).isEqualTo(200);
        assertThat(editedDraft.json().getInt("number")).isEqualTo(1);
        assertThat(client.get(PROMPT + "/production").code()).isEqualTo("NOT_FOUND");

        ApiResponse promoted = client.post(PROMPT + "/versions/1/promote", null);
        assertThat(promoted.status()).isEqualTo(200);
        assertThat(promoted.json().getString("status")).isEqualTo("PRODUCTION");

        ApiResponse production = client.get(PROMPT + "/production");
        assertThat(production.status()).isEqualTo(200);
        assertThat(production.json().getInt("number")).isEqualTo(1);
        assertThat(production.header("Cache-Control")).hasValue("no-cache");
        String etag = production.header("ETag").orElseThrow();
        assertThat(etag).startsWith("\"").endsWith("\"");

        ApiResponse notModified = client.withHeader("If-None-Match", etag).get(PROMPT + "/production");
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(notModified.header("ETag")).hasValue(etag);

        ApiResponse editOfProduction = client.put(PROMPT + "/versions/1", Bodies.version("You summarise briefly."));
        assertThat(editOfProduction.status()).isEqualTo(201);
        assertThat(editOfProduction.json().getInt("number")).isEqualTo(2);
        assertThat(editOfProduction.header("Location")).hasValue(PROMPT + "/versions/2");
        assertThat(client.post(PROMPT + "/versions/2/promote", null).status()).isEqualTo(200);

        ApiResponse afterPromote = client.withHeader("If-None-Match", etag).get(PROMPT + "/production");
        assertThat(afterPromote.status()).isEqualTo(200);
        assertThat(afterPromote.json().getInt("number")).isEqualTo(2);
        assertThat(afterPromote.header("ETag")).isPresent().get().isNotEqualTo(etag);
        assertThat(statuses(client.get(PROMPT + "/versions"))).containsExactlyInAnyOrder("ARCHIVED", "PRODUCTION");

        JsonObject current = client.get(PROMPT).json();
        assertThat(current.getInt("productionVersion")).isEqualTo(2);
        assertThat(current.getInt("latestVersion")).isEqualTo(2);

        ApiResponse rollback = client.post(PROMPT + "/versions/1/promote", null);
        assertThat(rollback.status()).isEqualTo(200);
        // the same version again, in production since the rollback: served anew, not as first seen
        JsonObject rolledBack = client.get(PROMPT + "/production").json();
        assertThat(rolledBack.getInt("number")).isEqualTo(1);
        assertThat(rolledBack.getString("status")).isEqualTo("PRODUCTION");
        assertThat(rolledBack.getString("updatedAt")).isNotEqualTo(production.json().getString("updatedAt"));

        ApiResponse archived = client.post(PROMPT + "/versions/2/archive", null);
        assertThat(archived.status()).isEqualTo(200);
        assertThat(archived.json().getString("status")).isEqualTo("ARCHIVED");

        assertThat(client.delete(PROMPT).status()).isEqualTo(204);
        assertThat(client.get(PROMPT).code()).isEqualTo("NOT_FOUND");
        assertThat(client.get(PROMPT + "/production").code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void concurrentPromotesLeaveExactlyOneProductionVersion() throws Exception {
        ApiClient client = api.as(api.accounts().pro());
        client.post("/api/v1/prompts", Bodies.prompt("raced"));
        for (int round = 0; round < 5; round++) {
            int first = client.post("/api/v1/prompts/raced/versions", Bodies.version("A.")).json().getInt("number");
            int second = client.post("/api/v1/prompts/raced/versions", Bodies.version("B.")).json().getInt("number");
            CountDownLatch start = new CountDownLatch(1);
            try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
                Future<ApiResponse> a = pool.submit(() -> promoteAfter(start, client, first));
                Future<ApiResponse> b = pool.submit(() -> promoteAfter(start, client, second));
                start.countDown();

                assertThat(List.of(a.get().status(), b.get().status())).allMatch(s -> s == 200 || s == 409);
            }
            assertThat(statuses(client.get("/api/v1/prompts/raced/versions")))
                    .as("round " + round).containsOnlyOnce("PRODUCTION");
        }
    }

    private static ApiResponse promoteAfter(CountDownLatch start, ApiClient client, int number) throws Exception {
        start.await();
        return client.post("/api/v1/prompts/raced/versions/" + number + "/promote", null);
    }

    @Test
    void rendersAVersionAndTheProductionVersionWithoutRunningAnything() {
        ApiClient client = api.as(api.accounts().pro());
        client.post("/api/v1/prompts", Bodies.prompt("renderable"));
        client.post("/api/v1/prompts/renderable/versions", Bodies.version("You summarise."));
        client.post("/api/v1/prompts/renderable/versions/1/promote", null);

        ApiResponse version = client.post("/api/v1/prompts/renderable/versions/1/render", Bodies.render("the text"));
        ApiResponse production = client.post("/api/v1/prompts/renderable/render", Bodies.render("the text"));

        assertThat(version.status()).as(version.toString()).isEqualTo(200);
        assertThat(version.json().getString("prompt")).isEqualTo("renderable");
        assertThat(version.json().getInt("version")).isEqualTo(1);
        assertThat(version.json().getString("model")).isEqualTo("openai/gpt-4o-mini");
        List<String> contents = version.json().getJsonArray("messages").stream()
                .map(m -> m.asJsonObject().getString("content")).toList();
        assertThat(contents).containsExactly("You summarise. Be concise.", "Summarise: the text");
        assertThat(production.status()).isEqualTo(200);
        assertThat(production.json()).isEqualTo(version.json());
    }

    @Test
    void strictRenderNamesEveryMissingOrUndeclaredVariable() {
        ApiClient client = api.as(api.accounts().pro());
        client.post("/api/v1/prompts", Bodies.prompt("strict"));
        client.post("/api/v1/prompts/strict/versions", Bodies.version("You summarise."));

        ApiResponse response = client.post("/api/v1/prompts/strict/versions/1/render", """
                {"variables": {"tone": 3, "mood": "happy"}}
                """);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        String violations = response.json().getJsonArray("violations").toString();
        assertThat(violations).contains("text").contains("mood").contains("tone");
    }

    @Test
    void diffsTwoVersions() {
        ApiClient client = api.as(api.accounts().pro());
        client.post("/api/v1/prompts", Bodies.prompt("diffed"));
        client.post("/api/v1/prompts/diffed/versions", Bodies.version("You summarise."));
        client.post("/api/v1/prompts/diffed/versions", Bodies.version("You summarise briefly."));

        ApiResponse diff = client.get("/api/v1/prompts/diffed/diff?from=1&to=2");

        assertThat(diff.status()).isEqualTo(200);
        assertThat(diff.json().getInt("from")).isEqualTo(1);
        assertThat(diff.json().getInt("to")).isEqualTo(2);
        JsonObject change = diff.json().getJsonArray("changes").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("field").startsWith("messages")).findFirst().orElseThrow();
        assertThat(change.getString("after")).contains("briefly");
        assertThat(change.getJsonArray("unifiedDiff")).isNotEmpty();
    }

    @Test
    void listsPromptsWithFiltersAndCursorPagination() {
        ApiClient client = api.as(api.accounts().pro());
        client.post("/api/v1/categories", Bodies.category("travel"));
        client.post("/api/v1/prompts", """
                {"name": "hotel-review", "description": "Reviews hotels", "category": "travel", "tags": ["en"]}
                """);
        client.post("/api/v1/prompts", Bodies.prompt("first"));
        client.post("/api/v1/prompts", Bodies.prompt("second"));

        ApiResponse firstPage = client.get("/api/v1/prompts?limit=2");
        ApiResponse secondPage = client.get("/api/v1/prompts?limit=2&cursor="
                + firstPage.json().getString("nextCursor"));

        assertThat(names(firstPage)).containsExactly("second", "first");
        assertThat(names(secondPage)).containsExactly("hotel-review");
        assertThat(secondPage.json().isNull("nextCursor")).isTrue();
        assertThat(names(client.get("/api/v1/prompts?category=travel"))).containsExactly("hotel-review");
        assertThat(names(client.get("/api/v1/prompts?tag=demo"))).containsExactly("second", "first");
        assertThat(names(client.get("/api/v1/prompts?q=hotels"))).containsExactly("hotel-review");
        assertThat(names(client.get("/api/v1/prompts?status=PRODUCTION"))).isEmpty();
    }

    @Test
    void managesCategoriesAndDeletingOneLeavesItsPromptsUncategorised() {
        ApiClient client = api.as(api.accounts().pro());
        ApiResponse created = client.post("/api/v1/categories", Bodies.category("drafts"));
        String location = created.header("Location").orElseThrow();
        assertThat(location).isEqualTo("/api/v1/categories/" + created.json().getString("id"));
        client.post("/api/v1/prompts", """
                {"name": "filed", "category": "drafts"}
                """);

        ApiResponse renamed = client.put(location, Bodies.category("ideas"));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(client.get(location).json().getString("name")).isEqualTo("ideas");
        assertThat(client.get("/api/v1/prompts/filed").json().getString("category")).isEqualTo("ideas");
        assertThat(client.get("/api/v1/categories").items()).hasSize(1);

        assertThat(client.delete(location).status()).isEqualTo(204);
        assertThat(client.get(location).code()).isEqualTo("NOT_FOUND");
        assertThat(client.get("/api/v1/prompts/filed").json().isNull("category")).isTrue();
    }

    @Test
    void updatesAPromptWithPut() {
        ApiClient client = api.as(api.accounts().pro());
        client.post("/api/v1/prompts", Bodies.prompt("to-update"));

        ApiResponse updated = client.put("/api/v1/prompts/to-update", """
                {"description": "Now better", "tags": ["x", "y"]}
                """);

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().getString("name")).isEqualTo("to-update");
        assertThat(updated.json().getString("description")).isEqualTo("Now better");
        assertThat(updated.json().getJsonArray("tags").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly("x", "y");
    }

    @Test
    void createsListsAndRevokesApiKeysShowingTheSecretOnce() {
        ApiClient client = api.as(api.accounts().pro());

        ApiResponse created = client.post("/api/v1/api-keys", """
                {"name": "ci", "expiresAt": "2099-01-01T00:00:00Z", "scopes": ["prompts:read"]}
                """);
        ApiResponse listed = client.get("/api/v1/api-keys");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Cache-Control")).hasValue("no-store");
        String secret = created.json().getString("key");
        assertThat(secret).startsWith("pmk_").endsWith(created.json().getString("last4"));
        assertThat(created.json().getJsonArray("scopes").toString()).isEqualTo("[\"prompts:read\"]");
        assertThat(created.json().getString("expiresAt")).isEqualTo("2099-01-01T00:00:00Z");
        JsonObject listedKey = listed.items().stream().map(JsonValue::asJsonObject)
                .filter(k -> k.getString("id").equals(created.json().getString("id"))).findFirst().orElseThrow();
        assertThat(listedKey.containsKey("key")).isFalse();
        assertThat(listed.body()).doesNotContain(secret);
        assertThat(client.post("/api/v1/api-keys", "{\"name\": \"bad\", \"scopes\": [\"everything\"]}").code())
                .isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void readsItsOwnAuditTrailPageByPage() {
        ApiClient client = api.as(api.accounts().pro());
        client.post("/api/v1/categories", Bodies.category("audited"));
        client.post("/api/v1/prompts", Bodies.prompt("audited-prompt"));

        ApiResponse firstPage = client.get("/api/v1/audit?limit=1");
        ApiResponse secondPage = client.get("/api/v1/audit?limit=1&cursor="
                + firstPage.json().getString("nextCursor"));

        assertThat(firstPage.status()).isEqualTo(200);
        assertThat(firstPage.items()).hasSize(1);
        assertThat(secondPage.items()).hasSize(1);
        JsonObject newest = firstPage.items().getJsonObject(0);
        assertThat(newest.getString("objectType")).isNotBlank();
        assertThat(newest.get("after").getValueType()).isEqualTo(JsonValue.ValueType.OBJECT);
        assertThat(newest.getString("actorKeyId")).isNotBlank();
    }

    private static List<String> names(ApiResponse page) {
        return page.items().stream().map(p -> p.asJsonObject().getString("name")).toList();
    }

    private static List<String> statuses(ApiResponse versions) {
        return versions.items().stream().map(v -> v.asJsonObject().getString("status")).toList();
    }
}
