package io.promptmanager.plugins.stripe;

import org.pf4j.Plugin;

/**
 * The PF4J plugin holding {@link StripeBillingProvider}. It has no life of its own: the provider is
 * started and stopped by the host through {@code BillingProvider.start/stop}.
 */
public final class StripePlugin extends Plugin {
}
