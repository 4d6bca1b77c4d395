package io.promptmanager.plugins.openrouter;

import io.promptmanager.plugin.model.Credentials;
import io.promptmanager.plugin.model.ProviderException;
import io.promptmanager.plugin.model.ProviderException.Kind;
import io.promptmanager.plugins.openaiwire.testing.FakeUpstream;
import org.junit.jupiter.api.Test;

import static io.promptmanager.plugins.openaiwire.testing.FakeUpstream.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Whose key goes out, and what else every request says about the caller. */
class CredentialsIT extends ProviderTestSupport {

    @Test
    void sendsTheSystemKeyForSystemCredentials() {
        // given
        start();
        fake.replies("/chat/completions", json(200, fixture("chat-completion.json")));

        // when
        provider.complete(request(Credentials.system()));

        // then
        assertThat(fake.requests("/chat/completions").getFirst().header("Authorization"))
                .isEqualTo("Bearer " + SYSTEM_KEY);
    }

    @Test
    void sendsTheUserKeyOnEachRequestAndNeverTheSystemKey() {
        // given
        start();
        fake.replies("/chat/completions", json(200, fixture("chat-completion.json")));
        String otherUserKey = "sk-or-v1-another0123456789abcdef0123456789abcd";

        // when
        provider.complete(request(Credentials.user(USER_KEY)));
        provider.complete(request(Credentials.user(otherUserKey)));
        provider.complete(request(Credentials.system()));

        // then
        assertThat(fake.requests("/chat/completions")).extracting(r -> r.header("Authorization"))
                .containsExactly("Bearer " + USER_KEY, "Bearer " + otherUserKey, "Bearer " + SYSTEM_KEY);
    }

    @Test
    void sendsTheAttributionHeaders() {
        // given
        start("app-url", "https://prompts.example.com", "app-title", "Acme Prompts");
        fake.replies("/chat/completions", json(200, fixture("chat-completion.json")));

        // when
        provider.complete(request(Credentials.system()));

        // then
        FakeUpstream.Recorded sent = fake.requests("/chat/completions").getFirst();
        assertThat(sent.header("HTTP-Referer")).isEqualTo("https://prompts.example.com");
        assertThat(sent.header("X-Title")).isEqualTo("Acme Prompts");
        assertThat(sent.header("X-OpenRouter-Title")).isEqualTo("Acme Prompts");
    }

    @Test
    void namesPromptManagerInTheAttributionHeadersByDefault() {
        // given
        start();
        fake.replies("/chat/completions", json(200, fixture("chat-completion.json")));

        // when
        provider.complete(request(Credentials.system()));

        // then
        FakeUpstream.Recorded sent = fake.requests("/chat/completions").getFirst();
        assertThat(sent.header("HTTP-Referer")).isEqualTo("https://promptmanager.io");
        assertThat(sent.header("X-Title")).isEqualTo("Prompt Manager");
    }

    @Test
    void failsSystemKeyCallsClearlyWhenNoSystemKeyIsConfigured() {
        // given
        start("api-key", "");
        fake.replies("/chat/completions", json(200, fixture("chat-completion.json")));

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.complete(request(Credentials.system())));

        // then
        assertThat(e.kind()).isEqualTo(Kind.INVALID_CREDENTIALS);
        assertThat(e.getMessage()).isEqualTo("No system OpenRouter key configured");
        assertThat(e.retryable()).isFalse();
        assertThat(fake.requests("/chat/completions")).isEmpty();
    }

    @Test
    void stillRunsUserKeyCallsWithoutASystemKey() {
        // given
        start("api-key", "");
        fake.replies("/chat/completions", json(200, fixture("chat-completion.json")));

        // when
        String text = provider.complete(request(Credentials.user(USER_KEY))).text();

        // then
        assertThat(text).isEqualTo("The capital of France is Paris.");
        assertThat(fake.requests("/chat/completions").getFirst().header("Authorization")).isEqualTo("Bearer " + USER_KEY);
    }

    @Test
    void refusesAUserKeyThatCannotBeAHeaderWithoutEchoingIt() {
        // given
        start();
        String broken = "sk-or-v1-abc\r\nX-Injected: yes";

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.complete(request(Credentials.user(broken))));

        // then
        assertThat(e.kind()).isEqualTo(Kind.INVALID_CREDENTIALS);
        assertThat(e.getMessage()).doesNotContain("sk-or-v1-abc", "Injected");
        assertThat(fake.requests("/chat/completions")).isEmpty();
    }
}
