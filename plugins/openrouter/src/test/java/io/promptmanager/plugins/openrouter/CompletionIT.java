package io.promptmanager.plugins.openrouter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.promptmanager.plugin.model.ChatMessage;
import io.promptmanager.plugin.model.CompletionRequest;
import io.promptmanager.plugin.model.CompletionResult;
import io.promptmanager.plugin.model.Credentials;
import io.promptmanager.plugin.model.GenerationParameters;
import io.promptmanager.plugin.model.ProviderException;
import io.promptmanager.plugin.model.TokenUsage;
import io.promptmanager.plugins.openaiwire.testing.FakeUpstream;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static io.promptmanager.plugins.openaiwire.testing.FakeUpstream.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** POST /chat/completions without streaming, against the fake OpenRouter. */
class CompletionIT extends ProviderTestSupport {

    @Test
    void readsTextFinishReasonUsageCostAndGenerationId() {
        // given
        start();
        fake.replies("/chat/completions", json(200, fixture("chat-completion.json")));

        // when
        CompletionResult result = provider.complete(request(Credentials.system()));

        // then
        assertThat(result.text()).isEqualTo("The capital of France is Paris.");
        assertThat(result.finishReason()).isEqualTo("stop");
        assertThat(result.providerRequestId()).isEqualTo("gen-1778031306-UD7bR0I1JNCsPvVzlXat");
        assertThat(result.model()).isEqualTo("openai/gpt-4");
        assertThat(result.usage()).isEqualTo(new TokenUsage(10, 15, new BigDecimal("0.0012"), false, null));
    }

    @Test
    void readsByokUsageWithUpstreamInferenceCost() {
        // given
        start();
        fake.replies("/chat/completions", json(200, fixture("chat-completion-byok.json")));

        // when
        CompletionResult result = provider.complete(request(Credentials.user(USER_KEY)));

        // then
        assertThat(result.finishReason()).isEqualTo("length");
        assertThat(result.usage()).isEqualTo(new TokenUsage(194, 2, new BigDecimal("0.95"), true, new BigDecimal("19")));
    }

    @Test
    void keepsTheCostExactlyAsWrittenNeverThroughADouble() {
        // given a cost a double cannot hold, with a trailing zero
        start();
        String body = fixture("chat-completion.json")
                .replace("\"cost\": 0.0012", "\"cost\": 0.000123456789012345678901230");
        fake.replies("/chat/completions", json(200, body));

        // when
        BigDecimal cost = provider.complete(request(Credentials.system())).usage().cost();

        // then
        assertThat(cost).isEqualTo(new BigDecimal("0.000123456789012345678901230"));
        assertThat(cost.scale()).isEqualTo(27);
    }

    @Test
    void reportsNoCostWhenOpenRouterSentNone() {
        // given
        start();
        String body = fixture("chat-completion.json").replace("\"cost\": 0.0012,", "");
        fake.replies("/chat/completions", json(200, body));

        // when
        TokenUsage usage = provider.complete(request(Credentials.system())).usage();

        // then
        assertThat(usage.cost()).isNull();
        assertThat(usage.promptTokens()).isEqualTo(10);
    }

    @Test
    void sendsModelMessagesParametersAndAsksForUsage() throws Exception {
        // given
        start();
        fake.replies("/chat/completions", json(200, fixture("chat-completion.json")));
        GenerationParameters parameters = new GenerationParameters(new BigDecimal("0.70"), 150, new BigDecimal("0.9"),
                new BigDecimal("-0.5"), new BigDecimal("1E+0"), List.of("END"), 42L);
        CompletionRequest request = new CompletionRequest("openai/gpt-4",
                List.of(new ChatMessage("user", "Say \"hi\" ✓")), parameters, Credentials.system(),
                Instant.now().plusSeconds(10), "exec-7");

        // when
        provider.complete(request);

        // then
        FakeUpstream.Recorded sent = fake.requests("/chat/completions").getFirst();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.header("Content-Type")).isEqualTo("application/json");
        assertThat(sent.body()).contains("\"temperature\":0.70", "\"presence_penalty\":1");
        JsonNode body = new ObjectMapper().readTree(sent.body());
        assertThat(body.get("model").asText()).isEqualTo("openai/gpt-4");
        assertThat(body.get("messages").get(0).get("role").asText()).isEqualTo("user");
        assertThat(body.get("messages").get(0).get("content").asText()).isEqualTo("Say \"hi\" ✓");
        assertThat(body.get("max_tokens").asInt()).isEqualTo(150);
        assertThat(body.get("top_p").decimalValue()).isEqualByComparingTo("0.9");
        assertThat(body.get("frequency_penalty").decimalValue()).isEqualByComparingTo("-0.5");
        assertThat(body.get("stop").get(0).asText()).isEqualTo("END");
        assertThat(body.get("seed").asLong()).isEqualTo(42);
        assertThat(body.get("stream").asBoolean()).isFalse();
        assertThat(body.get("usage").get("include").asBoolean()).isTrue();
    }

    @Test
    void leavesUnsetParametersOut() throws Exception {
        // given
        start();
        fake.replies("/chat/completions", json(200, fixture("chat-completion.json")));

        // when
        provider.complete(request(Credentials.system()));

        // then
        JsonNode body = new ObjectMapper().readTree(fake.requests("/chat/completions").getFirst().body());
        assertThat(body.has("temperature")).isFalse();
        assertThat(body.has("max_tokens")).isFalse();
        assertThat(body.has("stop")).isFalse();
    }

    @Test
    void mapsAnErrorReportedInsideA200Answer() {
        // given OpenRouter's "error while generating" body under 200
        start();
        fake.replies("/chat/completions", json(200, fixture("error-502.json")));

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.complete(request(Credentials.system())));

        // then
        assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE);
        assertThat(e.upstreamStatus()).isEqualTo(200);
        assertThat(fake.requests("/chat/completions")).hasSize(1);
    }

    @Test
    void rejectsAnAnswerThatIsNotJsonAsMalformed() {
        // given
        start();
        fake.replies("/chat/completions", FakeUpstream.raw(200, "application/json", "{\"id\":\"gen-1\",\"choices\":[{"));

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.complete(request(Credentials.system())));

        // then
        assertThat(e.kind()).isEqualTo(ProviderException.Kind.MALFORMED_RESPONSE);
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void rejectsJsonWithoutChoicesAsMalformed() {
        // given
        start();
        fake.replies("/chat/completions", json(200, "{\"id\":\"gen-1\",\"object\":\"chat.completion\"}"));

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.complete(request(Credentials.system())));

        // then
        assertThat(e.kind()).isEqualTo(ProviderException.Kind.MALFORMED_RESPONSE);
    }
}
