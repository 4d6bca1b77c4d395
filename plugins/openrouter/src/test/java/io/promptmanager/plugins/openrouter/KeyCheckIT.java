package io.promptmanager.plugins.openrouter;

import io.promptmanager.plugin.model.Credentials;
import io.promptmanager.plugin.model.KeyCheck;
import io.promptmanager.plugin.model.ProviderException;
import io.promptmanager.plugin.model.ProviderException.Kind;
import io.promptmanager.plugins.openaiwire.testing.FakeUpstream;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.promptmanager.plugins.openaiwire.testing.FakeUpstream.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** GET /key: is this key valid, its label, its remaining limit, free tier. */
class KeyCheckIT extends ProviderTestSupport {

    @Test
    void readsLabelRemainingLimitAndTierOfAValidKey() {
        // given
        start();
        fake.replies("/key", json(200, fixture("key.json")));

        // when
        KeyCheck check = provider.checkKey(Credentials.user(USER_KEY));

        // then
        assertThat(check).isEqualTo(new KeyCheck(true, "sk-or-v1-au7...890", new BigDecimal("74.5"), false));
        FakeUpstream.Recorded sent = fake.requests("/key").getFirst();
        assertThat(sent.method()).isEqualTo("GET");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer " + USER_KEY);
    }

    @Test
    void readsAnUnlimitedFreeTierKey() {
        // given
        start();
        fake.replies("/key", json(200, fixture("key-free-tier-unlimited.json")));

        // when
        KeyCheck check = provider.checkKey(Credentials.user(USER_KEY));

        // then
        assertThat(check).isEqualTo(new KeyCheck(true, "sk-or-v1-0e6...1c96", null, true));
    }

    @Test
    void answersInvalidForAKeyOpenRouterRejects() {
        // given
        start();
        fake.replies("/key", json(401, fixture("error-401.json")));

        // when
        KeyCheck check = provider.checkKey(Credentials.user(USER_KEY));

        // then
        assertThat(check.valid()).isFalse();
        assertThat(check.label()).isNull();
        assertThat(fake.requests("/key")).hasSize(1);
    }

    @Test
    void checksTheSystemKey() {
        // given
        start();
        fake.replies("/key", json(200, fixture("key.json")));

        // when
        provider.checkKey(Credentials.system());

        // then
        assertThat(fake.requests("/key").getFirst().header("Authorization")).isEqualTo("Bearer " + SYSTEM_KEY);
    }

    @Test
    void failsClearlyWhenAskedToCheckAMissingSystemKey() {
        // given
        start("api-key", "");

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.checkKey(Credentials.system()));

        // then
        assertThat(e.kind()).isEqualTo(Kind.INVALID_CREDENTIALS);
        assertThat(e.getMessage()).isEqualTo("No system OpenRouter key configured");
        assertThat(fake.requests("/key")).isEmpty();
    }

    @Test
    void failsWhenOpenRouterCannotBeAsked() {
        // given
        start("max-retries", "0");
        fake.replies("/key", json(503, fixture("error-503.json")));

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.checkKey(Credentials.user(USER_KEY)));

        // then
        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.getMessage()).doesNotContain(USER_KEY);
    }
}
