package io.promptmanager.server;

import io.promptmanager.server.support.Account;
import io.promptmanager.server.support.ApiClient;
import io.promptmanager.server.support.ApiResponse;
import io.promptmanager.server.support.Bodies;
import io.promptmanager.server.support.LogCapture;
import io.promptmanager.server.support.RunningApi;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;

import static org.assertj.core.api.Assertions.assertThat;

/** Every error is application/problem+json with a stable code, whatever raised it. */
class ProblemResponsesIT {
    private static final int SMALL_LIMIT = 4096;

    private static RunningApi api;
    private static ApiServer smallLimitServer;
    private static Account pro;

    @BeforeAll
    static void start() {
        api = RunningApi.start();
        smallLimitServer = ApiServer.start(ApiServerSettings.loopbackOnFreePort().withMaxPayloadSize(SMALL_LIMIT),
                api.core());
        pro = api.accounts().pro();
    }

    @AfterAll
    static void stop() {
        smallLimitServer.close();
        api.close();
    }

    @Test
    void missingKeyIsUnauthenticatedWithABearerChallenge() {
        ApiResponse response = api.client().get("/api/v1/me");

        assertProblem(response, 401, "UNAUTHENTICATED");
        assertThat(response.header("WWW-Authenticate")).hasValue("Bearer realm=\"prompt-manager\"");
    }

    @Test
    void unknownKeyIsUnauthenticatedAndNamedAnInvalidToken() {
        ApiResponse response = api.client().withKey("pmk_not-a-real-key").get("/api/v1/me");

        assertProblem(response, 401, "UNAUTHENTICATED");
        assertThat(response.header("WWW-Authenticate")).hasValue(
                "Bearer realm=\"prompt-manager\", error=\"invalid_token\"");
    }

    @Test
    void anotherAuthorizationSchemeIsUnauthenticated() {
        ApiResponse response = api.client().withHeader("Authorization", "Basic dXNlcjpwYXNz").get("/api/v1/me");

        assertProblem(response, 401, "UNAUTHENTICATED");
    }

    @Test
    void problemHasTypeTitleStatusDetailInstanceAndCode() {
        JsonObject problem = api.as(pro).get("/api/v1/prompts/no-such-prompt").json();

        assertThat(problem.getString("type")).isEqualTo("urn:prompt-manager:problem:not-found");
        assertThat(problem.getString("title")).isEqualTo("Not found");
        assertThat(problem.getInt("status")).isEqualTo(404);
        assertThat(problem.getString("detail")).isNotBlank();
        assertThat(problem.getString("instance")).isEqualTo("/api/v1/prompts/no-such-prompt");
        assertThat(problem.getString("code")).isEqualTo("NOT_FOUND");
        assertThat(problem.containsKey("violations")).isFalse();
        assertThat(problem.containsKey("errorId")).isFalse();
    }

    @Test
    void unknownRouteIsNotFound() {
        assertProblem(api.as(pro).get("/api/v1/no-such-collection"), 404, "NOT_FOUND");
    }

    @Test
    void wrongMethodIsMethodNotAllowedWithTheAllowedMethods() {
        ApiResponse onMe = api.as(pro).delete("/api/v1/me");
        ApiResponse onPrompt = api.as(pro).patch("/api/v1/prompts/some-prompt", "{}");

        assertProblem(onMe, 405, "METHOD_NOT_ALLOWED");
        assertThat(onMe.header("Allow")).hasValue("GET");
        assertProblem(onPrompt, 405, "METHOD_NOT_ALLOWED");
        assertThat(onPrompt.header("Allow")).hasValue("DELETE, GET, PUT");
    }

    @Test
    void malformedPathAndQueryValuesNameTheParameter() {
        assertViolation(api.as(pro).get("/api/v1/categories/not-a-uuid"), "id");
        assertViolation(api.as(pro).delete("/api/v1/api-keys/12345"), "id");
        assertViolation(api.as(pro).get("/api/v1/prompts/some-prompt/versions/one"), "number");
        assertViolation(api.as(pro).get("/api/v1/prompts/some-prompt/versions/0"), "number");
        assertViolation(api.as(pro).get("/api/v1/prompts?status=LIVE"), "status");
        assertViolation(api.as(pro).get("/api/v1/prompts?limit=many"), "limit");
        assertViolation(api.as(pro).get("/api/v1/prompts?limit=1000"), "limit");
        assertViolation(api.as(pro).get("/api/v1/prompts/some-prompt/diff?from=1"), "to");
    }

    @Test
    void unknownJsonFieldIsRefusedAndNothingIsCreated() {
        ApiClient client = api.as(api.accounts().pro());

        ApiResponse response = client.post("/api/v1/categories", """
                {"name": "travel", "colour": "red"}
                """);

        assertViolation(response, "colour");
        assertThat(client.get("/api/v1/categories").items()).isEmpty();
    }

