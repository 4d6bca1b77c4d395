package io.promptmanager.core.execution;

import io.promptmanager.core.common.BillingType;
import io.promptmanager.core.common.Channel;
import io.promptmanager.core.quota.QuotaReservation;

import java.time.Instant;
import java.util.UUID;

/**
 * One run as it is written, with the quota reservation its write settles.
 *
 * @param versionId         the id of the version that ran, whose prompt the stored run points to (that
 *                          prompt id is null once the prompt is deleted); null when unknown
 * @param errorCode         the ErrorCode name (or CLIENT_DISCONNECTED) of a FAILED run, else null
 * @param variablesJson     the capped variables as JSON; null when even the shortened copy was too large
 * @param consumesQuota     false when the run failed upstream and gives its quota unit back
 */
public record ExecutionRecord(UUID id, UUID userId, String promptName, int versionNumber, UUID versionId,
                              String provider, String model, Channel channel, BillingType billingType,
                              ExecutionStatus status,
                              String errorCode, String finishReason, Tokens tokens, Cost cost, long latencyMs,
                              String providerRequestId, String variablesJson, boolean variablesTruncated,
                              String output, boolean outputTruncated, Instant createdAt,
                              QuotaReservation reservation, boolean consumesQuota) {
    /** The error code stored for a streamed run whose caller went away before it finished. */
    public static final String CLIENT_DISCONNECTED = "CLIENT_DISCONNECTED";
}
