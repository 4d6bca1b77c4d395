package io.promptmanager.server;

import io.promptmanager.core.apikey.Scope;
import io.promptmanager.core.plan.Plan;
import io.promptmanager.core.testing.StaticModelProvider;
import io.promptmanager.core.testing.TestPlatform;
import io.promptmanager.core.user.Role;
import io.promptmanager.plugin.model.ModelInfo;
import io.promptmanager.plugin.model.ModelPricing;
import io.promptmanager.server.support.ApiResponse;
import io.promptmanager.server.support.RunningApi;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/models}: the catalogue with exact prices and the caller's plan rule. */
class ModelsApiIT {
    private static RunningApi api;

    @BeforeAll
    static void start() {
        ModelInfo variable = new ModelInfo("router/auto", "Auto router", 0, new ModelPricing(null, null, null), false);
        api = RunningApi.start(TestPlatform.start(List.of(new StaticModelProvider("static", List.of(
                StaticModelProvider.premium("openai/gpt-4o-mini", "0.00000015", "0.0000006"),
                StaticModelProvider.free("meta/llama-3.3:free"), variable)))));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void listsEveryModelSortedByIdWithExactDecimalPrices() {
        ApiResponse response = api.as(api.accounts().pro()).get("/api/v1/models");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.items().stream().map(v -> v.asJsonObject().getString("id")))
                .containsExactly("meta/llama-3.3:free", "openai/gpt-4o-mini", "router/auto");
        JsonObject mini = response.items().getJsonObject(1);
        assertThat(mini.getString("name")).isEqualTo("Premium openai/gpt-4o-mini");
        assertThat(mini.getString("provider")).isEqualTo("static");
        assertThat(mini.getJsonNumber("contextLength").longValue()).isEqualTo(128_000);
        assertThat(mini.getJsonObject("pricing").getString("prompt")).isEqualTo("0.00000015");
        assertThat(mini.getJsonObject("pricing").getString("completion")).isEqualTo("0.0000006");
        assertThat(mini.getJsonObject("pricing").getString("request")).isEqualTo("0");
        assertThat(new BigDecimal(mini.getJsonObject("pricing").getString("prompt")))
                .isEqualByComparingTo("1.5E-7");
        assertThat(mini.getBoolean("free")).isFalse();
        assertThat(response.body()).doesNotContain("E-");
    }

    @Test
    void showsAnUnknownPriceAsNull() {
        JsonObject auto = api.as(api.accounts().pro()).get("/api/v1/models").items().getJsonObject(2);

        assertThat(auto.getJsonObject("pricing").get("prompt")).isEqualTo(JsonValue.NULL);
        assertThat(auto.getJsonObject("pricing").get("completion")).isEqualTo(JsonValue.NULL);
        assertThat(auto.getBoolean("free")).isFalse();
    }

    @Test
    void proUsersAndAdministratorsMayRunEveryModel() {
        var adminOnFreePlan = api.accounts().keyFor(api.accounts().user(Plan.FREE, Role.ADMIN), null, Set.of());

        for (var account : List.of(api.accounts().pro(), adminOnFreePlan)) {
            assertThat(api.as(account).get("/api/v1/models").items())
                    .allSatisfy(model -> assertThat(model.asJsonObject().getBoolean("allowed")).isTrue());
        }
    }

    @Test
    void needsTheReadScopeAndThePublicApi() {
        var user = api.accounts().user(Plan.PRO, Role.USER);
        var runOnly = api.accounts().keyFor(user, null, Set.of(Scope.EXECUTIONS_RUN));

        assertThat(api.as(runOnly).get("/api/v1/models").code()).isEqualTo("SCOPE_REQUIRED");
        assertThat(api.as(api.accounts().free()).get("/api/v1/models").code()).isEqualTo("PLAN_REQUIRED");
        assertThat(api.client().get("/api/v1/models").status()).isEqualTo(401);
    }
}
