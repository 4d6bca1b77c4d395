package io.promptmanager.plugins.openrouter;

import com.fasterxml.jackson.databind.JsonNode;
import io.promptmanager.plugin.model.ProviderException.Kind;
import io.promptmanager.plugins.openaiwire.Json;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class OpenRouterErrorsTest {
    private final OpenRouterErrors errors = new OpenRouterErrors();

    @Test
    void fallsBackToTheRetryAfterOfAnAvailabilityError() {
        // given
        JsonNode error = error("{\"error\":{\"code\":429,\"message\":\"All providers are at capacity\",\"availability\":"
                + "{\"code\":\"capacity_exhausted\",\"retryable\":true,\"retry_after\":12}}}");

        // when
        var e = errors.fromStatus(429, error, null, null);

        // then
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(12));
    }

    @Test
    void takesNotFoundModelsAsBadRequests() {
        // given
        JsonNode error = error("{\"error\":{\"code\":404,\"message\":\"No endpoints found for acme/model.\"}}");

        // when
        var e = errors.fromStatus(404, error, null, null);

        // then
        assertThat(e.kind()).isEqualTo(Kind.BAD_REQUEST);
        assertThat(e.getMessage()).isEqualTo("OpenRouter refused the request: No endpoints found for acme/model.");
    }

    private static JsonNode error(String body) {
        return Json.objectAt(Json.parse(body, OpenRouterWire.NAME), "error");
    }
}
