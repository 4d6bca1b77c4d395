package io.promptmanager.ui;

import io.promptmanager.core.db.StartupException;
import io.promptmanager.core.testing.TestPlatform;
import io.promptmanager.core.user.AccountSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsoleServerIT {
    private static TestPlatform platform;
    private static ConsoleContext context;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startPlatform() {
        platform = TestPlatform.start();
        context = new ConsoleContext(platform.services(), AccountSettings.defaults());
    }

    @AfterAll
    static void stopPlatform() {
        platform.close();
    }

    @Test
    void servesTheConsoleOnTheRandomPortItReports() throws Exception {
        // given
        try (ConsoleServer console = ConsoleServer.start(ConsoleSettings.loopbackRandomPort(), context)) {

            // when
            HttpResponse<String> page = get(console.uri().resolve("login"));

            // then
            assertThat(console.port()).isPositive();
            assertThat(console.uri()).isEqualTo(URI.create("http://127.0.0.1:" + console.port() + "/"));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<title>Prompt Manager</title>");
            assertThat(page.headers().firstValue("Server")).isEmpty();
            assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
    }

    @Test
    void portInUseFailsWithOneLine() throws IOException {
        // given
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ConsoleSettings settings = ConsoleSettings.loopbackRandomPort().withPort(taken.getLocalPort());

            // when / then
            assertThatThrownBy(() -> ConsoleServer.start(settings, context))
                    .isInstanceOf(StartupException.class)
                    .hasMessage("Console port " + taken.getLocalPort() + " is already in use");
        }
    }

    @Test
    void closeFreesThePortAndMayBeCalledTwice() throws IOException {
        // given
        ConsoleServer console = ConsoleServer.start(ConsoleSettings.loopbackRandomPort(), context);
        int port = console.port();

        // when
        console.close();
        console.close();

        // then
        assertThat(console.isRunning()).isFalse();
        try (ServerSocket again = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
