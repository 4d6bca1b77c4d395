package io.promptmanager.core.common;

/** Who pays the provider for a run: the platform's own key, or the user's own key. */
public enum BillingType {
    SYSTEM, BYOK
}
