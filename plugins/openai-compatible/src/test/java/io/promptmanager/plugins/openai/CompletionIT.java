package io.promptmanager.plugins.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.promptmanager.plugin.model.ChatMessage;
import io.promptmanager.plugin.model.CompletionRequest;
import io.promptmanager.plugin.model.CompletionResult;
import io.promptmanager.plugin.model.Credentials;
import io.promptmanager.plugin.model.GenerationParameters;
import io.promptmanager.plugin.model.ModelInfo;
import io.promptmanager.plugin.model.ProviderException;
import io.promptmanager.plugin.model.ProviderException.Kind;
import io.promptmanager.plugin.model.TokenUsage;
import io.promptmanager.plugins.openaiwire.testing.FakeUpstream;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static io.promptmanager.plugins.openaiwire.testing.FakeUpstream.json;
import static io.promptmanager.plugins.openaiwire.testing.FakeUpstream.raw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** POST /chat/completions without streaming, and the configured catalogue. */
class CompletionIT extends ProviderTestSupport {

    @Test
    void returnsTheAnswerWithTokensAndNoCostSoThePlatformEstimatesIt() {
        // given
        start();
        fake.replies("/chat/completions", json(200, fixture("chat-completion.json")));

        // when
        CompletionResult result = provider.complete(request(Credentials.system()));

        // then
        assertThat(result.text()).isEqualTo("The capital of France is Paris.");
        assertThat(result.finishReason()).isEqualTo("stop");
        assertThat(result.providerRequestId()).isEqualTo("chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT");
        assertThat(result.model()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(result.usage()).isEqualTo(new TokenUsage(19, 10, null, false, null));
    }

    @Test
    void sendsSuccessiveRunsOverOneKeptConnection() {
        // given
        start();
        fake.replies("/chat/completions", json(200, fixture("chat-completion.json")));

        // when
        for (int run = 0; run < 3; run++) {
            provider.complete(request(Credentials.system()));
        }

        // then
        assertThat(fake.requests("/chat/completions")).hasSize(3);
        assertThat(fake.connections("/chat/completions")).isEqualTo(1);
    }

    @Test
    void sendsTheConversationAndParametersWithTheSystemKeyAsBearer() throws Exception {
        // given
        start();
        fake.replies("/chat/completions", json(200, fixture("chat-completion.json")));
        GenerationParameters parameters = new GenerationParameters(new BigDecimal("0.7"), 256, new BigDecimal("0.9"),
                null, null, List.of("END"), 42L);
        CompletionRequest request = new CompletionRequest("llama3.2", List.of(new ChatMessage("user", "Hi")),
                parameters, Credentials.system(), Instant.now().plusSeconds(10), "exec-7");

        // when
        provider.complete(request);

        // then
        FakeUpstream.Recorded sent = fake.requests("/chat/completions").getFirst();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer " + SYSTEM_KEY);
        assertThat(sent.header("Content-Type")).isEqualTo("application/json");
        JsonNode body = new ObjectMapper().readTree(sent.body());
        assertThat(body.get("model").asText()).isEqualTo("llama3.2");
        assertThat(body.get("messages").get(0).get("role").asText()).isEqualTo("user");
        assertThat(body.get("messages").get(0).get("content").asText()).isEqualTo("Hi");
        assertThat(body.get("temperature").decimalValue()).isEqualByComparingTo("0.7");
        assertThat(body.get("max_tokens").asInt()).isEqualTo(256);
        assertThat(body.get("top_p").decimalValue()).isEqualByComparingTo("0.9");
        assertThat(body.get("stop").get(0).asText()).isEqualTo("END");
        assertThat(body.get("seed").asLong()).isEqualTo(42);
        assertThat(body.get("stream").asBoolean()).isFalse();
        assertThat(body.has("stream_options")).isFalse();
        assertThat(body.has("frequency_penalty")).isFalse();
    }

    @Test
    void sendsNoAuthorizationWhenNoKeyIsConfigured() {
        // given a local server that needs no key
        start("api-key", "");
        fake.replies("/chat/completions", json(200, fixture("chat-completion.json")));

        // when
        provider.complete(request(Credentials.system()));

        // then
        assertThat(fake.requests("/chat/completions").getFirst().header("Authorization")).isNull();
    }

    @Test
    void sendsAUsersOwnKeyInsteadOfTheSystemKey() {
        // given
        start();
        fake.replies("/chat/completions", json(200, fixture("chat-completion.json")));

        // when
        provider.complete(request(Credentials.user(USER_KEY)));

        // then
        assertThat(fake.requests("/chat/completions").getFirst().header("Authorization")).isEqualTo("Bearer " + USER_KEY);
    }

    @Test
    void refusesAUserKeyThatCannotBeSentWithoutCallingTheServer() {
        // given
        start();

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.complete(request(Credentials.user("sk-proj-with space"))));

        // then
        assertThat(e.kind()).isEqualTo(Kind.INVALID_CREDENTIALS);
        assertThat(e.getMessage()).doesNotContain("with space");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void rejectsAnAnswerThatIsNotAChatCompletionAsMalformed() {
        // given
        start();
        fake.replies("/chat/completions", raw(200, "application/json", "<html>gateway</html>"));

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.complete(request(Credentials.system())));

        // then
        assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
    }

    @Test
    void offersTheConfiguredCatalogueWithoutAskingTheServer() {
        // given
        start();

        // when
        List<ModelInfo> models = provider.models();

        // then
        assertThat(models).extracting(ModelInfo::id).containsExactly("gpt-4o-mini", "llama3.2");
        assertThat(models).extracting(ModelInfo::free).containsExactly(false, true);
        assertThat(models.getFirst().pricing().completion()).isEqualTo(new BigDecimal("0.0000006"));
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void failsAsInternalWhenNotStarted() {
        // given
        OpenAiCompatibleModelProvider notStarted = new OpenAiCompatibleModelProvider();

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> notStarted.complete(request(Credentials.system())));

        // then
        assertThat(e.kind()).isEqualTo(Kind.INTERNAL);
        assertThat(notStarted.id()).isEqualTo("openai-compatible");
    }
}
