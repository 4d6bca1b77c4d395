package io.promptmanager.plugins.openrouter;

import io.promptmanager.plugin.model.Credentials;
import io.promptmanager.plugin.model.ProviderException;
import io.promptmanager.plugin.model.ProviderException.Kind;
import io.promptmanager.plugins.openaiwire.testing.FakeUpstream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import static io.promptmanager.plugins.openaiwire.testing.FakeUpstream.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** OpenRouter's error statuses and bodies as platform errors, with messages safe to show. */
class ErrorMappingIT extends ProviderTestSupport {

    @ParameterizedTest(name = "HTTP {0} is {1}")
    @CsvSource({
            "400, BAD_REQUEST,          false, error-400.json",
            "401, INVALID_CREDENTIALS,  false, error-401.json",
            "402, INSUFFICIENT_CREDITS, false, error-402.json",
            "403, BLOCKED,              false, error-403-guardrail.json",
            "408, UNAVAILABLE,          true,  error-408.json",
            "429, RATE_LIMITED,         true,  error-429.json",
            "502, UNAVAILABLE,          true,  error-502.json",
            "503, UNAVAILABLE,          true,  error-503.json",
            "500, INTERNAL,             false, error-500.json"})
    void mapsEachErrorStatus(int status, Kind kind, boolean retryable, String fixture) {
        // given no retries, so the first answer is the one reported
        start("max-retries", "0");
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
    }

    @Test
    void saysTheKeyWasRejectedOn401() {
        // given
        start("max-retries", "0");
        fake.replies("/chat/completions", json(401, fixture("error-401.json")));

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.complete(request(Credentials.system())));

        // then
        assertThat(e.getMessage()).isEqualTo("OpenRouter rejected the API key");
    }

    @Test
    void showsTheModerationReasonsButNeverTheFlaggedText() {
        // given
        start();
        fake.replies("/chat/completions", json(403, fixture("error-403-moderation.json")));

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.complete(request(Credentials.system())));

        // then
        assertThat(e.kind()).isEqualTo(Kind.BLOCKED);
        assertThat(e.getMessage()).contains("harassment", "violence").doesNotContain("SECRET USER TEXT", "flagged for");
    }

    @Test
    void neverShowsTheGuardrailsMatchedPatterns() {
        // given
        start();
        fake.replies("/chat/completions", json(403, fixture("error-403-guardrail.json")));

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.complete(request(Credentials.system())));

        // then
        assertThat(e.getMessage()).doesNotContain("ignore all previous instructions");
    }

    @Test
    void passesOnTheReasonOfABadRequest() {
        // given
        start();
        fake.replies("/chat/completions", json(400, fixture("error-400.json")));

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.complete(request(Credentials.system())));

        // then
        assertThat(e.getMessage()).isEqualTo("OpenRouter refused the request: Invalid model specified");
    }

    @Test
    void scrubsAnyKeyOpenRouterEchoesBack() {
        // given an upstream message quoting the key of the call and another key
        start();
        fake.replies("/chat/completions", json(400, "{\"error\":{\"code\":400,\"message\":\"Key " + USER_KEY
                + " may not use this model; try sk-or-v1-ffffffffffffffffffffffffffffffff or Bearer abc.def\"}}"));

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.complete(request(Credentials.user(USER_KEY))));

        // then
        assertThat(e.getMessage()).doesNotContain(USER_KEY, "sk-or-v1-ffff", "abc.def").contains("[redacted]");
    }

    @Test
    void honoursRetryAfterInSeconds() {
        // given
        start("max-retries", "0");
        fake.replies("/chat/completions", json(429, fixture("error-429.json"), "Retry-After", "60"));

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.complete(request(Credentials.system())));

        // then
        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(60));
    }

    @Test
    void honoursRetryAfterAsAnHttpDate() {
        // given
        start("max-retries", "0");
        String inTwoMinutes = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(2));
        fake.replies("/chat/completions", json(503, fixture("error-503.json"), "Retry-After", inTwoMinutes));

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.complete(request(Credentials.system())));

        // then
        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.retryAfter()).hasValueSatisfying(wait ->
                assertThat(wait).isBetween(Duration.ofSeconds(100), Duration.ofSeconds(121)));
    }

    @Test
    void mapsAnErrorStatusWhoseBodyIsNotJsonByItsStatus() {
        // given a proxy's HTML error page
        start("max-retries", "0");
        fake.replies("/chat/completions", FakeUpstream.raw(502, "text/html", "<html><body>Bad gateway</body></html>"));

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.complete(request(Credentials.system())));

        // then
        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.upstreamStatus()).isEqualTo(502);
    }

    @Test
    void mapsErrorStatusesOfAStreamedCallTheSameWay() {
        // given errors before any token are plain JSON even for stream: true
        start("max-retries", "0");
        fake.replies("/chat/completions", json(402, fixture("error-402.json")));

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.stream(request(Credentials.system()), delta -> { }));

        // then
        assertThat(e.kind()).isEqualTo(Kind.INSUFFICIENT_CREDITS);
        assertThat(e.streamStarted()).isFalse();
    }
}
