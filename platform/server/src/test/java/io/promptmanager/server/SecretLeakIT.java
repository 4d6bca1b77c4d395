package io.promptmanager.server;

import io.promptmanager.server.support.Account;
import io.promptmanager.server.support.ApiClient;
import io.promptmanager.server.support.ApiResponse;
import io.promptmanager.server.support.Bodies;
import io.promptmanager.server.support.LogCapture;
import io.promptmanager.server.support.RunningApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An API key's secret is in its create response and nowhere else: no other response, no log line. */
class SecretLeakIT {
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
    void secretAppearsOnlyInTheCreateResponseAndNeverInTheLogs() {
        try (LogCapture log = LogCapture.start()) {
            Account pro = api.accounts().pro();
            ApiClient admin = api.as(api.accounts().admin());
            ApiResponse created = api.as(pro).post("/api/v1/api-keys", "{\"name\": \"leak check\"}");
            ApiResponse provisioned = admin.post("/api/v1/admin/users/" + pro.id() + "/api-keys",
                    "{\"name\": \"provisioned\"}");
            String secret = created.json().getString("key");
            String provisionedSecret = provisioned.json().getString("key");
            String keyId = created.json().getString("id");
            ApiClient withSecret = api.client().withKey(secret);

            List<ApiResponse> responses = new ArrayList<>();
            responses.add(withSecret.get("/api/v1/me"));
            responses.add(withSecret.get("/api/v1/api-keys"));
            responses.add(withSecret.post("/api/v1/categories", Bodies.category("leaks")));
            responses.add(withSecret.post("/api/v1/categories", "{\"name\": \"x\", \"key\": \"" + secret + "\"}"));
            responses.add(withSecret.get("/api/v1/me?api_key=" + secret));
            responses.add(withSecret.get("/api/v1/nowhere"));
            responses.add(api.client().withKey(secret + "x").get("/api/v1/me"));
            responses.add(api.client().withKey(provisionedSecret).get("/api/v1/me"));
            responses.add(withSecret.delete("/api/v1/api-keys/" + keyId));
            responses.add(withSecret.get("/api/v1/me"));
            responses.add(api.as(pro).get("/api/v1/audit?limit=100"));
            responses.add(admin.get("/api/v1/admin/audit?limit=100"));
            responses.add(admin.get("/api/v1/admin/users/" + pro.id()));

            for (ApiResponse response : responses) {
                String everything = response.body() + response.headers().map();
                assertThat(everything).as(response.toString()).doesNotContain(secret).doesNotContain(provisionedSecret);
            }
            assertThat(created.body()).contains(secret);
            assertThat(log.text()).as("the capture sees the platform's log").contains("credentials in its query");
            assertThat(log.text()).doesNotContain(secret).doesNotContain(provisionedSecret);
        }
    }
}
