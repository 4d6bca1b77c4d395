package io.promptmanager.core.plan;

import io.promptmanager.core.common.Channel;

import java.util.Set;

/**
 * What a plan allows. {@code dailyExecutions} is null when runs are unlimited.
 */
public record Entitlements(Plan plan, Integer dailyExecutions, Set<Channel> executionChannels,
                           boolean publicApi, boolean apiKeys, boolean allModels, boolean byok,
                           boolean prioritySupport) {
    public Entitlements {
        executionChannels = Set.copyOf(executionChannels);
    }

    /** Business days (UTC, Monday to Friday) within which the support team answers with priority support. */
    public static final int PRIORITY_SUPPORT_BUSINESS_DAYS = 1;
    /** Business days within which the support team answers, on a best-effort basis, without priority support. */
    public static final int STANDARD_SUPPORT_BUSINESS_DAYS = 3;

    public boolean unlimitedExecutions() {
        return dailyExecutions == null;
    }

    /** The response time support promises on this plan, in business days (see {@code docs/support.md}). */
    public int supportResponseBusinessDays() {
        return prioritySupport ? PRIORITY_SUPPORT_BUSINESS_DAYS : STANDARD_SUPPORT_BUSINESS_DAYS;
    }
}
