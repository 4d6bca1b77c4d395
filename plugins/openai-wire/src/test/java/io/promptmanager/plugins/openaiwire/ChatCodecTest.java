package io.promptmanager.plugins.openaiwire;

import io.promptmanager.plugin.model.ChatMessage;
import io.promptmanager.plugin.model.CompletionRequest;
import io.promptmanager.plugin.model.CompletionResult;
import io.promptmanager.plugin.model.Credentials;
import io.promptmanager.plugin.model.GenerationParameters;
import io.promptmanager.plugin.model.ProviderException;
import io.promptmanager.plugin.model.ProviderException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The bytes of a request, and what is read from a whole answer, whatever else the answer holds. */
class ChatCodecTest {
    private final ChatCodec codec = new ChatCodec(UpstreamHttpIT.DIALECT);

    @Test
    void writesEveryFieldInItsOrderWithExactDecimalsAndEscapedText() {
        // given
        GenerationParameters parameters = new GenerationParameters(new BigDecimal("0.70"), 256,
                new BigDecimal("1E+0"), new BigDecimal("-0.5"), new BigDecimal("1"), List.of("END", "\n\n"), 42L);
        CompletionRequest request = new CompletionRequest("openai/gpt-4o", List.of(
                new ChatMessage("system", "Be \"brief\"\\ and kind"),
                new ChatMessage("user", "Caf\u00e9 \u2603 \ud83d\ude00\ttab\u0001")), parameters,
                Credentials.system(), Instant.now(), "exec-1");

        // when
        String body = new String(codec.request(request, false), StandardCharsets.UTF_8);

        // then
        assertThat(body).isEqualTo("{\"model\":\"openai/gpt-4o\",\"messages\":["
                + "{\"role\":\"system\",\"content\":\"Be \\\"brief\\\"\\\\ and kind\"},"
                + "{\"role\":\"user\",\"content\":\"Caf\u00e9 \u2603 \\uD83D\\uDE00\\ttab\\u0001\"}],"
                + "\"temperature\":0.70,\"max_tokens\":256,\"top_p\":1,\"frequency_penalty\":-0.5,"
                + "\"presence_penalty\":1,\"stop\":[\"END\",\"\\n\\n\"],\"seed\":42,\"stream\":false}");
    }

    @Test
    void writesOnlyTheParametersThatAreSet() {
        // given
        CompletionRequest request = new CompletionRequest("m", List.of(new ChatMessage("user", "Hi")),
                new GenerationParameters(null, null, null, null, null, List.of(), null), Credentials.system(),
                Instant.now(), "exec-1");

        // when
        String body = new String(codec.request(request, true), StandardCharsets.UTF_8);

        // then
        assertThat(body).isEqualTo("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"stream\":true}");
    }

    @Test
    void readsAnAnswerSkippingEverythingElseItHolds() {
        // given extra fields of every shape before, between and inside the ones read
        String answer = """
                {"provider":"X","extra":{"nested":[1,2,{"deep":[true,null,"s"]}],"n":1.5e3},
                 "id":"gen-1","object":"chat.completion","created":1735000000,"model":"openai/gpt-4o",
                 "choices":[{"logprobs":null,"index":0,"message":{"role":"assistant","refusal":null,
                   "content":"Paris.","reasoning":{"steps":["a","b"]}},"finish_reason":"stop",
                   "native_finish_reason":"STOP"},
                   {"index":1,"message":{"role":"assistant","content":"Lyon."},"finish_reason":"length"}],
                 "system_fingerprint":"fp","usage":{"prompt_tokens":31,"completion_tokens":14,
                   "prompt_tokens_details":{"cached_tokens":0},"total_tokens":45},"trailing":[[],{}]}""";

        // when
        CompletionResult result = codec.result(bytes(answer), "k");

        // then
        assertThat(result.text()).isEqualTo("Paris.");
        assertThat(result.finishReason()).isEqualTo("stop");
        assertThat(result.providerRequestId()).isEqualTo("gen-1");
        assertThat(result.model()).isEqualTo("openai/gpt-4o");
        assertThat(result.usage().promptTokens()).isEqualTo(31);
        assertThat(result.usage().completionTokens()).isEqualTo(14);
    }

