package io.promptmanager.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock, set back by as much as a test chooses: what a fake service on this clock does
 * then happened that long ago (a payment two days back, an event a minute old).
 */
final class ShiftedClock extends Clock {
    private volatile Duration back = Duration.ZERO;

    void setBack(Duration back) {
        this.back = back;
    }

    @Override
    public Instant instant() {
        return Instant.now().minus(back);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("stays in UTC");
    }
}
