package io.promptmanager.plugins.openrouter;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.promptmanager.plugin.model.CompletionResult;
import io.promptmanager.plugin.model.Credentials;
import io.promptmanager.plugin.model.ProviderException;
import io.promptmanager.plugin.model.ProviderException.Kind;
import io.promptmanager.plugin.model.TokenUsage;
import io.promptmanager.plugins.openaiwire.testing.FakeUpstream;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.promptmanager.plugins.openaiwire.testing.FakeUpstream.sse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** POST /chat/completions with {@code stream: true}: Server-Sent Events. */
class StreamingIT extends ProviderTestSupport {
    private final List<String> deltas = new ArrayList<>();

    @Test
    void deliversDeltasInOrderSkippingKeepAlivesAndReadsUsageFromAFinalChunkWithNoChoices() {
        // given
        start();
        fake.replies("/chat/completions", sse(fixture("stream-usage-empty-choices.txt")));

        // when
        CompletionResult result = provider.stream(request(Credentials.system()), deltas::add);

        // then
        assertThat(deltas).containsExactly("Hello", " world", "!");
        assertThat(result.text()).isEqualTo("Hello world!");
        assertThat(result.finishReason()).isEqualTo("stop");
        assertThat(result.providerRequestId()).isEqualTo("gen-1778031306-UD7bR0I1JNCsPvVzlXat");
        assertThat(result.model()).isEqualTo("openai/gpt-4o-mini");
        assertThat(result.usage()).isEqualTo(new TokenUsage(22, 3, new BigDecimal("0.0000045"), false, null));
    }

    @Test
    void readsUsageFromAFinalChunkWithOneEmptyDelta() {
        // given
        start();
        fake.replies("/chat/completions", sse(fixture("stream-usage-empty-delta.txt")));

        // when
        CompletionResult result = provider.stream(request(Credentials.user(USER_KEY)), deltas::add);

        // then
        assertThat(deltas).containsExactly("Hello", "!");
        assertThat(result.finishReason()).isEqualTo("length");
        assertThat(result.usage()).isEqualTo(new TokenUsage(22, 2, new BigDecimal("0.95"), true, new BigDecimal("19")));
    }

    @Test
    void handlesEventsSplitAcrossNetworkWritesAndCrLfLineEnds() {
        // given the same stream cut at arbitrary bytes, with CRLF line ends
        start();
        String body = fixture("stream-usage-empty-choices.txt").replace("\n", "\r\n");
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < body.length(); i += 37) {
            pieces.add(body.substring(i, Math.min(body.length(), i + 37)));
        }
        fake.replies("/chat/completions", sse(pieces, Duration.ofMillis(1), false));

        // when
        CompletionResult result = provider.stream(request(Credentials.system()), deltas::add);

