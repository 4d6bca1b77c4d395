package io.promptmanager.core.analytics;

import io.promptmanager.core.common.DomainException;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** A report over UTC days {@code from} to {@code to}, both included. */
public record AnalyticsQuery(LocalDate from, LocalDate to, GroupBy groupBy) {
    /** The longest range one report covers. */
    public static final int MAX_DAYS = 3_660;

    public AnalyticsQuery {
        if (from == null || to == null || groupBy == null) {
            throw new IllegalArgumentException("from, to and groupBy are required");
        }
        if (from.isAfter(to)) {
            throw DomainException.invalid("to", "to must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw DomainException.invalid("from", "a report covers at most " + MAX_DAYS + " days");
        }
    }
}
