package io.promptmanager.plugins.openrouter;

import io.promptmanager.plugin.model.CompletionResult;
import io.promptmanager.plugin.model.Credentials;
import io.promptmanager.plugin.model.ProviderException;
import io.promptmanager.plugin.model.ProviderException.Kind;
import io.promptmanager.plugins.openaiwire.testing.FakeUpstream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.promptmanager.plugins.openaiwire.testing.FakeUpstream.json;
import static io.promptmanager.plugins.openaiwire.testing.FakeUpstream.sse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Retries: only before any answer began, only for what may pass, never past the deadline. */
class RetryIT extends ProviderTestSupport {

    @ParameterizedTest(name = "HTTP {0} then success")
    @ValueSource(ints = {408, 429, 502, 503})
    void retriesARetryableStatusAndThenSucceeds(int status) {
        // given
        start("max-retries", "2");
        fake.replies("/chat/completions",
                json(status, fixture("error-" + status + ".json")),
                json(200, fixture("chat-completion.json")));

        // when
        CompletionResult result = provider.complete(request(Credentials.system()));

        // then
        assertThat(result.text()).isEqualTo("The capital of France is Paris.");
        assertThat(fake.requests("/chat/completions")).hasSize(2);
    }

    @Test
    void waitsAsRetryAfterSaysBeforeTryingAgain() {
        // given
        start("max-retries", "1");
        fake.replies("/chat/completions",
                json(429, fixture("error-429.json"), "Retry-After", "1"),
                json(200, fixture("chat-completion.json")));
        long started = System.nanoTime();

        // when
        provider.complete(request(Credentials.system()));

        // then
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(fake.requests("/chat/completions")).hasSize(2);
    }

    @Test
    void givesUpAtOnceWhenRetryAfterWouldEndPastTheDeadline() {
        // given
        start("max-retries", "2");
        fake.replies("/chat/completions", json(503, fixture("error-503.json"), "Retry-After", "30"));

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.complete(request(Credentials.system(), Duration.ofSeconds(3))));

        // then
        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(fake.requests("/chat/completions")).hasSize(1);
    }

    @Test
    void stopsAfterMaxRetriesAndReportsTheLastFailure() {
        // given
        start("max-retries", "2");
        fake.replies("/chat/completions", json(502, fixture("error-502.json")));

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.complete(request(Credentials.system())));

        // then
        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(fake.requests("/chat/completions")).hasSize(3);
    }

    @ParameterizedTest(name = "HTTP {0} is never retried")
    @ValueSource(ints = {400, 401, 402, 403})
    void neverRetriesWhatCannotPass(int status) {
        // given
        start("max-retries", "2");
        String fixture = status == 403 ? "error-403-moderation.json" : "error-" + status + ".json";
        fake.replies("/chat/completions", json(status, fixture(fixture)),
                json(200, fixture("chat-completion.json")));

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.complete(request(Credentials.system())));

        // then
        assertThat(e.retryable()).isFalse();
        assertThat(fake.requests("/chat/completions")).hasSize(1);
    }

    @Test
    void neverRetriesAfterStreamingStarted() {
        // given a stream broken off after one delta, then a good one queued
        start("max-retries", "2");
        String body = fixture("stream-usage-empty-choices.txt");
        fake.replies("/chat/completions",
                sse(body.substring(0, body.indexOf("data: ", body.indexOf("Hello")))),
                sse(body));
        List<String> deltas = new ArrayList<>();

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.stream(request(Credentials.system()), deltas::add));

        // then
        assertThat(e.streamStarted()).isTrue();
        assertThat(deltas).containsExactly("Hello");
        assertThat(fake.requests("/chat/completions")).hasSize(1);
    }

    @Test
    void retriesAStreamedCallRefusedBeforeItsFirstByte() {
        // given
        start("max-retries", "1");
        fake.replies("/chat/completions", json(503, fixture("error-503.json")),
                sse(fixture("stream-usage-empty-choices.txt")));
        List<String> deltas = new ArrayList<>();

        // when
        CompletionResult result = provider.stream(request(Credentials.system()), deltas::add);

        // then
        assertThat(result.text()).isEqualTo("Hello world!");
        assertThat(deltas).containsExactly("Hello", " world", "!");
        assertThat(fake.requests("/chat/completions")).hasSize(2);
    }

    @Test
    void retriesAConnectionDroppedBeforeAnyAnswer() {
        // given
        start("max-retries", "1");
        fake.replies("/chat/completions", FakeUpstream.hangUp(), json(200, fixture("chat-completion.json")));

        // when
        CompletionResult result = provider.complete(request(Credentials.system()));

        // then
        assertThat(result.text()).isEqualTo("The capital of France is Paris.");
        assertThat(fake.requests("/chat/completions")).hasSize(2);
    }

    @Test
    void reportsUnavailableWhenNothingListens() throws IOException {
        // given a port nobody listens on
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        start("base-url", "http://127.0.0.1:" + closedPort + "/api/v1", "max-retries", "1");

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.complete(request(Credentials.system())));

        // then
        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.retryable()).isTrue();
        assertThat(e.upstreamStatus()).isZero();
        assertThat(e.getMessage()).doesNotContain(SYSTEM_KEY);
    }
}
