package io.promptmanager.core.billing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProratedRefundTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void yearlyCancelledHundredDaysInRefundsTheUnused265DaysRoundedDown() {
        Instant end = START.plus(Duration.ofDays(365));

        // 7000 × (265 × 86400) / (365 × 86400) = 5082.19… → 5082
        assertThat(ProratedRefund.amount(7000, START, end, START.plus(Duration.ofDays(100)))).isEqualTo(5082);
    }

    @Test
    void monthlyCancelledTenDaysIntoAThirtyOneDayMonthRefundsTwentyOneDays() {
        Instant end = Instant.parse("2026-02-01T00:00:00Z");

        // 700 × 21 / 31 = 474.19… → 474
        assertThat(ProratedRefund.amount(700, START, end, START.plus(Duration.ofDays(10)))).isEqualTo(474);
    }

    @Test
    void monthlyCancelledHalfAnHourInRefundsAlmostEverythingButNeverMore() {
        Instant end = Instant.parse("2026-02-01T00:00:00Z");

        // 700 × (2678400 − 1800) / 2678400 = 699.53 → 699
        assertThat(ProratedRefund.amount(700, START, end, START.plus(Duration.ofMinutes(30)))).isEqualTo(699);
    }

    @Test
    void roundsDownToTheCentAlsoWithinASecond() {
        Instant end = START.plus(Duration.ofDays(365));

        // a second before the end of a yearly period leaves 7000 / 31536000 of a cent: nothing
        assertThat(ProratedRefund.amount(7000, START, end, end.minusSeconds(1))).isZero();
        // one cent needs 31536000 / 7000 = 4505.14 s unused; half a second short of 4506 s is still nothing
        assertThat(ProratedRefund.amount(7000, START, end, end.minusSeconds(4506))).isEqualTo(1);
        assertThat(ProratedRefund.amount(7000, START, end, end.minusSeconds(4505).minusMillis(500))).isZero();
    }

    @Test
    void clampsTheUnusedTimeToThePeriod() {
        Instant end = START.plus(Duration.ofDays(30));

        assertThat(ProratedRefund.amount(700, START, end, START.minus(Duration.ofDays(3)))).isEqualTo(700);
        assertThat(ProratedRefund.amount(700, START, end, START)).isEqualTo(700);
        assertThat(ProratedRefund.amount(700, START, end, end)).isZero();
        assertThat(ProratedRefund.amount(700, START, end, end.plus(Duration.ofDays(2)))).isZero();
    }

    @Test
    void nothingIsRefundedOfAnEmptyPeriodOrPayment() {
        assertThat(ProratedRefund.amount(700, START, START, START.minusSeconds(10))).isZero();
        assertThat(ProratedRefund.amount(700, START, START.minusSeconds(5), START.minusSeconds(10))).isZero();
        assertThat(ProratedRefund.amount(0, START, START.plusSeconds(100), START)).isZero();
    }

    @Test
    void refusesANegativePaymentAndOverflowsLoudlyRatherThanWrongly() {
        Instant end = START.plus(Duration.ofDays(365));

        assertThatThrownBy(() -> ProratedRefund.amount(-1, START, end, START))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProratedRefund.amount(Long.MAX_VALUE / 1000, START, end, START))
                .isInstanceOf(ArithmeticException.class);
    }
}
