package io.promptmanager.server.execution;

import io.promptmanager.core.execution.Execution;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A recorded run; {@code variables} and {@code output} are null in lists. The stored copies
 * are capped ({@code variablesTruncated}, {@code outputTruncated}).
 */
public record ExecutionDto(UUID id, String prompt, UUID promptId, int version, String provider, String model,
                           String channel, String billingType, String status, String errorCode,
                           String finishReason, UsageDto usage, String cost, String costSource, long latencyMs,
                           String providerRequestId, Map<String, Object> variables, boolean variablesTruncated,
                           String output, boolean outputTruncated, Instant createdAt) {
    static ExecutionDto from(Execution e) {
        return new ExecutionDto(e.id(), e.promptName(), e.promptId(), e.version(), e.provider(), e.model(),
                e.channel().name(), e.billingType().name(), e.status().name(), e.errorCode(), e.finishReason(),
                UsageDto.from(e.usage()), e.cost().amount() == null ? null : e.cost().amount().toPlainString(),
                e.cost().source().name(), e.latencyMs(), e.providerRequestId(), e.variables(),
                e.variablesTruncated(), e.output(), e.outputTruncated(), e.createdAt());
    }
}
