package io.promptmanager.core.quota;

/**
 * How a reserved run ended, settled with the execution's own record (see {@link UsageService#settle}).
 *
 * @param consumed true when the run uses up its unit (it succeeded, or the caller went away);
 *                 false when it failed upstream and its unit is given back
 */
public record QuotaOutcome(QuotaReservation reservation, boolean consumed) {
}
