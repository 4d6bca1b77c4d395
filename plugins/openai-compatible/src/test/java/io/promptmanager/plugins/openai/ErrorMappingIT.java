package io.promptmanager.plugins.openai;

import io.promptmanager.plugin.model.Credentials;
import io.promptmanager.plugin.model.ProviderException;
import io.promptmanager.plugin.model.ProviderException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static io.promptmanager.plugins.openaiwire.testing.FakeUpstream.json;
import static io.promptmanager.plugins.openaiwire.testing.FakeUpstream.raw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** OpenAI's error statuses and bodies as platform errors, with messages safe to show. */
class ErrorMappingIT extends ProviderTestSupport {

    @ParameterizedTest(name = "HTTP {0} is {1}")
    @CsvSource({
            "400, BAD_REQUEST,          false, error-400.json",
            "401, INVALID_CREDENTIALS,  false, error-401.json",
            "403, BLOCKED,              false, error-403.json",
            "404, BAD_REQUEST,          false, error-404.json",
            "429, RATE_LIMITED,         true,  error-429-rate.json",
            "429, INSUFFICIENT_CREDITS, false, error-429-quota.json",
            "500, INTERNAL,             true,  error-500.json",
            "503, UNAVAILABLE,          true,  error-503.json"})
    void mapsEachErrorStatus(int status, Kind kind, boolean retryable, String fixture) {
        // given
        start();
        fake.replies("/chat/completions", json(status, fixture(fixture)));

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.complete(request(Credentials.user(USER_KEY))));

        // then
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.retryable()).isEqualTo(retryable);
        assertThat(e.upstreamStatus()).isEqualTo(status);
        assertThat(e.streamStarted()).isFalse();
        assertThat(e.getMessage()).isNotBlank().doesNotContain(USER_KEY, SYSTEM_KEY);
        assertThat(fake.requests("/chat/completions")).as("never retried by the plugin").hasSize(1);
    }

    @Test
    void showsTheServersMessageForARefusedRequest() {
        // given
        start();
        fake.replies("/chat/completions", json(404, fixture("error-404.json")));

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.complete(request(Credentials.system())));

        // then
        assertThat(e.getMessage()).isEqualTo(
                "The model server refused the request: The model `gpt-5-turbo` does not exist or you do not have access to it.");
    }

    @Test
    void saysTheKeyWasRejectedOn401WithoutEchoingTheMaskedKey() {
        // given
        start();
        fake.replies("/chat/completions", json(401, fixture("error-401.json")));

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.complete(request(Credentials.system())));

        // then
        assertThat(e.getMessage()).isEqualTo("The model server rejected the API key");
    }

    @Test
    void scrubsTheKeyInUseFromAnUpstreamMessage() {
        // given a server that echoes the key it was sent
        start();
        fake.replies("/chat/completions", json(400,
                "{\"error\":{\"message\":\"bad key " + USER_KEY + " here\",\"type\":\"invalid_request_error\",\"code\":null}}"));

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.complete(request(Credentials.user(USER_KEY))));

        // then
        assertThat(e.getMessage()).doesNotContain(USER_KEY).contains("[redacted]");
    }

    @Test
    void keepsTheRetryAfterOfARateLimit() {
        // given
        start();
        fake.replies("/chat/completions", json(429, fixture("error-429-rate.json"), "Retry-After", "20"));

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.complete(request(Credentials.system())));

        // then
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(20));
    }

    @Test
    void mapsAnErrorStatusWithABodyThatIsNotJsonByTheStatusAlone() {
        // given a proxy in front of the server
        start();
        fake.replies("/chat/completions", raw(502, "text/html", "<html>Bad Gateway</html>"));

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.stream(request(Credentials.system()), delta -> { }));

        // then
        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("HTTP 502").doesNotContain("html");
    }

    @Test
    void failsAsUnavailableWhenNothingListens() {
        // given the server gone
        start();
        fake.close();

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.complete(request(Credentials.system())));

        // then
        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.retryable()).isTrue();
        assertThat(e.upstreamStatus()).isZero();
    }
}
