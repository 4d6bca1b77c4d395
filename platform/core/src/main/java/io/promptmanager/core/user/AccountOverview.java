package io.promptmanager.core.user;

import io.promptmanager.core.plan.Entitlements;
import io.promptmanager.core.quota.DailyUsage;

/** What {@code GET /api/v1/me} and the console header show about the signed-in account. */
public record AccountOverview(User user, Entitlements entitlements, DailyUsage usage) {
}
