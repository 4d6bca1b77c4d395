package io.promptmanager.server.billing;

/** Request bodies of the billing routes. */
public final class BillingRequests {
    private BillingRequests() {
    }

    /** {@code {"interval": "month" | "year"}}. */
    public record Checkout(String interval) {
    }

    /** {@code {"returnUrl": "https://…"}}, optional. */
    public record Portal(String returnUrl) {
    }

    /** {@code {"mode": "now" | "period_end"}}. */
    public record Cancel(String mode) {
    }

    /** {@code {"url": …, "sessionId": …}}. */
    public record CheckoutStarted(String url, String sessionId) {
    }

    /** {@code {"url": …}}. */
    public record Link(String url) {
    }

    /** {@code {"received": true}}: the webhook was applied, or had been already. */
    public record Received(boolean received) {
    }
}
