package io.promptmanager.plugins.openaiwire;

import io.promptmanager.plugin.model.ProviderException;
import io.promptmanager.plugin.model.ProviderException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What goes over the wire, and how the deadline and pooled connections are kept. */
@Timeout(20)
class UpstreamHttpIT extends RawUpstreamTestSupport {
    @Test
    void sendsPlainHttp11WithoutUpgradeHeadersOnOneKeptConnection() throws IOException {
        // given
        upstream = new RawUpstream(out -> {
            RawUpstream.write(out, ok("application/json", ANSWER));
            return true;
        });
        ChatCompletions chat = chat(Duration.ofSeconds(5));

        // when
        chat.complete(request(Duration.ofSeconds(10)), "k-1");
        String text = chat.complete(request(Duration.ofSeconds(10)), "k-1").text();

        // then
        assertThat(text).isEqualTo("Paris.");
        assertThat(upstream.connections()).isEqualTo(1);
        assertThat(upstream.heads()).hasSize(2).allSatisfy(head -> {
            assertThat(head).startsWith("POST /v1/chat/completions HTTP/1.1\r\n")
                    .contains("\r\nAuthorization: Bearer k-1\r\n", "\r\nContent-Type: application/json\r\n");
            assertThat(head.toLowerCase()).doesNotContain("upgrade", "http2-settings", "accept-encoding", "cookie");
        });
    }

    @Test
    void stopsAStreamThatKeepsTricklingAtTheDeadline() throws IOException {
        // given keep-alive comments well within the read timeout, for ever
        upstream = new RawUpstream(out -> {
            RawUpstream.write(out, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n");
            while (true) {
                RawUpstream.write(out, chunk(": keep-alive\n\n"));
                Thread.sleep(50);
            }
        });
        ChatCompletions chat = chat(Duration.ofSeconds(5));

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> chat.stream(request(Duration.ofMillis(700)), delta -> { }, "k-1"));

        // then
        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(e.getMessage()).isEqualTo("Upstream did not finish answering before the deadline");
    }

    @Test
    void stopsAWholeAnswerThatKeepsTricklingAtTheDeadline() throws IOException {
        // given an answer announced whole, sent a byte at a time
        upstream = new RawUpstream(out -> {
            RawUpstream.write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                    + ANSWER.length() + "\r\n\r\n");
            for (char c : ANSWER.toCharArray()) {
                RawUpstream.write(out, String.valueOf(c));
                Thread.sleep(50);
            }
            return true;
        });
        ChatCompletions chat = chat(Duration.ofSeconds(5));

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> chat.complete(request(Duration.ofMillis(700)), "k-1"));

        // then
        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(e.getMessage()).contains("deadline");
    }

    @Test
    void neverSendsAPostAgainWhenTheConnectionDropsBeforeAnAnswer() throws IOException {
        // given a server that reads the request and hangs up
        upstream = new RawUpstream(out -> false);
        ChatCompletions chat = chat(Duration.ofSeconds(5));

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> chat.complete(request(Duration.ofSeconds(10)), "k-1"));

        // then
        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.getMessage()).isEqualTo("The connection to Upstream failed before an answer");
        assertThat(upstream.heads()).hasSize(1);
    }

    @Test
    void opensANewConnectionWhenTheServerClosedTheIdleOne() throws Exception {
        // given a server that closes each connection a moment after answering, as keep-alive timeouts do
        upstream = new RawUpstream(out -> {
            RawUpstream.write(out, ok("application/json", ANSWER));
            Thread.sleep(200);
            return false;
        });
        ChatCompletions chat = chat(Duration.ofSeconds(5));
        chat.complete(request(Duration.ofSeconds(10)), "k-1");
        Thread.sleep(1500); // idle past the pool's validate-after-inactivity

        // when
        String text = chat.complete(request(Duration.ofSeconds(10)), "k-1").text();

        // then
        assertThat(text).isEqualTo("Paris.");
        assertThat(upstream.connections()).isEqualTo(2);
        assertThat(upstream.heads()).hasSize(2);
    }

    @Test
    void keepsTheConnectionOfAStreamReadToItsDone() throws IOException {
        // given
        String events = "data: {\"id\":\"g\",\"choices\":[{\"delta\":{\"content\":\"Hi\"},\"finish_reason\":\"stop\"}]}\n\n"
                + "data: [DONE]\n\n";
        upstream = new RawUpstream(out -> {
            RawUpstream.write(out, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n" + chunk(events) + "0\r\n\r\n");
            return true;
        });
        ChatCompletions chat = chat(Duration.ofSeconds(5));

        // when
        chat.stream(request(Duration.ofSeconds(10)), delta -> { }, "k-1");
        String text = chat.stream(request(Duration.ofSeconds(10)), delta -> { }, "k-1").text();

        // then
        assertThat(text).isEqualTo("Hi");
        assertThat(upstream.connections()).isEqualTo(1);
    }

    @Test
    @Timeout(5)
    void answersAtOnceWhenAStreamSaysDoneButNeverEnds() throws IOException {
        // given a stream whose body stays open after its "[DONE]", a read timeout far off
        String events = "data: {\"id\":\"g\",\"choices\":[{\"delta\":{\"content\":\"Hi\"},\"finish_reason\":\"stop\"}]}\n\n"
                + "data: [DONE]\n\n";
        upstream = new RawUpstream(out -> {
            RawUpstream.write(out, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n" + chunk(events));
            Thread.sleep(60_000);
            return false;
        });
        ChatCompletions chat = chat(Duration.ofSeconds(30));

        // when
        String text = chat.stream(request(Duration.ofSeconds(30)), delta -> { }, "k-1").text();

        // then the answer is complete; the unfinished connection is dropped, not kept
        assertThat(text).isEqualTo("Hi");
        chat.stream(request(Duration.ofSeconds(30)), delta -> { }, "k-1");
        assertThat(upstream.connections()).isEqualTo(2);
    }

    private ChatCompletions chat(Duration readTimeout) {
        return chat(readTimeout, Map.of());
    }

    private static String chunk(String text) {
        return Integer.toHexString(text.getBytes(StandardCharsets.UTF_8).length) + "\r\n" + text + "\r\n";
    }
}
