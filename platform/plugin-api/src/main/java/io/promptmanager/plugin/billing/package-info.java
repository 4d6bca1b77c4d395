/**
 * The billing extension point: how the platform takes payment for the PRO plan through a
 * payment processor. Implementations must be thread-safe and throw only
 * {@link io.promptmanager.plugin.billing.BillingException}.
 */
package io.promptmanager.plugin.billing;
