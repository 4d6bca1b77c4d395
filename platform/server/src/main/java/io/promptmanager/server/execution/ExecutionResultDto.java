package io.promptmanager.server.execution;

import io.promptmanager.core.execution.ExecutionResult;

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
}
