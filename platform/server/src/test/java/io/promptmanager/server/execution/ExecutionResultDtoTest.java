package io.promptmanager.server.execution;

import io.promptmanager.server.http.ApiJson;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ExecutionResultDtoTest {

    @Test
    void writesExactlyWhatJsonBWritesForARunWithACost() {
        ExecutionResultDto result = new ExecutionResultDto(UUID.randomUUID(), "welcome", 3, "openrouter",
                "openai/gpt-4o-mini", "Hello \"Ada\"\n\u0001 — 😀", "stop", new UsageDto(12, 9), "0.000021",
                "PROVIDER", "SYSTEM", 812, Instant.parse("2026-11-30T08:36:16.123456Z"));

        assertThat(json(result)).isEqualTo(new String(ApiJson.write(result), StandardCharsets.UTF_8))
                .startsWith("{\"billingType\":\"SYSTEM\",\"cost\":\"0.000021\"");
    }

    @Test
    void writesNullsExplicitlyAsJsonBDoes() {
        ExecutionResultDto result = new ExecutionResultDto(UUID.randomUUID(), "p", 1, "echo", "m", "", null,
                new UsageDto(0, 0), null, "UNKNOWN", "BYOK", 0, Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(json(result)).isEqualTo(new String(ApiJson.write(result), StandardCharsets.UTF_8))
                .contains("\"cost\":null", "\"finishReason\":null", "\"createdAt\":\"2026-01-01T00:00:00Z\"");
    }

    private static String json(ExecutionResultDto result) {
        return new String(result.toJson(), StandardCharsets.UTF_8);
    }
}
