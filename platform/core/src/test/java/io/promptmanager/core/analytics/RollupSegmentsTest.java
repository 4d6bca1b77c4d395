package io.promptmanager.core.analytics;

import io.promptmanager.core.analytics.RollupRepository.Segments;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class RollupSegmentsTest {

    @Test
    void readsWholeMonthsFromMonthRowsAndTheEdgesFromDayRows() {
        Segments s = Segments.of(day("2026-01-20"), day("2026-04-02"));

        assertThat(s.firstMonth()).isEqualTo(day("2026-02-01"));
        assertThat(s.lastMonth()).isEqualTo(day("2026-03-01"));
        assertThat(s.headFrom()).isEqualTo(day("2026-01-20"));
        assertThat(s.headTo()).isEqualTo(day("2026-01-31"));
        assertThat(s.tailFrom()).isEqualTo(day("2026-04-01"));
        assertThat(s.tailTo()).isEqualTo(day("2026-04-02"));
    }

    @Test
    void hasNoEdgesForARangeOfWholeMonths() {
        Segments s = Segments.of(day("2026-01-01"), day("2026-12-31"));

        assertThat(s.firstMonth()).isEqualTo(day("2026-01-01"));
        assertThat(s.lastMonth()).isEqualTo(day("2026-12-01"));
        assertThat(s.headFrom()).isAfter(s.headTo());
        assertThat(s.tailFrom()).isAfter(s.tailTo());
    }

    @Test
    void readsOnlyDayRowsWithinOneMonthOrAcrossTwoPartialOnes() {
        Segments within = Segments.of(day("2026-03-02"), day("2026-03-30"));
        Segments across = Segments.of(day("2026-03-15"), day("2026-04-14"));

        for (Segments s : new Segments[] {within, across}) {
            assertThat(s.firstMonth()).isAfter(s.lastMonth());
            assertThat(s.tailFrom()).isAfter(s.tailTo());
        }
        assertThat(within.headFrom()).isEqualTo(day("2026-03-02"));
        assertThat(within.headTo()).isEqualTo(day("2026-03-30"));
        assertThat(across.headFrom()).isEqualTo(day("2026-03-15"));
        assertThat(across.headTo()).isEqualTo(day("2026-04-14"));
    }

    @Test
    void readsASingleDayFromItsDayRowOnlyEvenOnTheFirstOfAMonth() {
        Segments s = Segments.of(day("2026-03-01"), day("2026-03-01"));

        assertThat(s.firstMonth()).isAfter(s.lastMonth());
        assertThat(s.tailFrom()).isAfter(s.tailTo());
        assertThat(s.headFrom()).isEqualTo(day("2026-03-01"));
        assertThat(s.headTo()).isEqualTo(day("2026-03-01"));
    }

    @Test
    void takesAWholeMonthEvenWhenTheRangeIsExactlyOneMonth() {
        Segments s = Segments.of(day("2026-02-01"), day("2026-02-28"));

        assertThat(s.firstMonth()).isEqualTo(day("2026-02-01"));
        assertThat(s.lastMonth()).isEqualTo(day("2026-02-01"));
        assertThat(s.headFrom()).isAfter(s.headTo());
        assertThat(s.tailFrom()).isAfter(s.tailTo());
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }
}
