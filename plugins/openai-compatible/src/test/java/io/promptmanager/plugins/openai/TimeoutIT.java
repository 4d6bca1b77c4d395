package io.promptmanager.plugins.openai;

import io.promptmanager.plugin.model.Credentials;
import io.promptmanager.plugin.model.ProviderException;
import io.promptmanager.plugin.model.ProviderException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.promptmanager.plugins.openaiwire.testing.FakeUpstream.json;
import static io.promptmanager.plugins.openaiwire.testing.FakeUpstream.redirect;
import static io.promptmanager.plugins.openaiwire.testing.FakeUpstream.silence;
import static io.promptmanager.plugins.openaiwire.testing.FakeUpstream.sse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Deadlines, read timeouts and redirects: nothing waits for ever, nothing goes elsewhere. */
@Timeout(20)
class TimeoutIT extends ProviderTestSupport {

    @Test
    void failsWithTimeoutAtTheDeadlineWhenTheServerNeverAnswers() {
        // given
        start();
        fake.replies("/chat/completions", silence());
        long started = System.nanoTime();

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.complete(request(Credentials.system(), Duration.ofMillis(400))));

        // then
        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(e.getMessage()).contains("deadline");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void failsWithTimeoutAfterTheReadTimeout() {
        // given
        start("read-timeout", "PT0.3S");
        fake.replies("/chat/completions", silence());

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.complete(request(Credentials.system(), Duration.ofSeconds(10))));

        // then
        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(e.getMessage()).contains("read-timeout");
    }

    @Test
    void failsWithTimeoutWhenAStreamFallsSilentAfterADelta() {
        // given a stream that sends one delta, then nothing
        start("read-timeout", "PT0.3S");
        String body = fixture("stream-with-usage.txt");
        fake.replies("/chat/completions", sse(List.of(body.substring(0, body.indexOf("data: ", body.indexOf("Hello")))),
                Duration.ZERO, true));
        List<String> deltas = new ArrayList<>();

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.stream(request(Credentials.system(), Duration.ofSeconds(10)), deltas::add));

        // then
        assertThat(deltas).containsExactly("Hello");
        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(e.streamStarted()).isTrue();
    }

    @Test
    void failsWithTimeoutAtTheDeadlineWhileAStreamIsStillTrickling() {
        // given deltas every 100 ms for longer than the deadline
        start();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            parts.add("data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"}}]}\n\n");
        }
        fake.replies("/chat/completions", sse(parts, Duration.ofMillis(100), false));
        long started = System.nanoTime();

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.stream(request(Credentials.system(), Duration.ofMillis(700)), delta -> { }));

        // then
        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(e.streamStarted()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void neverFollowsARedirect() {
        // given
        start();
        fake.replies("/chat/completions", redirect(307, fake.baseUrl() + "/elsewhere"));
        fake.replies("/elsewhere", json(200, fixture("chat-completion.json")));

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.complete(request(Credentials.system())));

        // then
        assertThat(e.kind()).isEqualTo(Kind.INTERNAL);
        assertThat(e.upstreamStatus()).isEqualTo(307);
        assertThat(e.getMessage()).contains("base-url");
        assertThat(fake.requests("/elsewhere")).isEmpty();
    }
}
