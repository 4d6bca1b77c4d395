package io.promptmanager.core.billing;

import io.promptmanager.core.common.Money;
import io.promptmanager.plugin.billing.BillingInterval;

/**
 * What the audit log keeps of the users' billing actions (public because the audit writes them
 * as JSON). Never a checkout or portal URL: those let whoever holds them act for the user.
 */
public final class BillingAudit {
    private BillingAudit() {
    }

    /** {@code billing.checkout}: a checkout page was opened. */
    public record Checkout(BillingInterval interval, String sessionId) {
    }

    /** {@code billing.cancel}: the subscription was cancelled, and what it refunded. */
    public record Cancel(CancelMode mode, Subscription subscription, Money refunded) {
    }
}
