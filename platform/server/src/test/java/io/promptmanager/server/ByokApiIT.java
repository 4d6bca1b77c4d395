package io.promptmanager.server;

import io.promptmanager.core.testing.FakeModelProvider;
import io.promptmanager.core.testing.FakeModelProvider.Answer;
import io.promptmanager.core.testing.TestKeyStorage;
import io.promptmanager.core.testing.TestPlatform;
import io.promptmanager.plugin.model.KeyCheck;
import io.promptmanager.plugin.model.ProviderException;
import io.promptmanager.plugin.model.ProviderException.Kind;
import io.promptmanager.server.support.Account;
import io.promptmanager.server.support.ApiClient;
import io.promptmanager.server.support.ApiResponse;
import io.promptmanager.server.support.Bodies;
import io.promptmanager.server.support.LogCapture;
import io.promptmanager.server.support.RunningApi;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ByokApiIT {
    /** A well-formed key that must never be seen again anywhere but in the sealed column. */
    private static final String CANARY = "sk-or-v1-" + "c4a7a11e".repeat(8);
    private static final String CANARY_BODY = "{\"key\": \"" + CANARY + "\"}";
    private static RunningApi api;
    private static FakeModelProvider openrouter;

    @BeforeAll
    static void start() {
        openrouter = new FakeModelProvider("openrouter");
        api = RunningApi.start(TestPlatform.start(TestPlatform.settings(Clock.systemUTC()), List.of(openrouter),
                List.of(new TestKeyStorage(1))));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @BeforeEach
    void defaultProvider() {
        openrouter.reset();
    }

    @Test
    void freeAccountsCannotSaveOrTestAKey() {
        Account free = api.accounts().free();
        ApiClient client = api.client().withKey(free.key());

        // FREE accounts have no API access at all; the PLAN_REQUIRED answer comes first
        ApiResponse put = client.put("/api/v1/byok", CANARY_BODY);

        assertThat(put.status()).isEqualTo(403);
        assertThat(put.code()).isEqualTo("PLAN_REQUIRED");
        assertThat(put.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aMalformedKeyIsAValidationProblemOnKey() {
        ApiClient pro = api.as(api.accounts().pro());

        ApiResponse response = pro.put("/api/v1/byok", "{\"key\": \"sk-or-v1-not-hex\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.json().getJsonArray("violations").getJsonObject(0).getString("field")).isEqualTo("key");
        assertThat(response.body()).doesNotContain("not-hex");
    }

    @Test
    void savesShowsReplacesAndDeletesTheKeyShowingOnlyItsLastFour() {
        ApiClient pro = api.as(api.accounts().pro());
        assertThat(pro.get("/api/v1/byok").status()).isEqualTo(404);

        ApiResponse saved = pro.put("/api/v1/byok", CANARY_BODY);
        ApiResponse shown = pro.get("/api/v1/byok");

        assertThat(saved.status()).isEqualTo(200);
        assertThat(shown.json().getString("last4")).isEqualTo(CANARY.substring(69));
        assertThat(shown.json().getBoolean("active")).isTrue();
        assertThat(shown.json().getString("updatedAt")).isNotBlank();
        assertThat(shown.json().keySet()).containsExactlyInAnyOrder("last4", "updatedAt", "active");

        String other = "sk-or-v1-" + "0123456789abcdef".repeat(4);
        assertThat(pro.put("/api/v1/byok", "{\"key\": \"" + other + "\"}").json().getString("last4")).isEqualTo("cdef");
        assertThat(pro.delete("/api/v1/byok").status()).isEqualTo(204);
        assertThat(pro.get("/api/v1/byok").code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void runsUseTheSavedKeyAndARejectedKeyIsNamedInTheProblem() {
        ApiClient pro = api.as(api.accounts().pro());
        String prompt = productionPrompt(pro);
        pro.put("/api/v1/byok", CANARY_BODY);

        JsonObject result = run(pro, prompt).json();
        openrouter.willNext(Answer.fail(Kind.INVALID_CREDENTIALS, 401, null));
        ApiResponse rejected = run(pro, prompt);

        assertThat(result.getString("billingType")).isEqualTo("BYOK");
        assertThat(openrouter.requests().getFirst().credentials().apiKey()).isEqualTo(CANARY);
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.code()).isEqualTo("BYOK_KEY_REJECTED");
        assertThat(rejected.json().getString("detail")).contains("check or replace the key");
        assertThat(openrouter.requests()).hasSize(2);
    }

    @Test
    void testsAGivenKeyOrTheSavedOne() {
        ApiClient pro = api.as(api.accounts().pro());
        openrouter.checksKeysWith(credentials -> new KeyCheck(credentials.apiKey().equals(CANARY), "label",
                new BigDecimal("1.50"), true));
        assertThat(pro.post("/api/v1/byok/test", null).code()).isEqualTo("NOT_FOUND");

        JsonObject given = pro.post("/api/v1/byok/test", CANARY_BODY).json();
        pro.put("/api/v1/byok", CANARY_BODY);
        JsonObject ofSaved = pro.post("/api/v1/byok/test", null).json();

        assertThat(given.getBoolean("valid")).isTrue();
        assertThat(given.getString("label")).isEqualTo("label");
        assertThat(given.getJsonNumber("limitRemaining").bigDecimalValue()).isEqualByComparingTo("1.50");
        assertThat(given.getBoolean("freeTier")).isTrue();
        assertThat(ofSaved.getBoolean("valid")).isTrue();
    }

    @Test
    void anotherUsersKeyIsNeitherVisibleNorDeletable() {
        ApiClient owner = api.as(api.accounts().pro());
        ApiClient intruder = api.as(api.accounts().pro());
        owner.put("/api/v1/byok", CANARY_BODY);

        assertThat(intruder.get("/api/v1/byok").status()).isEqualTo(404);
        assertThat(intruder.delete("/api/v1/byok").status()).isEqualTo(204);
        assertThat(owner.get("/api/v1/byok").status()).isEqualTo(200);
    }

    @Test
    void administratorsResealAndOthersAreForbidden() {
        api.as(api.accounts().pro()).put("/api/v1/byok", CANARY_BODY);

        ApiResponse byAdmin = api.as(api.accounts().admin()).post("/api/v1/admin/byok/reseal", null);
        ApiResponse byUser = api.as(api.accounts().pro()).post("/api/v1/admin/byok/reseal", null);

        assertThat(byAdmin.status()).isEqualTo(200);
        assertThat(byAdmin.json().getInt("examined")).isPositive();
        assertThat(byAdmin.json().getInt("resealed")).isZero();
        assertThat(byAdmin.json().getInt("failed")).isZero();
        assertThat(byUser.status()).isEqualTo(403);
    }

    @Test
    void theKeyNeverAppearsInResponsesLogsOrDatabaseColumnsOtherThanTheSealedValue() {
        List<ApiResponse> responses = new ArrayList<>();
        try (LogCapture logs = LogCapture.start()) {
            Account account = api.accounts().pro();
            ApiClient pro = api.as(account);
            String prompt = productionPrompt(pro);
            openrouter.checksKeysWith(credentials -> {
                throw new ProviderException(Kind.UNAVAILABLE, "upstream down", true);
            });
            responses.add(pro.post("/api/v1/byok/test", CANARY_BODY));
            openrouter.checksKeysWith(credentials -> new KeyCheck(true, "label", null, false));
            responses.add(pro.post("/api/v1/byok/test", CANARY_BODY));
            responses.add(pro.put("/api/v1/byok", CANARY_BODY));
            responses.add(pro.put("/api/v1/byok", "{\"key\": \"" + CANARY + "x\"}"));
            responses.add(pro.put("/api/v1/byok", "{\"key\": \"" + CANARY + "\", \"extra\": 1}"));
            responses.add(pro.put("/api/v1/byok", "{\"key\": " + CANARY + "}"));
            responses.add(pro.get("/api/v1/byok"));
            responses.add(pro.post("/api/v1/byok/test", null));
            responses.add(run(pro, prompt));
            openrouter.willNext(Answer.fail(Kind.INVALID_CREDENTIALS, 401, null),
                    Answer.fail(Kind.INSUFFICIENT_CREDITS, 402, null), Answer.fail(Kind.UNAVAILABLE, 503, null),
                    Answer.fail(Kind.TIMEOUT), Answer.failMidStream("half an answer and then"));
            for (int i = 0; i < 5; i++) {
                responses.add(run(pro, prompt));
            }
            responses.add(pro.get("/api/v1/executions"));
            responses.add(pro.get("/api/v1/audit"));
            responses.add(api.as(api.accounts().admin()).get("/api/v1/admin/audit"));
            responses.add(api.as(api.accounts().admin()).post("/api/v1/admin/byok/reseal", null));
            responses.add(pro.delete("/api/v1/byok"));

            assertThat(responses).allSatisfy(r -> assertThat(r.body() + r.headers().map()).doesNotContain(CANARY));
            assertThat(responses.stream().map(ApiResponse::status)).contains(200, 204, 400, 422, 503);
            assertThat(openrouter.requests()).anySatisfy(r -> assertThat(r.credentials().apiKey()).isEqualTo(CANARY));
            assertThat(logs.text()).isNotBlank().doesNotContain(CANARY).doesNotContain(CANARY.substring(9, 40));
        }
        assertThat(everyTableButTheSealedValue()).doesNotContain(CANARY).doesNotContain(CANARY.substring(9, 40));
    }

    private static String everyTableButTheSealedValue() {
        var exec = api.platform().database().dbClient().execute();
        List<String> tables = exec.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
                .map(row -> row.column("tablename").get(String.class)).toList();
        StringBuilder text = new StringBuilder();
        for (String table : tables) {
            String select = table.equals("byok_keys")
                    ? "SELECT string_agg((user_id, provider, last4, created_at, updated_at)::text, E'\\n') AS t FROM byok_keys"
                    : "SELECT string_agg(x::text, E'\\n') AS t FROM \"" + table + "\" x";
            exec.get(select).map(row -> row.column("t").get(String.class)).ifPresent(text::append);
        }
        assertThat(tables).contains("byok_keys", "audit_log", "executions");
        assertThat(text).contains("byok.set");
        return text.toString();
    }

    private static ApiResponse run(ApiClient client, String prompt) {
        return client.post("/api/v1/prompts/" + prompt + "/executions", Bodies.render("x"));
    }

    private static String productionPrompt(ApiClient client) {
        String name = "byok-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(client.post("/api/v1/prompts", Bodies.prompt(name)).status()).isEqualTo(201);
        assertThat(client.post("/api/v1/prompts/" + name + "/versions", Bodies.version("Summarise.")).status())
                .isEqualTo(201);
        assertThat(client.post("/api/v1/prompts/" + name + "/versions/1/promote", null).status()).isEqualTo(200);
        return name;
    }
}
