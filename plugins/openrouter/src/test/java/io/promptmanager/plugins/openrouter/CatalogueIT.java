package io.promptmanager.plugins.openrouter;

import io.promptmanager.plugin.model.ModelInfo;
import io.promptmanager.plugin.model.ModelPricing;
import io.promptmanager.plugin.model.ProviderException;
import io.promptmanager.plugin.model.ProviderException.Kind;
import io.promptmanager.plugins.openaiwire.testing.FakeUpstream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.promptmanager.plugins.openaiwire.testing.FakeUpstream.json;
import static io.promptmanager.plugins.openaiwire.testing.FakeUpstream.silence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** GET /models: prices, what is free, the cache and its background refresh. */
@Timeout(20)
class CatalogueIT extends ProviderTestSupport {

    @Test
    void readsIdsNamesContextLengthsAndExactPrices() {
        // given
        start();

        // when
        Map<String, ModelInfo> models = byId(provider.models());

        // then
        assertThat(models).containsOnlyKeys("openai/gpt-4", "meta-llama/llama-3.3-70b-instruct:free",
                "openrouter/some-free-model", "openrouter/auto", "perplexity/sonar");
        ModelInfo gpt4 = models.get("openai/gpt-4");
        assertThat(gpt4.name()).isEqualTo("GPT-4");
        assertThat(gpt4.contextLength()).isEqualTo(8192);
        assertThat(gpt4.pricing()).isEqualTo(new ModelPricing(new BigDecimal("0.00003"), new BigDecimal("0.00006"),
                new BigDecimal("0")));
        assertThat(gpt4.free()).isFalse();
        assertThat(models.get("perplexity/sonar").contextLength()).as("context_length null").isZero();
    }

    @Test
    void takesAModelWhoseIdEndsWithFreeAsFree() {
        // given
        start();

        // when
        ModelInfo model = byId(provider.models()).get("meta-llama/llama-3.3-70b-instruct:free");

        // then
        assertThat(model.free()).isTrue();
    }

    @Test
    void takesAModelWithZeroPromptAndCompletionPricesAsFree() {
        // given
        start();

        // when
        ModelInfo model = byId(provider.models()).get("openrouter/some-free-model");

        // then
        assertThat(model.free()).isTrue();
        assertThat(model.pricing().prompt()).isZero();
    }

    @Test
    void takesAVariablePriceAsUnknownAndNeverFree() {
        // given
        start();

        // when
        ModelInfo auto = byId(provider.models()).get("openrouter/auto");

        // then
        assertThat(auto.pricing()).isEqualTo(new ModelPricing(null, null, null));
        assertThat(auto.free()).isFalse();
    }

    @Test
    void neverTakesAModelWithAPerRequestPriceAsFree() {
        // given
        start();

        // when
        ModelInfo sonar = byId(provider.models()).get("perplexity/sonar");

        // then
        assertThat(sonar.free()).isFalse();
        assertThat(sonar.pricing().request()).isEqualTo(new BigDecimal("0.005"));
    }

    @Test
    void answersFromTheCacheOnceFetched() {
        // given
        start("catalogue-refresh", "PT1H");
        provider.models();
        int fetches = fake.requests("/models").size();

        // when
        provider.models();
        provider.models();

        // then
        assertThat(fake.requests("/models")).hasSize(fetches);
    }

    @Test
    void refreshesTheCatalogueInTheBackground() throws InterruptedException {
        // given
        start("catalogue-refresh", "PT0.2S");
        assertThat(provider.models()).hasSize(5);

        // when OpenRouter drops all but one model
        fake.replies("/models", json(200, "{\"data\":[{\"id\":\"openai/gpt-4\",\"name\":\"GPT-4\","
                + "\"context_length\":8192,\"pricing\":{\"prompt\":\"0.00003\",\"completion\":\"0.00006\"}}]}"));

        // then
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (provider.models().size() != 1 && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertThat(provider.models()).extracting(ModelInfo::id).containsExactly("openai/gpt-4");
    }

    @Test
    void keepsTheLastGoodCatalogueWhenARefreshFails() throws InterruptedException {
        // given
        start("catalogue-refresh", "PT0.1S");
        assertThat(provider.models()).hasSize(5);

        // when
        fake.replies("/models", json(503, fixture("error-503.json")));
        int before = fake.requests("/models").size();
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (fake.requests("/models").size() < before + 2 && System.nanoTime() < until) {
            Thread.sleep(50);
        }

        // then
        assertThat(fake.requests("/models").size()).isGreaterThanOrEqualTo(before + 2);
        assertThat(provider.models()).hasSize(5);
    }

    @Test
    void failsWhenNothingIsCachedAndTheCatalogueCannotBeFetched() {
        // given
        fake.replies("/models", json(502, fixture("error-502.json")));
        start("max-retries", "0");

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class, () -> provider.models());

        // then
        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    void sendsTheSystemKeyIfAnyAndTheAttributionHeaders() {
        // given
        start("catalogue-refresh", "PT1H");

        // when
        provider.models();

        // then
        FakeUpstream.Recorded sent = fake.requests("/models").getFirst();
        assertThat(sent.method()).isEqualTo("GET");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer " + SYSTEM_KEY);
        assertThat(sent.header("HTTP-Referer")).isEqualTo("https://promptmanager.io");
    }

    @Test
    void fetchesTheCatalogueWithoutAKeyWhenNoneIsConfigured() {
        // given
        start("api-key", "", "catalogue-refresh", "PT1H");

        // when
        List<ModelInfo> models = provider.models();

        // then
        assertThat(models).hasSize(5);
        assertThat(fake.requests("/models").getFirst().header("Authorization")).isNull();
    }

    @Test
    void stopEndsTheBackgroundRefresh() throws InterruptedException {
        // given
        start("catalogue-refresh", "PT0.1S");
        provider.models();

        // when
        provider.stop();
        Thread.sleep(150);
        int afterStop = fake.requests("/models").size();
        Thread.sleep(400);

        // then
        assertThat(fake.requests("/models")).hasSize(afterStop);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("openrouter-catalogue"));
    }

    @Test
    void startDoesNotWaitForTheCatalogue() {
        // given an OpenRouter that never answers
        fake.replies("/models", silence());
        long started = System.nanoTime();

        // when
        start("read-timeout", "PT10S");

        // then
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    private static Map<String, ModelInfo> byId(List<ModelInfo> models) {
        return models.stream().collect(Collectors.toMap(ModelInfo::id, Function.identity()));
    }
}