        // then
        assertThat(deltas).containsExactly("Hello", " world", "!");
        assertThat(result.usage().cost()).isEqualTo(new BigDecimal("0.0000045"));
    }

    @Test
    void asksForAStreamWithUsage() throws Exception {
        // given
        start();
        fake.replies("/chat/completions", sse(fixture("stream-usage-empty-choices.txt")));

        // when
        provider.stream(request(Credentials.system()), deltas::add);

        // then
        FakeUpstream.Recorded sent = fake.requests("/chat/completions").getFirst();
        assertThat(sent.header("Accept")).isEqualTo("text/event-stream");
        var body = new ObjectMapper().readTree(sent.body());
        assertThat(body.get("stream").asBoolean()).isTrue();
        assertThat(body.get("usage").get("include").asBoolean()).isTrue();
    }

    @Test
    void failsWithStreamErrorOnAnErrorChunkAfterDeltas() {
        // given
        start();
        fake.replies("/chat/completions", sse(fixture("stream-mid-error.txt")));

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.stream(request(Credentials.system()), deltas::add));

        // then
        assertThat(deltas).containsExactly("Once upon", " a time");
        assertThat(e.kind()).isEqualTo(Kind.STREAM_ERROR);
        assertThat(e.streamStarted()).isTrue();
        assertThat(e.retryable()).isTrue();
        assertThat(e.upstreamStatus()).isEqualTo(200);
        assertThat(e.getMessage()).contains("Rate limit exceeded");
        assertThat(fake.requests("/chat/completions")).as("never retried once streaming started").hasSize(1);
    }

    @Test
    void failsWithStreamErrorOnTheWordCodedErrorChunk() {
        // given
        start();
        fake.replies("/chat/completions", sse(fixture("stream-mid-error-server.txt")));

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.stream(request(Credentials.system()), deltas::add));

        // then
        assertThat(deltas).containsExactly("Partial");
        assertThat(e.kind()).isEqualTo(Kind.STREAM_ERROR);
        assertThat(e.streamStarted()).isTrue();
        assertThat(e.getMessage()).contains("Provider disconnected unexpectedly");
    }

    @Test
    void saysTheStreamHadNotStartedWhenTheErrorChunkComesFirst() {
        // given
        start();
        String body = fixture("stream-mid-error.txt");
        fake.replies("/chat/completions", sse(body.substring(body.lastIndexOf("data: "))));

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.stream(request(Credentials.system()), deltas::add));

        // then
        assertThat(e.kind()).isEqualTo(Kind.STREAM_ERROR);
        assertThat(e.streamStarted()).isFalse();
        assertThat(deltas).isEmpty();
    }

    @Test
    void failsWhenTheStreamEndsBeforeTheAnswerIsComplete() {
        // given a stream cut after two deltas: no finish_reason, no [DONE]
        start("max-retries", "2");
        String body = fixture("stream-usage-empty-choices.txt");
        fake.replies("/chat/completions", sse(body.substring(0, body.indexOf("data: ", body.indexOf("world")))));

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.stream(request(Credentials.system()), deltas::add));

        // then
        assertThat(deltas).containsExactly("Hello", " world");
        assertThat(e.kind()).isEqualTo(Kind.STREAM_ERROR);
        assertThat(e.streamStarted()).isTrue();
        assertThat(fake.requests("/chat/completions")).as("never retried once streaming started").hasSize(1);
    }

    @Test
    void rejectsAChunkThatIsNotJsonAsMalformed() {
        // given
        start();
        String body = fixture("stream-usage-empty-choices.txt").replace("{\"index\":0,\"delta\":{\"content\":\"!\"",
                "{\"index\":0,,\"delta\":{\"content\":\"!\"");
        fake.replies("/chat/completions", sse(body));

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.stream(request(Credentials.system()), deltas::add));

        // then
        assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
        assertThat(e.streamStarted()).isTrue();
        assertThat(deltas).containsExactly("Hello", " world");
    }

    @Test
    void rethrowsTheListenersOwnExceptionUnchangedAndStopsReading() {
        // given
        start();
        fake.replies("/chat/completions", sse(fixture("stream-usage-empty-choices.txt")));
        IllegalStateException clientGone = new IllegalStateException("client went away");

        // when
        Throwable thrown = catchThrowableOfType(IllegalStateException.class, () ->
                provider.stream(request(Credentials.system()), delta -> {
                    deltas.add(delta);
                    throw clientGone;
                }));

        // then
        assertThat(thrown).isSameAs(clientGone);
        assertThat(deltas).containsExactly("Hello");
    }

    @Test
    void deliversAnAnswerThatCameInOnePieceAsOneDelta() {
        // given an OpenRouter-compatible server that ignores stream: true
        start();
        fake.replies("/chat/completions", FakeUpstream.json(200, fixture("chat-completion.json")));

        // when
        CompletionResult result = provider.stream(request(Credentials.system()), deltas::add);

        // then
        assertThat(deltas).containsExactly("The capital of France is Paris.");
        assertThat(result.usage().cost()).isEqualTo(new BigDecimal("0.0012"));
    }
}
