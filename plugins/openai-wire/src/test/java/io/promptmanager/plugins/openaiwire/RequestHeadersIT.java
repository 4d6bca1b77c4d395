package io.promptmanager.plugins.openaiwire;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The headers each request carries, whichever key, path and accepted type it has. */
@Timeout(20)
class RequestHeadersIT extends RawUpstreamTestSupport {
    @Test
    void sendsTheKeyOfEachCallEvenWhenItChangesFromCallToCall() throws IOException {
        // given
        ChatCompletions chat = answeringChat(Map.of());
        String userKey = new String("user-key-1".toCharArray());

        // when
        chat.complete(request(Duration.ofSeconds(10)), "system-key");
        chat.complete(request(Duration.ofSeconds(10)), userKey);
        chat.complete(request(Duration.ofSeconds(10)), new String("user-key-2".toCharArray()));
        chat.complete(request(Duration.ofSeconds(10)), "system-key");
        chat.complete(request(Duration.ofSeconds(10)), null);

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
        chat.complete(request(Duration.ofSeconds(10)), "k-1");

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
    void namesTheHostAsksToKeepTheConnectionAndSaysWhichClientAsHttpClientItselfWould() throws IOException {
        // given
        ChatCompletions chat = answeringChat(Map.of());

        // when
        chat.complete(request(Duration.ofSeconds(10)), "k-1");
        http.get("/models", null, Instant.now().plusSeconds(10)).body().close();

        // then
        assertThat(upstream.heads()).hasSize(2).allSatisfy(head -> {
            assertThat(head).contains("\r\nHost: 127.0.0.1:" + upstream.baseUrl().getPort() + "\r\n",
                    "\r\nConnection: keep-alive\r\n", "\r\nUser-Agent: Apache-HttpClient/5.");
            assertThat(head.split("\r\nHost: ", -1)).hasSize(2);
            assertThat(head.split("\r\nUser-Agent: ", -1)).hasSize(2);
        });
    }

    @Test
    void asksAStreamForEventsAndAGetForJsonWithoutABodyType() throws IOException {
        // given
        ChatCompletions chat = answeringChat(Map.of());

        // when
        chat.stream(request(Duration.ofSeconds(10)), delta -> { }, "k-1");
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
        chat.complete(request(Duration.ofSeconds(10)), "k-1");

        // then
        assertThat(upstream.heads().getFirst()).contains("\r\nX-Title: Prompt  Injected: yes\r\n")
                .doesNotContain("\r\nInjected:");
    }

    private ChatCompletions answeringChat(Map<String, String> headers) throws IOException {
        upstream = new RawUpstream(out -> {
            RawUpstream.write(out, ok("application/json", ANSWER));
            return true;
        });
        return chat(Duration.ofSeconds(5), headers);
    }
}
