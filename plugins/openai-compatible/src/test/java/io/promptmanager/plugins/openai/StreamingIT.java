package io.promptmanager.plugins.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.promptmanager.plugin.model.CompletionResult;
import io.promptmanager.plugin.model.Credentials;
import io.promptmanager.plugin.model.ProviderException;
import io.promptmanager.plugin.model.ProviderException.Kind;
import io.promptmanager.plugin.model.TokenUsage;
import io.promptmanager.plugins.openaiwire.testing.FakeUpstream;
import org.junit.jupiter.api.Test;

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
    void deliversDeltasInOrderAndReadsUsageFromTheFinalChunkWithNoChoices() {
        // given
        start();
        fake.replies("/chat/completions", sse(fixture("stream-with-usage.txt")));

        // when
        CompletionResult result = provider.stream(request(Credentials.system()), deltas::add);

        // then
        assertThat(deltas).containsExactly("Hello", " world", "!");
        assertThat(result.text()).isEqualTo("Hello world!");
        assertThat(result.finishReason()).isEqualTo("stop");
        assertThat(result.providerRequestId()).isEqualTo("chatcmpl-123");
        assertThat(result.model()).isEqualTo("gpt-4o-mini");
        assertThat(result.usage()).isEqualTo(new TokenUsage(9, 3, null, false, null));
    }

    @Test
    void readsUsageCarriedOnTheFinishingChunk() {
        // given
        start();
        fake.replies("/chat/completions", sse(fixture("stream-usage-in-last-delta.txt")));

        // when
        CompletionResult result = provider.stream(request(Credentials.system()), deltas::add);

        // then
        assertThat(deltas).containsExactly("Hi", "!");
        assertThat(result.finishReason()).isEqualTo("length");
        assertThat(result.usage()).isEqualTo(new TokenUsage(26, 2, null, false, null));
    }

    @Test
    void handlesEventsSplitAcrossNetworkWritesAndCrLfLineEnds() {
        // given the same stream cut at arbitrary bytes, with CRLF line ends
        start();
        String body = fixture("stream-with-usage.txt").replace("\n", "\r\n");
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < body.length(); i += 37) {
            pieces.add(body.substring(i, Math.min(body.length(), i + 37)));
        }
        fake.replies("/chat/completions", sse(pieces, Duration.ofMillis(1), false));

        // when
        CompletionResult result = provider.stream(request(Credentials.system()), deltas::add);

        // then
        assertThat(deltas).containsExactly("Hello", " world", "!");
        assertThat(result.usage().promptTokens()).isEqualTo(9);
    }

    @Test
    void asksForAStreamWithItsUsage() throws Exception {
        // given
        start();
        fake.replies("/chat/completions", sse(fixture("stream-with-usage.txt")));

        // when
        provider.stream(request(Credentials.user(USER_KEY)), deltas::add);

        // then
        FakeUpstream.Recorded sent = fake.requests("/chat/completions").getFirst();
        assertThat(sent.header("Accept")).isEqualTo("text/event-stream");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer " + USER_KEY);
        JsonNode body = new ObjectMapper().readTree(sent.body());
        assertThat(body.get("stream").asBoolean()).isTrue();
        assertThat(body.get("stream_options").get("include_usage").asBoolean()).isTrue();
    }

    @Test
    void failsWithStreamErrorOnAnErrorEventAfterDeltas() {
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
        assertThat(e.upstreamStatus()).isEqualTo(200);
        assertThat(e.getMessage()).contains("The server had an error");
        assertThat(fake.requests("/chat/completions")).hasSize(1);
    }

    @Test
    void failsWhenTheStreamEndsBeforeTheAnswerIsComplete() {
        // given a stream cut after two deltas: no finish_reason, no [DONE]
        start();
        String body = fixture("stream-with-usage.txt");
        fake.replies("/chat/completions", sse(body.substring(0, body.indexOf("data: ", body.indexOf("world")))));

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.stream(request(Credentials.system()), deltas::add));

        // then
        assertThat(deltas).containsExactly("Hello", " world");
        assertThat(e.kind()).isEqualTo(Kind.STREAM_ERROR);
        assertThat(e.streamStarted()).isTrue();
    }

    @Test
    void rethrowsTheListenersOwnExceptionUnchanged() {
        // given
        start();
        fake.replies("/chat/completions", sse(fixture("stream-with-usage.txt")));
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
        // given a server that ignores stream: true
        start();
        fake.replies("/chat/completions", FakeUpstream.json(200, fixture("chat-completion.json")));

        // when
        CompletionResult result = provider.stream(request(Credentials.system()), deltas::add);

        // then
        assertThat(deltas).containsExactly("The capital of France is Paris.");
        assertThat(result.usage()).isEqualTo(new TokenUsage(19, 10, null, false, null));
    }
}
