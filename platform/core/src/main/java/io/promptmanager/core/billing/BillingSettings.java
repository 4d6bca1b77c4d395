package io.promptmanager.core.billing;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How the platform handles subscriptions ({@code billing.*}, {@code console.public-url}).
 *
 * @param gracePeriod      how long a subscription whose renewal failed (PAST_DUE) keeps PRO
 * @param sweepInterval    how often expired grace periods are looked for
 * @param consolePublicUrl the console's address as users' browsers reach it (without a trailing
 *                         slash): the payment pages send users back there
 */
public record BillingSettings(Duration gracePeriod, Duration sweepInterval, URI consolePublicUrl) {
    public static final Duration DEFAULT_GRACE_PERIOD = Duration.ofDays(7);
    public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofMinutes(1);
    public static final URI DEFAULT_CONSOLE_PUBLIC_URL = URI.create("http://localhost:8081");

    public BillingSettings {
        Objects.requireNonNull(gracePeriod, "gracePeriod");
        Objects.requireNonNull(sweepInterval, "sweepInterval");
        Objects.requireNonNull(consolePublicUrl, "consolePublicUrl");
        if (gracePeriod.isNegative()) {
            throw new IllegalArgumentException("billing.grace-period must not be negative");
        }
        if (sweepInterval.isNegative() || sweepInterval.isZero()) {
            throw new IllegalArgumentException("billing.grace-sweep-interval must be positive");
        }
        String scheme = consolePublicUrl.getScheme() == null ? "" : consolePublicUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || consolePublicUrl.getHost() == null
                || consolePublicUrl.getRawQuery() != null || consolePublicUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("console.public-url must be an http(s) address without query, e.g. "
                    + "https://prompts.example.com, was " + consolePublicUrl);
        }
        String text = consolePublicUrl.toString();
        consolePublicUrl = text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : consolePublicUrl;
    }

    /** A 7-day grace period, a sweep every minute, the console on http://localhost:8081. */
    public static BillingSettings defaults() {
        return new BillingSettings(DEFAULT_GRACE_PERIOD, DEFAULT_SWEEP_INTERVAL, DEFAULT_CONSOLE_PUBLIC_URL);
    }

    public BillingSettings withGracePeriod(Duration period) {
        return new BillingSettings(period, sweepInterval, consolePublicUrl);
    }

    public BillingSettings withConsolePublicUrl(URI url) {
        return new BillingSettings(gracePeriod, sweepInterval, url);
    }
}
