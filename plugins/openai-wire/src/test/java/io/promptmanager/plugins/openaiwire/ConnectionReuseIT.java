package io.promptmanager.plugins.openaiwire;

import io.promptmanager.plugin.model.ProviderException;
import io.promptmanager.plugin.model.ProviderException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * When a pooled connection carries the next call, and when it is dropped: the upstream counts the
 * TCP connections it accepted.
 */
@Timeout(20)
class ConnectionReuseIT extends RawUpstreamTestSupport {
    private static final Duration READ_TIMEOUT = Duration.ofMillis(300);
    private static final String JSON = "application/json";

    @Test
    void sendsSequentialCallsOverOneConnection() throws IOException {
        // given
        upstream = new RawUpstream(answeringOk());
        ChatCompletions chat = chat(READ_TIMEOUT);

        // when
        for (int call = 0; call < 5; call++) {
            assertThat(completion(chat)).isEqualTo("Paris.");
        }

        // then
        assertThat(upstream.heads()).hasSize(5);
        assertThat(upstream.connections()).isEqualTo(1);
    }

    @Test
    void opensANewConnectionAfterAnAnswerThatSaidConnectionClose() throws IOException {
        // given a server that says it closes the connection after its first answer, but leaves it open
        upstream = new RawUpstream(firstThenOk(out -> {
            RawUpstream.write(out, ok(JSON, ANSWER).replaceFirst("\r\n", "\r\nConnection: close\r\n"));
            return true;
        }));
        ChatCompletions chat = chat(READ_TIMEOUT);

        // when
        completion(chat);

        // then
        answersTheNextCallOverANewConnection(chat);
    }

    @Test
    void opensANewConnectionAfterAnAnswerClosedBeforeItsEnd() throws IOException {
        // given a first answer with far more left than is read on closing
        upstream = new RawUpstream(firstThenOk(out -> {
            RawUpstream.write(out, ok(JSON, "{\"data\":\"" + "x".repeat(64 * 1024) + "\"}"));
            return true;
        }));
        ChatCompletions chat = chat(READ_TIMEOUT);

        // when
        http.get("/models", "k-1", Instant.now().plusSeconds(10)).body().close();

        // then
        answersTheNextCallOverANewConnection(chat);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("silencesLongerThanTheReadTimeout")
    void opensANewConnectionAfterAReadTimeout(String when, RawUpstream.Script firstAnswer, String message)
            throws IOException {
        // given a first request answered by a silence longer than the read timeout
        upstream = new RawUpstream(firstThenOk(firstAnswer));
        ChatCompletions chat = chat(READ_TIMEOUT);

        // when
        ProviderException e = failure(chat);

        // then
        assertThat(e.getMessage()).isEqualTo(message);
        answersTheNextCallOverANewConnection(chat);
    }

    static Stream<Arguments> silencesLongerThanTheReadTimeout() {
        RawUpstream.Script noAnswer = out -> {
            Thread.sleep(READ_TIMEOUT.multipliedBy(5));
            return false;
        };
        RawUpstream.Script halfAnAnswer = out -> {
            String answer = ok(JSON, ANSWER);
            RawUpstream.write(out, answer.substring(0, answer.length() - 20));
            return noAnswer.answer(out);
        };
        return Stream.of(
                Arguments.of("before the answer", noAnswer, "Upstream sent no answer within 300 ms (read-timeout)"),
                Arguments.of("in the middle of the answer", halfAnAnswer,
                        "Upstream sent nothing for 300 ms (read-timeout)"));
    }

    @Test
    void failsClearlyOnAPooledConnectionTheServerClosedAndUsesANewOneNext() throws Exception {
        // given a server that closes each connection 100 ms after answering: sooner than the pool
        // checks an idle connection (after 1 s), and too late for the client to know before sending
        upstream = new RawUpstream(out -> {
            RawUpstream.write(out, ok(JSON, ANSWER));
            Thread.sleep(100);
            return false;
        });
        ChatCompletions chat = chat(READ_TIMEOUT);
        completion(chat);
        Thread.sleep(400);

        // when the request is written to the closed connection (and, a POST, not sent again)
        ProviderException e = failure(chat);

        // then
        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).isEqualTo("The connection to Upstream failed before an answer");
        answersTheNextCallOverANewConnection(chat);
    }

    @Test
    void endsAnInterruptedCallAtOnceAndDropsItsConnection() throws Exception {
        // given a server that leaves its first request unanswered
        upstream = new RawUpstream(firstThenOk(out -> {
            Thread.sleep(Duration.ofSeconds(30));
            return false;
        }));
        ChatCompletions chat = chat(Duration.ofSeconds(30));
        AtomicReference<ProviderException> failure = new AtomicReference<>();
        Thread call = Thread.ofVirtual().start(() -> failure.set(failure(chat)));
        while (upstream.heads().isEmpty()) {
            Thread.sleep(10);
        }

        // when the call is abandoned, as the platform's deadline watchdog does
        call.interrupt();

        // then
        assertThat(call.join(Duration.ofSeconds(2))).isTrue();
        assertThat(failure.get().kind()).isEqualTo(Kind.INTERNAL);
        assertThat(failure.get().getMessage()).isEqualTo("The Upstream call was interrupted");
        answersTheNextCallOverANewConnection(chat);
    }

    private ChatCompletions chat(Duration readTimeout) {
        return chat(readTimeout, Map.of());
    }

    private void answersTheNextCallOverANewConnection(ChatCompletions chat) {
        assertThat(completion(chat)).isEqualTo("Paris.");
        assertThat(upstream.connections()).isEqualTo(2);
    }

    private static String completion(ChatCompletions chat) {
        return chat.complete(request(Duration.ofSeconds(10)), "k-1").text();
    }

    private static ProviderException failure(ChatCompletions chat) {
        return catchThrowableOfType(ProviderException.class, () -> completion(chat));
    }

    private static RawUpstream.Script answeringOk() {
        return out -> {
            RawUpstream.write(out, ok(JSON, ANSWER));
            return true;
        };
    }

    // The first request answered by the script given, every later one by the usual answer.
    private static RawUpstream.Script firstThenOk(RawUpstream.Script first) {
        AtomicInteger requests = new AtomicInteger();
        RawUpstream.Script ok = answeringOk();
        return out -> (requests.getAndIncrement() == 0 ? first : ok).answer(out);
    }
}
