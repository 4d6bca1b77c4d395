package io.promptmanager.server.execution;

import io.helidon.webserver.http.ServerRequest;
import io.promptmanager.core.common.BillingType;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.execution.ExecutionFilter;
import io.promptmanager.core.execution.ExecutionStatus;
import io.promptmanager.server.http.Params;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The filters of the execution list and export: {@code prompt}, {@code status},
 * {@code billingType}, {@code model}, and {@code from} / {@code to} as a UTC day
 * ({@code 2026-03-01}, whole days, both included) or an ISO-8601 time ({@code to} excluded).
 */
final class ExecutionParams {
    private ExecutionParams() {
    }

    static ExecutionFilter filter(ServerRequest request) {
        return new ExecutionFilter(Params.query(request, "prompt").orElse(null),
                Params.queryEnum(request, "status", ExecutionStatus.class),
                Params.queryEnum(request, "billingType", BillingType.class),
                Params.query(request, "model").orElse(null),
                time(request, "from", false),
                time(request, "to", true));
    }

    private static Instant time(ServerRequest request, String name, boolean end) {
        String value = Params.query(request, name).orElse(null);
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(name,
                    name + " must be a day (2026-03-01) or an ISO-8601 time (2026-03-01T12:00:00Z)");
        }
    }
}
