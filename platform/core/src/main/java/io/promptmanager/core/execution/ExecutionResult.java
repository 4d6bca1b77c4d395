package io.promptmanager.core.execution;

import io.promptmanager.core.common.BillingType;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A successful run, already durably recorded.
 *
 * @param output       the whole generated text (the stored copy may be truncated)
 * @param finishReason why generation stopped; may be null
 * @param latency      how long the provider took
 */
public record ExecutionResult(UUID executionId, String promptName, int version, String provider, String model,
                              String output, String finishReason, Tokens usage, Cost cost,
                              BillingType billingType, Duration latency, Instant createdAt) {
}
