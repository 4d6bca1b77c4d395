package io.promptmanager.plugins.openaiwire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.promptmanager.plugin.model.ChatMessage;
import io.promptmanager.plugin.model.CompletionRequest;
import io.promptmanager.plugin.model.Credentials;
import io.promptmanager.plugin.model.GenerationParameters;
import io.promptmanager.plugin.model.ProviderException;
import io.promptmanager.plugin.model.ProviderException.Kind;
import io.promptmanager.plugin.model.TokenUsage;
import org.junit.jupiter.api.AfterEach;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A {@link RawUpstream} and the {@link UpstreamHttp} a test calls it with, both closed after each
 * test; a plain dialect, the capital-of-France question and its answer.
 */
abstract class RawUpstreamTestSupport {
    static final String ANSWER = "{\"id\":\"gen-1\",\"model\":\"m\",\"choices\":[{\"message\":"
            + "{\"role\":\"assistant\",\"content\":\"Paris.\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2}}";
    static final WireDialect DIALECT = new WireDialect(ServerName.proper("Upstream"), SettingNames.of("test"),
            new TokensOnly(), new StatusOnly());

    protected RawUpstream upstream;
    protected UpstreamHttp http;

    @AfterEach
    void closeBoth() throws IOException {
        if (http != null) {
            http.close();
        }
        upstream.close();
    }

    /** Chat completions from the upstream, without retries, sending the plugin's {@code headers}. */
    protected ChatCompletions chat(Duration readTimeout, Map<String, String> headers) {
        http = new UpstreamHttp(new HttpSettings(upstream.baseUrl(), Duration.ofSeconds(2), readTimeout, 0),
                DIALECT, headers, Clock.systemUTC(), Duration.ofMillis(10));
        return new ChatCompletions(http, DIALECT);
    }

    static CompletionRequest request(Duration timeLeft) {
        return new CompletionRequest("m", List.of(new ChatMessage("user", "Capital of France?")),
                GenerationParameters.defaults(), Credentials.system(), Instant.now().plus(timeLeft), "exec-1");
    }

    /** A 200 answer of {@code body} as {@code contentType}, its length given. */
    static String ok(String contentType, String body) {
        return "HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    private static final class TokensOnly implements UsageAccounting {
        @Override
        public void ask(JsonGenerator requestBody, boolean stream) {
        }

        @Override
        public TokenUsage read(JsonNode usage) {
            return new TokenUsage(Json.count(usage, "prompt_tokens"), Json.count(usage, "completion_tokens"), null,
                    false, null);
        }
    }

    private static final class StatusOnly implements ErrorMapping {
        @Override
        public ProviderException fromStatus(int status, JsonNode error, Duration retryAfter, String keyInUse) {
            return Failures.upstream(Kind.INTERNAL, "HTTP " + status, false, null, status);
        }

        @Override
        public ProviderException inBand(JsonNode error, boolean streamed, boolean deltasDelivered, String keyInUse) {
            return Failures.of(Kind.STREAM_ERROR, "in band", true);
        }
    }
}
