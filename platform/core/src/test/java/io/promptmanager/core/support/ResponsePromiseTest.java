package io.promptmanager.core.support;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ResponsePromiseTest {

    @Test
    void oneBusinessDayFromAMondayEndsOnTuesdayNight() {
        assertThat(ResponsePromise.dueBy(Instant.parse("2026-03-02T09:30:00Z"), 1))
                .isEqualTo(Instant.parse("2026-03-04T00:00:00Z"));
    }

    @Test
    void oneBusinessDayFromAFridayOrTheWeekEndEndsOnMondayNight() {
        Instant mondayNight = Instant.parse("2026-03-10T00:00:00Z");
        assertThat(ResponsePromise.dueBy(Instant.parse("2026-03-06T23:59:00Z"), 1)).isEqualTo(mondayNight);
        assertThat(ResponsePromise.dueBy(Instant.parse("2026-03-07T08:00:00Z"), 1)).isEqualTo(mondayNight);
        assertThat(ResponsePromise.dueBy(Instant.parse("2026-03-08T22:00:00Z"), 1)).isEqualTo(mondayNight);
    }

    @Test
    void threeBusinessDaysFromAThursdaySkipTheWeekEnd() {
        assertThat(ResponsePromise.dueBy(Instant.parse("2026-03-05T12:00:00Z"), 3))
                .isEqualTo(Instant.parse("2026-03-11T00:00:00Z"));
    }
}
