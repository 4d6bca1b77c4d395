package io.promptmanager.plugin.billing;

/** How often a PRO subscription is paid. */
public enum BillingInterval {
    /** Billed every month. */
    MONTH,
    /** Billed every year. */
    YEAR
}
