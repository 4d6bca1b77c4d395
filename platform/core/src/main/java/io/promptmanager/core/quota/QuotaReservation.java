package io.promptmanager.core.quota;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The quota side of one execution: the UTC day it counts on, and whether its unit was already
 * taken when it started ({@code counted}, limited plans) or is counted only once it succeeds
 * (unlimited plans, so their hot path writes nothing before the run).
 */
public record QuotaReservation(UUID userId, LocalDate day, boolean counted) {

    /**
     * How the day's counter moves when the run ends: a counted run that did not consume its unit
     * (it failed upstream) gives it back; an uncounted run that consumed one is counted now.
     */
    public int settlement(boolean consumed) {
        if (counted) {
            return consumed ? 0 : -1;
        }
        return consumed ? 1 : 0;
    }
}
