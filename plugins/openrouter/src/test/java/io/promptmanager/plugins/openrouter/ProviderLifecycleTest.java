package io.promptmanager.plugins.openrouter;

import io.promptmanager.plugin.model.Credentials;
import io.promptmanager.plugin.model.ProviderException;
import io.promptmanager.plugin.model.ProviderException.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ProviderLifecycleTest {

    @Test
    void namesItselfOpenRouter() {
        OpenRouterModelProvider provider = new OpenRouterModelProvider();

        assertThat(provider.id()).isEqualTo("openrouter");
        assertThat(provider.displayName()).isEqualTo("OpenRouter");
    }

    @Test
    void refusesCallsBeforeStartWithAProviderException() {
        OpenRouterModelProvider provider = new OpenRouterModelProvider();

        ProviderException e = catchThrowableOfType(ProviderException.class, () -> provider.checkKey(Credentials.system()));

        assertThat(e.kind()).isEqualTo(Kind.INTERNAL);
    }

    @Test
    void stopsWithoutHavingStarted() {
        new OpenRouterModelProvider().stop();
    }
}
