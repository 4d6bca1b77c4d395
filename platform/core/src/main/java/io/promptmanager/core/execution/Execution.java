package io.promptmanager.core.execution;

import io.promptmanager.core.common.BillingType;
import io.promptmanager.core.common.Channel;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A recorded run as its owner reads it. In lists {@code variables} and {@code output} are null
 * (read one execution for them); the stored output and variables may be truncated copies.
 *
 * @param promptId null once the prompt was deleted (the name is a snapshot)
 */
public record Execution(UUID id, UUID promptId, String promptName, int version, String provider, String model,
                        Channel channel, BillingType billingType, ExecutionStatus status, String errorCode,
                        String finishReason, Tokens usage, Cost cost, long latencyMs, String providerRequestId,
                        Map<String, Object> variables, boolean variablesTruncated, String output,
                        boolean outputTruncated, Instant createdAt) {
}
