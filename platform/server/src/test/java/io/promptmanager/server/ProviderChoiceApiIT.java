package io.promptmanager.server;

import io.promptmanager.core.testing.StaticModelProvider;
import io.promptmanager.core.testing.TestPlatform;
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

import static io.promptmanager.core.testing.StaticModelProvider.free;
import static io.promptmanager.core.testing.StaticModelProvider.premium;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two installed providers offering the same model id: the API lists each offer under its provider,
 * filters by provider, and a version names its provider — given, or taken from the catalogue when
 * only one provider offers the model.
 */
class ProviderChoiceApiIT {
    private static RunningApi api;

    @BeforeAll
    static void start() {
        api = RunningApi.start(TestPlatform.start(List.of(
                new StaticModelProvider("openrouter", List.of(premium("openai/gpt-4o-mini", "0.00000015", "0.0000006"),
                        free("meta/llama-3.3:free"))),
                new StaticModelProvider("openai-compatible", List.of(premium("openai/gpt-4o-mini", "0.00000015",
                        "0.0000006"), free("llama3.2"))))));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void listsEveryProvidersModelsAndFiltersByProvider() {
        ApiClient client = api.as(api.accounts().pro());

        ApiResponse all = client.get("/api/v1/models");
        ApiResponse local = client.get("/api/v1/models?provider=openai-compatible");
        ApiResponse unknown = client.get("/api/v1/models?provider=nowhere");

        assertThat(all.items().stream().map(m -> m.asJsonObject().getString("id") + "@"
                + m.asJsonObject().getString("provider"))).containsExactly("llama3.2@openai-compatible",
                "meta/llama-3.3:free@openrouter", "openai/gpt-4o-mini@openai-compatible", "openai/gpt-4o-mini@openrouter");
        assertThat(local.items().stream().map(m -> m.asJsonObject().getString("id")))
                .containsExactly("llama3.2", "openai/gpt-4o-mini");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(unknown.json().getString("detail"))
                .isEqualTo("unknown provider 'nowhere'; installed: openai-compatible, openrouter");
    }

    @Test
    void aVersionNamesItsProviderEverywhereItIsShown() {
        ApiClient client = api.as(api.accounts().pro());
        client.post("/api/v1/prompts", Bodies.prompt("chosen"));

        ApiResponse ambiguous = client.post("/api/v1/prompts/chosen/versions", version(null, "openai/gpt-4o-mini"));
        ApiResponse named = client.post("/api/v1/prompts/chosen/versions", version("openai-compatible", "openai/gpt-4o-mini"));
        ApiResponse taken = client.post("/api/v1/prompts/chosen/versions", version(null, "llama3.2"));
        client.post("/api/v1/prompts/chosen/versions/1/promote", null);

        assertThat(ambiguous.status()).isEqualTo(400);
        JsonObject violation = ambiguous.json().getJsonArray("violations").getJsonObject(0);
        assertThat(violation.getString("field")).isEqualTo("provider");
        assertThat(violation.getString("message"))
                .isEqualTo("'openai/gpt-4o-mini' is offered by several providers (openai-compatible, openrouter): name one");
        assertThat(named.status()).as(named.toString()).isEqualTo(201);
        assertThat(named.json().getString("provider")).isEqualTo("openai-compatible");
        assertThat(taken.json().getString("provider")).isEqualTo("openai-compatible");
        assertThat(client.get("/api/v1/prompts/chosen/production").json().getString("provider"))
                .isEqualTo("openai-compatible");
        assertThat(client.post("/api/v1/prompts/chosen/render", "{\"variables\":{}}").json().getString("provider"))
                .isEqualTo("openai-compatible");
        JsonObject change = client.get("/api/v1/prompts/chosen/diff?from=1&to=2").json().getJsonArray("changes")
                .getValuesAs(JsonObject.class).stream().filter(c -> c.getString("field").equals("model"))
                .findFirst().orElseThrow();
        assertThat(change.getString("after")).isEqualTo("llama3.2");
    }

    @Test
    void aModelNoProviderOffersIsSavedWithoutProvider() {
        ApiClient client = api.as(api.accounts().pro());
        client.post("/api/v1/prompts", Bodies.prompt("later"));

        ApiResponse saved = client.post("/api/v1/prompts/later/versions", version(null, "vendor/coming-soon"));
        ApiResponse notInstalled = client.post("/api/v1/prompts/later/versions", version("nowhere", "llama3.2"));

        assertThat(saved.status()).isEqualTo(201);
        assertThat(saved.json().get("provider")).isEqualTo(JsonValue.NULL);
        assertThat(notInstalled.status()).isEqualTo(400);
        assertThat(notInstalled.json().getString("detail"))
                .isEqualTo("unknown provider 'nowhere'; installed: openai-compatible, openrouter");
    }

    private static String version(String provider, String model) {
        return """
                {"messages": [{"role": "user", "content": "Say hello."}], %s"model": "%s"}
                """.formatted(provider == null ? "" : "\"provider\": \"" + provider + "\", ", model);
    }
}
