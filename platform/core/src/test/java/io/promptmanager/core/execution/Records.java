package io.promptmanager.core.execution;

import io.promptmanager.core.common.BillingType;
import io.promptmanager.core.common.Channel;
import io.promptmanager.core.quota.QuotaReservation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/** Execution records as the service builds them, for tests of what stores and reads them. */
public final class Records {
    private Records() {
    }

    public static ExecutionRecord succeeded(UUID userId, String prompt, int version, String model, BillingType billing,
                                     long latencyMs, BigDecimal cost, Instant at) {
        return new ExecutionRecord(UUID.randomUUID(), userId, prompt, version, null, "fake", model, Channel.API, billing,
                ExecutionStatus.SUCCEEDED, null, "stop", new Tokens(10, 20),
                cost == null ? Cost.UNKNOWN : new Cost(cost, CostSource.PROVIDER), latencyMs, "gen-1",
                "{\"text\":\"x\"}", false, "output", false, at, uncounted(userId, at), true);
    }

    public static ExecutionRecord failed(UUID userId, String prompt, String errorCode, long latencyMs, Instant at) {
        return new ExecutionRecord(UUID.randomUUID(), userId, prompt, 1, null, "fake", "fake/model", Channel.API,
                BillingType.SYSTEM, ExecutionStatus.FAILED, errorCode, null, Tokens.NONE, Cost.UNKNOWN, latencyMs,
                null, "{}", false, "", false, at, uncounted(userId, at), false);
    }

    /** A failed run whose quota unit, counted on {@code countedOn} when it started, is given back. */
    public static ExecutionRecord refunded(UUID userId, String prompt, LocalDate countedOn, Instant at) {
        return new ExecutionRecord(UUID.randomUUID(), userId, prompt, 1, null, "fake", "fake/model", Channel.API,
                BillingType.SYSTEM, ExecutionStatus.FAILED, "PROVIDER_UNAVAILABLE", null, Tokens.NONE, Cost.UNKNOWN,
                9, null, "{}", false, "", false, at, new QuotaReservation(userId, countedOn, true), false);
    }

    /** The same run, made by the version {@code versionId}. */
    public static ExecutionRecord ofVersion(ExecutionRecord r, UUID versionId) {
        return new ExecutionRecord(r.id(), r.userId(), r.promptName(), r.versionNumber(), versionId, r.provider(),
                r.model(), r.channel(), r.billingType(), r.status(), r.errorCode(), r.finishReason(), r.tokens(),
                r.cost(), r.latencyMs(), r.providerRequestId(), r.variablesJson(), r.variablesTruncated(), r.output(),
                r.outputTruncated(), r.createdAt(), r.reservation(), r.consumesQuota());
    }

    private static QuotaReservation uncounted(UUID userId, Instant at) {
        return new QuotaReservation(userId, LocalDate.ofInstant(at, ZoneOffset.UTC), false);
    }
}