    @Test
    void readsAMissingUsageAsNoUsage() {
        CompletionResult result = codec.result(bytes("{\"choices\":[{\"message\":{\"content\":\"Hi\"}}]}"), "k");

        assertThat(result.usage()).isEqualTo(ChatCodec.NO_USAGE);
        assertThat(result.providerRequestId()).isNull();
        assertThat(result.finishReason()).isNull();
    }

    @Test
    void readsANullUsageAsNoUsage() {
        CompletionResult result = codec.result(bytes("{\"choices\":[],\"usage\":null}"), "k");

        assertThat(result.usage()).isEqualTo(ChatCodec.NO_USAGE);
    }

    @Test
    void readsNullOrNonTextContentAsEmptyText() {
        assertThat(codec.result(bytes("{\"choices\":[{\"message\":{\"content\":null},\"finish_reason\":\"stop\"}]}"),
                "k").text()).isEmpty();
        assertThat(codec.result(bytes("{\"choices\":[{\"message\":{\"content\":[{\"type\":\"text\"}]}}]}"),
                "k").text()).isEmpty();
        assertThat(codec.result(bytes("{\"choices\":[{\"message\":\"Hi\"}]}"), "k").text()).isEmpty();
        assertThat(codec.result(bytes("{\"choices\":[\"Hi\"]}"), "k").text()).isEmpty();
    }

    @Test
    void readsNoChoiceAsEmptyText() {
        CompletionResult result = codec.result(bytes("{\"id\":\"gen-2\",\"choices\":[]}"), "k");

        assertThat(result.text()).isEmpty();
        assertThat(result.finishReason()).isNull();
        assertThat(result.providerRequestId()).isEqualTo("gen-2");
    }

    @Test
    void readsNonTextIdsAsAbsent() {
        CompletionResult result = codec.result(bytes("{\"id\":7,\"model\":{\"x\":1},\"choices\":[]}"), "k");

        assertThat(result.providerRequestId()).isNull();
        assertThat(result.model()).isNull();
    }

    @Test
    void keepsTheLastOfARepeatedField() {
        CompletionResult result = codec.result(bytes("{\"id\":\"a\",\"choices\":[{\"message\":{\"content\":\"x\"}}],"
                + "\"id\":\"b\",\"choices\":[{\"message\":{\"content\":\"y\"}}]}"), "k");

        assertThat(result.providerRequestId()).isEqualTo("b");
        assertThat(result.text()).isEqualTo("y");
    }

    @Test
    void failsWithTheMappedErrorWhenTheAnswerHoldsAnErrorObjectWherever() {
        // given an error after the choices, as some servers send a partly generated answer
        String answer = "{\"choices\":[{\"message\":{\"content\":\"Par\"}}],\"error\":{\"code\":502,\"message\":\"down\"}}";

        // when
        ProviderException e = catchThrowableOfType(ProviderException.class, () -> codec.result(bytes(answer), "k"));

        // then
        assertThat(e.kind()).isEqualTo(Kind.STREAM_ERROR);
        assertThat(e.getMessage()).isEqualTo("in band");
    }

    @Test
    void failsWithTheMappedErrorWhenTheAnswerIsOnlyAnError() {
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> codec.result(bytes("{\"error\":{\"message\":\"no\",\"metadata\":{\"raw\":[1]}}}"), "k"));

        assertThat(e.getMessage()).isEqualTo("in band");
    }

    @Test
    void ignoresAnErrorThatIsNotAnObject() {
        CompletionResult result = codec.result(bytes("{\"error\":null,\"choices\":[{\"message\":{\"content\":\"Hi\"}}]}"),
                "k");

        assertThat(result.text()).isEqualTo("Hi");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not json", "[]", "\"text\"", "42", "{}", "{\"choices\":{}}",
            "{\"choices\":null}", "{\"choices\":[{\"message\":{\"content\":\"Hi\"}}]",
            "{\"choices\":[{\"message\":{\"content\":\"Hi\"}}],\"usage\":{\"prompt_tokens\":}}",
            "{\"choices\":[],\"extra\":[1,2}", "{\"error\":{\"message\":\"x\"}"})
    void failsAsMalformedWhenTheAnswerIsNotAChatCompletion(String answer) {
        ProviderException e = catchThrowableOfType(ProviderException.class, () -> codec.result(bytes(answer), "k"));

        assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
        assertThat(e.getMessage()).isEqualTo("Upstream sent a response that is not the JSON it documents");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
