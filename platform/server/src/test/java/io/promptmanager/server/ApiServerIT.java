package io.promptmanager.server;

import io.promptmanager.core.db.StartupException;
import io.promptmanager.core.testing.TestPlatform;
import io.promptmanager.server.support.ApiResponse;
import io.promptmanager.server.support.RunningApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiServerIT {
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
    void bindsAFreePortWhenAskedForPortZero() {
        assertThat(api.server().port()).isPositive();
        assertThat(api.server().isRunning()).isTrue();
    }

    @Test
    void failsWithOneLineReasonWhenThePortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             TestPlatform platform = TestPlatform.start()) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> ApiServer.start(ApiServerSettings.loopbackOnFreePort().withPort(port),
                    platform.services()))
                    .isInstanceOf(StartupException.class)
                    .hasMessage("API port " + port + " is already in use");
        }
    }

    @Test
    void healthIsUpAndIncludesTheDatabaseReadinessCheck() {
        ApiResponse health = api.client().get("/observe/health");
        ApiResponse ready = api.client().get("/observe/health/ready");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().getString("status")).isEqualTo("UP");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.body()).contains("\"database\"");
    }

    @Test
    void readinessIsDownWhenTheDatabaseIsUnreachable() {
        try (RunningApi broken = RunningApi.start()) {
            broken.platform().database().close();

            ApiResponse ready = broken.client().get("/observe/health/ready");

            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.body()).contains("DOWN").contains("\"database\"");
        }
    }

    @Test
    void metricsAreServedInPrometheusTextFormat() {
        ApiResponse metrics = api.client().withHeader("Accept", "text/plain").get("/observe/metrics");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain");
        assertThat(metrics.body()).contains("# TYPE ");
    }

    @Test
    void servesTheOpenApiDocument() {
        ApiResponse document = api.client().get("/openapi");

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.body()).contains("openapi: 3.1.0").contains("/api/v1/prompts/{name}/production");
    }

    @Test
    void unknownPathOutsideTheApiIsAProblem404() {
        ApiResponse response = api.client().get("/no/such/thing");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("NOT_FOUND");
    }
}
