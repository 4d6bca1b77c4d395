package io.promptmanager.plugins.openai;

import io.promptmanager.plugin.model.Credentials;
import io.promptmanager.plugin.model.KeyCheck;
import io.promptmanager.plugin.model.ProviderException;
import io.promptmanager.plugin.model.ProviderException.Kind;
import io.promptmanager.plugins.openaiwire.testing.FakeUpstream;
import org.junit.jupiter.api.Test;

import static io.promptmanager.plugins.openaiwire.testing.FakeUpstream.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** checkKey: GET /models with the key. */
class KeyCheckIT extends ProviderTestSupport {

    @Test
    void findsAKeyTheServerAcceptsValid() {
        // given
        start();

        // when
        KeyCheck check = provider.checkKey(Credentials.user(USER_KEY));

        // then
        assertThat(check).isEqualTo(new KeyCheck(true, null, null, false));
        FakeUpstream.Recorded sent = fake.requests("/models").getFirst();
        assertThat(sent.method()).isEqualTo("GET");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer " + USER_KEY);
    }

    @Test
    void findsAKeyTheServerRejectsWith401Invalid() {
        // given
        start();
        fake.replies("/models", json(401, fixture("error-401.json")));

        // when
        KeyCheck check = provider.checkKey(Credentials.system());

        // then
        assertThat(check.valid()).isFalse();
        assertThat(fake.requests("/models").getFirst().header("Authorization")).isEqualTo("Bearer " + SYSTEM_KEY);
    }

    @Test
    void failsWhenTheServerCannotBeAsked() {
        // given
        start();
        fake.replies("/models", json(503, fixture("error-503.json")));

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.checkKey(Credentials.user(USER_KEY)));

        // then
        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.getMessage()).doesNotContain(USER_KEY);
    }
}
