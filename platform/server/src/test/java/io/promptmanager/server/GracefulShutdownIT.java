package io.promptmanager.server;

import io.promptmanager.server.support.Account;
import io.promptmanager.server.support.RunningApi;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** close() lets a request that is being served finish, and then stops listening. */
class GracefulShutdownIT {

    @Test
    void requestInFlightWhenCloseIsCalledStillGetsItsAnswer() throws Exception {
        ApiServerSettings settings = ApiServerSettings.loopbackOnFreePort().withShutdownGracePeriod(Duration.ofSeconds(10));
        try (RunningApi api = RunningApi.start(settings); Socket socket = new Socket("127.0.0.1", api.server().port())) {
            Account pro = api.accounts().pro();
            int port = api.server().port();
            byte[] body = "{\"name\": \"in flight\"}".getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/api-keys HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + pro.key()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, 5);
            out.flush();
            Thread.sleep(300);

            Thread closer = Thread.ofPlatform().start(() -> api.server().close());
            Thread.sleep(300);
            boolean closeWaitedForTheRequest = closer.isAlive();
            out.write(body, 5, body.length - 5);
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            closer.join(Duration.ofSeconds(10));

            assertThat(closeWaitedForTheRequest).isTrue();
            assertThat(statusLine).isEqualTo("HTTP/1.1 201 Created");
            assertThat(closer.isAlive()).isFalse();
            assertThat(api.server().isRunning()).isFalse();
            assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
        }
    }
}
