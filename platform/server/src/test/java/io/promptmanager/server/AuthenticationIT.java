package io.promptmanager.server;

import io.promptmanager.core.apikey.Scope;
import io.promptmanager.core.plan.Plan;
import io.promptmanager.core.user.Role;
import io.promptmanager.server.support.Account;
import io.promptmanager.server.support.ApiClient;
import io.promptmanager.server.support.ApiResponse;
import io.promptmanager.server.support.RunningApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may use the API: PRO users and administrators, with a live key of theirs. */
class AuthenticationIT {
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
    void proUserIsAuthenticatedAsTheOwnerOfTheKey() {
        Account pro = api.accounts().pro();

        ApiResponse me = api.as(pro).get("/api/v1/me");

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().getJsonObject("user").getString("id")).isEqualTo(pro.id().toString());
        assertThat(me.json().getString("plan")).isEqualTo("PRO");
        assertThat(me.json().getJsonObject("apiKey").getString("id")).isEqualTo(pro.keyId().toString());
    }

    @Test
    void freeUserIsRefusedWithPlanRequired() {
        Account free = api.accounts().free();

        ApiResponse response = api.as(free).get("/api/v1/me");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("PLAN_REQUIRED");
    }

    @Test
    void downgradeToFreeStopsTheKeysAndUpgradeRestoresThem() {
        Account pro = api.accounts().pro();
        String user = "/api/v1/admin/users/" + pro.id();

        assertThat(admin.patch(user, "{\"plan\": \"FREE\"}").status()).isEqualTo(200);
        ApiResponse whileFree = api.as(pro).get("/api/v1/me");
        assertThat(admin.patch(user, "{\"plan\": \"PRO\"}").status()).isEqualTo(200);
        ApiResponse afterUpgrade = api.as(pro).get("/api/v1/me");

        assertThat(whileFree.status()).isEqualTo(403);
        assertThat(whileFree.code()).isEqualTo("PLAN_REQUIRED");
        assertThat(afterUpgrade.status()).isEqualTo(200);
    }

    @Test
    void administratorOnTheFreePlanMayUseTheApi() {
        var freeAdmin = api.accounts().user(Plan.FREE, Role.ADMIN);
        Account account = api.accounts().keyFor(freeAdmin, null, Set.of());

        ApiResponse me = api.as(account).get("/api/v1/me");

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().getString("plan")).isEqualTo("FREE");
    }

    @Test
    void revokedKeyIsUnauthenticated() {
        ApiClient owner = api.as(api.accounts().pro());
        var created = owner.post("/api/v1/api-keys", "{\"name\": \"short-lived\"}").json();
        ApiClient withNewKey = api.client().withKey(created.getString("key"));
        assertThat(withNewKey.get("/api/v1/me").status()).isEqualTo(200);

        assertThat(owner.delete("/api/v1/api-keys/" + created.getString("id")).status()).isEqualTo(204);
        ApiResponse afterRevoke = withNewKey.get("/api/v1/me");

        assertThat(afterRevoke.status()).isEqualTo(401);
        assertThat(afterRevoke.code()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void expiredKeyIsUnauthenticated() throws InterruptedException {
        var user = api.accounts().user(Plan.PRO, Role.USER);
        Instant expiry = Instant.now().plusMillis(1500);
        Account account = api.accounts().keyFor(user, expiry, Set.of());
        assertThat(api.as(account).get("/api/v1/me").status()).isEqualTo(200);

        Thread.sleep(Math.max(0, expiry.toEpochMilli() - System.currentTimeMillis()) + 300);
        ApiResponse afterExpiry = api.as(account).get("/api/v1/me");

        assertThat(afterExpiry.status()).isEqualTo(401);
        assertThat(afterExpiry.code()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void disabledAccountIsRefused() {
        Account pro = api.accounts().pro();

        admin.patch("/api/v1/admin/users/" + pro.id(), "{\"disabled\": true}");
        ApiResponse response = api.as(pro).get("/api/v1/me");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("ACCOUNT_DISABLED");
    }

    @Test
    void keyWithoutTheNeededScopeIsRefusedWithScopeRequired() {
        var user = api.accounts().user(Plan.PRO, Role.USER);
        Account readOnly = api.accounts().keyFor(user, null, Set.of(Scope.PROMPTS_READ));

        ApiResponse response = api.as(readOnly).get("/api/v1/api-keys");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("SCOPE_REQUIRED");
    }

    @Test
    void meShowsEntitlementsAndTodaysUsage() {
        var me = api.as(api.accounts().pro()).get("/api/v1/me").json();

        assertThat(me.getJsonObject("entitlements").getBoolean("publicApi")).isTrue();
        assertThat(me.getJsonObject("entitlements").isNull("dailyExecutions")).isTrue();
        assertThat(me.getJsonObject("usage").getInt("used")).isZero();
        assertThat(Instant.parse(me.getJsonObject("usage").getString("resetsAt"))).isAfter(Instant.now());
        assertThat(me.getJsonObject("user").containsKey("passwordHash")).isFalse();
    }
}
