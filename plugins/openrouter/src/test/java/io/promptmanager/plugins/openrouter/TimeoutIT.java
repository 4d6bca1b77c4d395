package io.promptmanager.plugins.openrouter;

import io.promptmanager.plugin.model.Credentials;
import io.promptmanager.plugin.model.ProviderException;
import io.promptmanager.plugin.model.ProviderException.Kind;
import io.promptmanager.plugins.openaiwire.testing.FakeUpstream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.promptmanager.plugins.openaiwire.testing.FakeUpstream.json;
import static io.promptmanager.plugins.openaiwire.testing.FakeUpstream.silence;
import static io.promptmanager.plugins.openaiwire.testing.FakeUpstream.sse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Deadlines, read timeouts and redirects: nothing waits for ever, nothing goes elsewhere. */
@Timeout(20)
class TimeoutIT extends ProviderTestSupport {

    @Test
    void failsWithTimeoutAtTheDeadlineWhenOpenRouterNeverAnswers() {
        // given
        start("max-retries", "2");
        fake.replies("/chat/completions", silence());
        long started = System.nanoTime();

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.complete(request(Credentials.system(), Duration.ofMillis(400))));

        // then
        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(e.getMessage()).contains("deadline");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(fake.requests("/chat/completions")).hasSize(1);
    }

    @Test
    void failsWithTimeoutAfterTheReadTimeoutWithoutRetryingTheSilentRequest() {
        // given
        start("read-timeout", "PT0.3S", "max-retries", "2");
        fake.replies("/chat/completions", silence());

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.complete(request(Credentials.system(), Duration.ofSeconds(10))));

        // then
        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(e.getMessage()).contains("read-timeout");
        assertThat(fake.requests("/chat/completions")).as("it may be running upstream").hasSize(1);
    }

    @Test
    void failsWithTimeoutWhenAStreamFallsSilentBetweenBytes() {
        // given a stream that sends one delta, then nothing
        start("read-timeout", "PT0.3S");
        String body = fixture("stream-usage-empty-choices.txt");
        fake.replies("/chat/completions", sse(List.of(body.substring(0, body.indexOf("data: ", body.indexOf("Hello")))),
                Duration.ZERO, true));
        List<String> deltas = new ArrayList<>();
        long started = System.nanoTime();

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.stream(request(Credentials.system(), Duration.ofSeconds(10)), deltas::add));

        // then
        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(e.streamStarted()).isTrue();
        assertThat(deltas).containsExactly("Hello");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void keepsReadingWhileKeepAliveCommentsArrive() {
        // given keep-alive comments, each well within the read timeout, longer than it in total
        start("read-timeout", "PT0.4S");
        String body = fixture("stream-usage-empty-choices.txt");
        List<String> parts = new ArrayList<>(List.of(": OPENROUTER PROCESSING\n\n", ": OPENROUTER PROCESSING\n\n",
                ": OPENROUTER PROCESSING\n\n", ": OPENROUTER PROCESSING\n\n"));
        parts.add(body);
        fake.replies("/chat/completions", sse(parts, Duration.ofMillis(150), false));

        // when
        String text = provider.stream(request(Credentials.system()), delta -> { }).text();

        // then
        assertThat(text).isEqualTo("Hello world!");
    }

    @Test
    void keepsACompleteAnswerWhenOnlyTheDoneLineNeverComes() {
        // given a whole answer with its usage, then silence instead of "data: [DONE]"
        start("read-timeout", "PT0.3S");
        String body = fixture("stream-usage-empty-choices.txt");
        fake.replies("/chat/completions", sse(List.of(body.substring(0, body.indexOf("data: [DONE]"))),
                Duration.ZERO, true));

        // when
        var result = provider.stream(request(Credentials.system(), Duration.ofSeconds(10)), delta -> { });

        // then
        assertThat(result.text()).isEqualTo("Hello world!");
        assertThat(result.usage().completionTokens()).isEqualTo(3);
    }

    @Test
    void failsWithTimeoutAtTheDeadlineInTheMiddleOfAStream() {
        // given
        start();
        String body = fixture("stream-usage-empty-choices.txt");
        fake.replies("/chat/completions", sse(List.of(body.substring(0, body.indexOf("data: ", body.indexOf("Hello")))),
                Duration.ZERO, true));

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.stream(request(Credentials.system(), Duration.ofMillis(500)), delta -> { }));

        // then
        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(e.getMessage()).contains("deadline");
        assertThat(e.streamStarted()).isTrue();
    }

    @Test
    void failsAtOnceWhenTheDeadlineHasAlreadyPassed() {
        // given
        start();

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.complete(request(Credentials.system(), Duration.ofSeconds(-1))));

        // then
        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(fake.requests("/chat/completions")).isEmpty();
    }

    @Test
    void neverFollowsARedirectToAnotherHost() {
        // given
        try (FakeUpstream elsewhere = fakeOpenRouter()) {
            elsewhere.replies("/chat/completions", json(200, fixture("chat-completion.json")));
            start();
            fake.replies("/chat/completions",
                    FakeUpstream.redirect(307, elsewhere.baseUrl().toString().replace("127.0.0.1", "localhost")
                            + "/chat/completions"));

            // when
            ProviderException e = catchThrowableOfType(ProviderException.class,
                    () -> provider.complete(request(Credentials.system())));

            // then
            assertThat(e.kind()).isEqualTo(Kind.INTERNAL);
            assertThat(e.upstreamStatus()).isEqualTo(307);
            assertThat(e.getMessage()).contains("redirect").doesNotContain(SYSTEM_KEY);
            assertThat(elsewhere.requests("/chat/completions")).isEmpty();
            assertThat(fake.requests("/chat/completions")).hasSize(1);
        }
    }
}
