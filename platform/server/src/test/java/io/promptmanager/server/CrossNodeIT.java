package io.promptmanager.server;

import io.promptmanager.core.CoreServices;
import io.promptmanager.server.support.Account;
import io.promptmanager.server.support.ApiClient;
import io.promptmanager.server.support.ApiResponse;
import io.promptmanager.server.support.Bodies;
import io.promptmanager.server.support.RunningApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Two API nodes on one database: a promote on one is served by the other within a second. */
class CrossNodeIT {
    private static final String PRODUCTION = "/api/v1/prompts/polled/production";

    private static RunningApi nodeA;
    private static CoreServices nodeBCore;
    private static ApiServer nodeB;

    @BeforeAll
    static void start() {
        nodeA = RunningApi.start();
        nodeBCore = nodeA.platform().secondNode();
        nodeB = ApiServer.start(ApiServerSettings.loopbackOnFreePort(), nodeBCore);
    }

    @AfterAll
    static void stop() {
        nodeB.close();
        nodeBCore.close();
        nodeA.close();
    }

    @Test
    void clientPollingNodeBSeesAPromoteMadeOnNodeAWithinOneSecond() throws InterruptedException {
        Account owner = nodeA.accounts().pro();
        ApiClient onA = nodeA.as(owner);
        ApiClient onB = ApiClient.of(nodeB.port()).withKey(owner.key());
        onA.post("/api/v1/prompts", Bodies.prompt("polled"));
        onA.post("/api/v1/prompts/polled/versions", Bodies.version("First."));
        onA.post("/api/v1/prompts/polled/versions/1/promote", null);
        onA.post("/api/v1/prompts/polled/versions", Bodies.version("Second."));
        ApiResponse cached = onB.get(PRODUCTION);
        String firstTag = cached.header("ETag").orElseThrow();
        assertThat(cached.json().getInt("number")).isEqualTo(1);
        assertThat(onB.withHeader("If-None-Match", firstTag).get(PRODUCTION).status()).isEqualTo(304);

        long promotedAt = System.nanoTime();
        assertThat(onA.post("/api/v1/prompts/polled/versions/2/promote", null).status()).isEqualTo(200);
        assertThat(onA.get(PRODUCTION).json().getInt("number")).as("same node, at once").isEqualTo(2);
        ApiResponse seen = pollUntilChanged(onB.withHeader("If-None-Match", firstTag), Duration.ofSeconds(1));
        Duration lag = Duration.ofNanos(System.nanoTime() - promotedAt);

        assertThat(seen.status()).as("node B answered within 1 s: " + seen).isEqualTo(200);
        assertThat(seen.json().getInt("number")).isEqualTo(2);
        assertThat(seen.header("ETag")).isPresent().get().isNotEqualTo(firstTag);
        assertThat(lag).isLessThan(Duration.ofSeconds(1));
    }

    private static ApiResponse pollUntilChanged(ApiClient client, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        ApiResponse last = client.get(PRODUCTION);
        while (last.status() == 304 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            last = client.get(PRODUCTION);
        }
        return last;
    }
}
