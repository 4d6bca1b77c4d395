package io.promptmanager.core.execution;

import io.promptmanager.core.common.BillingType;
import io.promptmanager.plugin.model.Credentials;

/** The key a run uses and who pays for it. {@link #toString()} never shows a key. */
public record ResolvedCredentials(Credentials credentials, BillingType billingType) {
    public static final ResolvedCredentials SYSTEM = new ResolvedCredentials(Credentials.system(), BillingType.SYSTEM);
}
