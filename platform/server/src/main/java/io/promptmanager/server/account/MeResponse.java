package io.promptmanager.server.account;

import io.promptmanager.core.apikey.Scope;
import io.promptmanager.core.common.Channel;
import io.promptmanager.core.plan.Entitlements;
import io.promptmanager.core.quota.DailyUsage;
import io.promptmanager.core.user.AccountOverview;
import io.promptmanager.core.user.Actor;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code GET /api/v1/me}: the account, its plan and entitlements, today's usage, and the key in use. */
public record MeResponse(UserDto user, String plan, EntitlementsDto entitlements, UsageDto usage,
                         ApiKeyInUse apiKey) {

    public static MeResponse from(AccountOverview overview, Actor actor) {
        return new MeResponse(UserDto.from(overview.user()), overview.user().plan().name(),
                EntitlementsDto.from(overview.entitlements()), UsageDto.from(overview.usage()),
                new ApiKeyInUse(actor.apiKeyId(), actor.scopes().stream().map(Scope::wireName).sorted().toList()));
    }

    /** What the plan allows; {@code dailyExecutions} is null when unlimited. */
    public record EntitlementsDto(Integer dailyExecutions, List<String> executionChannels, boolean publicApi,
                                  boolean apiKeys, boolean allModels, boolean byok, boolean prioritySupport) {
        static EntitlementsDto from(Entitlements e) {
            return new EntitlementsDto(e.dailyExecutions(),
                    e.executionChannels().stream().map(Channel::name).sorted().toList(),
                    e.publicApi(), e.apiKeys(), e.allModels(), e.byok(), e.prioritySupport());
        }
    }

    /** Today's (UTC) executions; {@code limit} and {@code remaining} are null when unlimited. */
    public record UsageDto(int used, Integer limit, Integer remaining, Instant resetsAt) {
        static UsageDto from(DailyUsage usage) {
            return new UsageDto(usage.used(), usage.limit(), usage.remaining(), usage.resetsAt());
        }
    }

    /** The key this request was made with and its scopes (never the secret). */
    public record ApiKeyInUse(UUID id, List<String> scopes) {
    }
}
