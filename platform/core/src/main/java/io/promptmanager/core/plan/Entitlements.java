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

    public boolean unlimitedExecutions() {
        return dailyExecutions == null;
    }
}
