package io.promptmanager.server.execution;

import io.promptmanager.core.execution.ExecutionResult;
import io.promptmanager.server.http.ApiJson;
import jakarta.json.stream.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.UUID;

/**
 * A finished run: its id, the whole output, usage, cost as an exact decimal string (null when
 * unknown) and where the cost comes from.
 */
public record ExecutionResultDto(UUID id, String prompt, int version, String provider, String model, String output,
                                 String finishReason, UsageDto usage, String cost, String costSource,
                                 String billingType, long latencyMs, Instant createdAt) {
    static ExecutionResultDto from(ExecutionResult r) {
        return new ExecutionResultDto(r.executionId(), r.promptName(), r.version(), r.provider(), r.model(),
                r.output(), r.finishReason(), UsageDto.from(r.usage()),
                r.cost().amount() == null ? null : r.cost().amount().toPlainString(), r.cost().source().name(),
                r.billingType().name(), r.latency().toMillis(), r.createdAt());
    }

    /**
     * This result as the API's JSON — what {@link ApiJson#write}
     * makes of it (members in name order, nulls written), by a JSON-P generator: every run
     * answers with one, and JSON-B's reflective writing cost several times as much.
     */
    byte[] toJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + (output == null ? 0 : output.length()));
        try (JsonGenerator json = ApiJson.generator(out)) {
            json.writeStartObject();
            text(json, "billingType", billingType);
            text(json, "cost", cost);
            text(json, "costSource", costSource);
            text(json, "createdAt", createdAt == null ? null : createdAt.toString());
            text(json, "finishReason", finishReason);
            text(json, "id", id == null ? null : id.toString());
            json.write("latencyMs", latencyMs);
            text(json, "model", model);
            text(json, "output", output);
            text(json, "prompt", prompt);
            text(json, "provider", provider);
            json.writeStartObject("usage")
                    .write("completionTokens", usage.completionTokens())
                    .write("promptTokens", usage.promptTokens())
                    .writeEnd();
            json.write("version", version);
            json.writeEnd();
        }
        return out.toByteArray();
    }

    private static void text(JsonGenerator json, String name, String value) {
        if (value == null) {
            json.writeNull(name);
        } else {
            json.write(name, value);
        }
    }
}
