package io.promptmanager.core.execution;

import io.promptmanager.core.common.BillingType;
import io.promptmanager.core.common.DomainException;

import java.time.Instant;

/**
 * Which executions to list; every field may be null (no filter).
 *
 * @param prompt the prompt's name (as it was when the run happened)
 * @param from   runs at or after this instant
 * @param to     runs before this instant
 */
public record ExecutionFilter(String prompt, ExecutionStatus status, BillingType billingType, String model,
                              Instant from, Instant to) {
    public static final ExecutionFilter NONE = new ExecutionFilter(null, null, null, null, null, null);

    public ExecutionFilter {
        if (from != null && to != null && !from.isBefore(to)) {
            throw DomainException.invalid("to", "to must be after from");
        }
    }
}
