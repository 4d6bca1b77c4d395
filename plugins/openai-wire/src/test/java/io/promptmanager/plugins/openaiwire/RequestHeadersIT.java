package io.promptmanager.plugins.openaiwire;

import io.promptmanager.plugin.model.ChatMessage;
import io.promptmanager.plugin.model.CompletionRequest;
import io.promptmanager.plugin.model.Credentials;
import io.promptmanager.plugin.model.GenerationParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The headers each request carries, whichever key, path and accepted type it has. */
@Timeout(20)
class RequestHeadersIT {
    private static final String ANSWER = "{\"id\":\"gen-1\",\"choices\":[{\"message\":{\"content\":\"Paris.\"}}]}";

    private RawUpstream upstream;
    private UpstreamHttp http;

    @AfterEach
    void close() throws IOException {
        http.close();
        upstream.close();
    }

    @Test
    void sendsTheKeyOfEachCallEvenWhenItChangesFromCallToCall() throws IOException {
        // given
        ChatCompletions chat = answeringChat(Map.of());
        String userKey = new String("user-key-1".toCharArray());

        // when
        chat.complete(request(), "system-key");
        chat.complete(request(), userKey);
        chat.complete(request(), new String("user-key-2".toCharArray()));
        chat.complete(request(), "system-key");
        chat.complete(request(), null);

        // then
        assertThat(upstream.heads()).hasSize(5);
        assertThat(upstream.heads().get(0)).contains("\r\nAuthorization: Bearer system-key\r\n");
        assertThat(upstream.heads().get(1)).contains("\r\nAuthorization: Bearer user-key-1\r\n");
        assertThat(upstream.heads().get(2)).contains("\r\nAuthorization: Bearer user-key-2\r\n");
        assertThat(upstream.heads().get(3)).contains("\r\nAuthorization: Bearer system-key\r\n");
        assertThat(upstream.heads().get(4)).doesNotContain("Authorization");
    }

    @Test
    void sendsThePluginsHeadersTheAcceptedTypeAndTheBodysTypeAndLengthOnce() throws IOException {
        // given
        ChatCompletions chat = answeringChat(Map.of("X-Title", "Prompt Manager", "HTTP-Referer", "https://pm.example"));

        // when
        chat.complete(request(), "k-1");

        // then
        String head = upstream.heads().getFirst();
        assertThat(head).startsWith("POST /v1/chat/completions HTTP/1.1\r\n")
                .contains("\r\nAccept: application/json\r\n", "\r\nX-Title: Prompt Manager\r\n",
                        "\r\nHTTP-Referer: https://pm.example\r\n", "\r\nContent-Type: application/json\r\n",
                        "\r\nContent-Length: ");
        assertThat(head.split("\r\nContent-Type: ", -1)).hasSize(2);
        assertThat(head.split("\r\nAccept: ", -1)).hasSize(2);
    }

    @Test
    void asksAStreamForEventsAndAGetForJsonWithoutABodyType() throws IOException {
        // given
        ChatCompletions chat = answeringChat(Map.of());

        // when
        chat.stream(request(), delta -> { }, "k-1");
        http.get("/models", "k-1", Instant.now().plusSeconds(10)).body().close();

        // then
        assertThat(upstream.heads().get(0)).contains("\r\nAccept: text/event-stream\r\n",
                "\r\nContent-Type: application/json\r\n");
        assertThat(upstream.heads().get(1)).startsWith("GET /v1/models HTTP/1.1\r\n")
                .contains("\r\nAccept: application/json\r\n", "\r\nAuthorization: Bearer k-1\r\n")
                .doesNotContain("Content-Type");
    }

    @Test
    void neverBreaksTheHeadWithLineBreaksInAHeaderValue() throws IOException {
        // given
        ChatCompletions chat = answeringChat(Map.of("X-Title", "Prompt\r\nInjected: yes"));

        // when
        chat.complete(request(), "k-1");

        // then
        assertThat(upstream.heads().getFirst()).contains("\r\nX-Title: Prompt  Injected: yes\r\n")
                .doesNotContain("\r\nInjected:");
    }

    private ChatCompletions answeringChat(Map<String, String> headers) throws IOException {
        upstream = new RawUpstream(out -> {
            RawUpstream.write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                    + ANSWER.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + ANSWER);
            return true;
        });
        http = new UpstreamHttp(new HttpSettings(upstream.baseUrl(), Duration.ofSeconds(2), Duration.ofSeconds(5), 0),
                UpstreamHttpIT.DIALECT, headers, Clock.systemUTC(), Duration.ofMillis(10));
        return new ChatCompletions(http, UpstreamHttpIT.DIALECT);
    }

    private static CompletionRequest request() {
        return new CompletionRequest("m", List.of(new ChatMessage("user", "Capital of France?")),
                GenerationParameters.defaults(), Credentials.system(), Instant.now().plusSeconds(10), "exec-1");
    }
}