    @Test
    void unknownNestedJsonFieldIsNamedWithItsPath() {
        ApiResponse response = api.as(pro).post("/api/v1/prompts/some-prompt/versions", """
                {"messages": [{"role": "user", "content": "hi", "name": "bob"}], "model": "m"}
                """);

        assertViolation(response, "messages.name");
    }

    @Test
    void malformedJsonAndMissingBodyAreValidationFailures() {
        ApiResponse malformed = api.as(pro).post("/api/v1/categories", "{\"name\": ");
        ApiResponse missing = api.as(pro).send("POST", "/api/v1/categories", (String) null, "application/json");
        ApiResponse wrongType = api.as(pro).post("/api/v1/prompts", "{\"name\": \"x\", \"tags\": \"one\"}");

        assertViolation(malformed, "body");
        assertThat(malformed.json().toString()).doesNotContain("Exception").doesNotContain("yasson");
        assertViolation(missing, "body");
        assertViolation(wrongType, "tags");
    }

    @Test
    void deeplyNestedJsonIsAValidationFailureNotAServerError() {
        String deep = "{\"name\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}";

        ApiResponse response = api.as(pro).post("/api/v1/categories", deep);

        assertViolation(response, "body");
    }

    @Test
    void bodyThatIsNotJsonIsUnsupportedMediaType() {
        ApiResponse response = api.as(pro).send("POST", "/api/v1/categories", "name=travel",
                "application/x-www-form-urlencoded");

        assertProblem(response, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void bodyOverTheLimitIsPayloadTooLarge() {
        ApiClient client = ApiClient.of(smallLimitServer.port()).withKey(pro.key());
        String oversized = "{\"name\": \"" + "x".repeat(SMALL_LIMIT) + "\"}";

        ApiResponse response = client.post("/api/v1/categories", oversized);

        assertProblem(response, 413, "PAYLOAD_TOO_LARGE");
        assertThat(response.json().getString("detail")).contains(String.valueOf(SMALL_LIMIT));
    }

    @Test
    void chunkedBodyOverTheLimitIsPayloadTooLarge() {
        ApiClient client = ApiClient.of(smallLimitServer.port()).withKey(pro.key());
        byte[] oversized = ("{\"name\": \"" + "x".repeat(SMALL_LIMIT * 2) + "\"}").getBytes();

        ApiResponse response = client.send("POST", "/api/v1/categories",
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(oversized)), "application/json");

        assertProblem(response, 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void apiKeyInTheQueryStringIsRefusedBeforeAnythingRuns() {
        ApiClient client = api.as(api.accounts().pro());
        String key = pro.key();

        for (String query : new String[]{"api_key=" + key, "apikey=" + key, "key=" + key, "token=" + key,
                "access_token=" + key, "X-Api-Key=abc", "q=" + key}) {
            ApiResponse response = client.post("/api/v1/categories?" + query, Bodies.category("leaked"));

            assertProblem(response, 400, "CREDENTIALS_IN_QUERY");
            assertThat(response.body()).doesNotContain(key);
        }
        assertThat(client.get("/api/v1/categories").items()).isEmpty();
        assertProblem(api.client().get("/observe/health?token=abc"), 400, "CREDENTIALS_IN_QUERY");
    }

    @Test
    void unexpectedFailureIsA500WithAnErrorIdThatIsLoggedWithItsCause() {
        try (RunningApi broken = RunningApi.start(); LogCapture log = LogCapture.start()) {
            Account account = broken.accounts().pro();
            broken.platform().database().close();

            ApiResponse response = broken.as(account).get("/api/v1/me");

            assertProblem(response, 500, "INTERNAL_ERROR");
            String errorId = response.json().getString("errorId");
            assertThat(errorId).matches("[0-9a-f-]{36}");
            assertThat(response.body()).doesNotContainIgnoringCase("sql").doesNotContain("Exception")
                    .doesNotContain("\tat ").doesNotContain("jdbc");
            assertThat(log.text()).contains(errorId).contains("\tat ");
        }
    }

    private static void assertProblem(ApiResponse response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        JsonObject problem = response.json();
        assertThat(problem.getString("code")).as(response.toString()).isEqualTo(code);
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(problem.getString("detail")).isNotBlank();
        assertThat(problem.getString("type")).startsWith("urn:prompt-manager:problem:");
    }

    private static void assertViolation(ApiResponse response, String field) {
        assertProblem(response, 400, "VALIDATION_FAILED");
        var fields = response.json().getJsonArray("violations").stream()
                .map(v -> v.asJsonObject().getString("field")).toList();
        assertThat(fields).as(response.toString()).contains(field);
    }
}
