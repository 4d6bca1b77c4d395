package io.promptmanager.core.support;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * When a promised answer is due: by the end (midnight UTC) of the N-th business day after the day
 * the requester wrote, business days being Monday to Friday in UTC. No public holidays are known.
 */
final class ResponsePromise {
    private ResponsePromise() {
    }

    static Instant dueBy(Instant wroteAt, int businessDays) {
        LocalDate day = LocalDate.ofInstant(wroteAt, ZoneOffset.UTC);
        int counted = 0;
        while (counted < businessDays) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                counted++;
            }
        }
        return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
