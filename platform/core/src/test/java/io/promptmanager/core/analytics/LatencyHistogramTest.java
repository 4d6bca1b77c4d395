package io.promptmanager.core.analytics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyHistogramTest {

    @Test
    void putsEachLatencyInTheFirstBucketWhoseBoundHoldsIt() {
        assertThat(LatencyHistogram.bucketOf(0)).isZero();
        assertThat(LatencyHistogram.bucketOf(1)).isZero();
        assertThat(LatencyHistogram.upperBound(LatencyHistogram.bucketOf(9))).isEqualTo(9);
        assertThat(LatencyHistogram.upperBound(LatencyHistogram.bucketOf(10))).isEqualTo(10);
        assertThat(LatencyHistogram.upperBound(LatencyHistogram.bucketOf(11))).isEqualTo(12);
        assertThat(LatencyHistogram.upperBound(LatencyHistogram.bucketOf(300))).isEqualTo(330);
        assertThat(LatencyHistogram.upperBound(LatencyHistogram.bucketOf(1_000_000))).isEqualTo(1_000_000);
        assertThat(LatencyHistogram.bucketOf(1_000_001)).isEqualTo(LatencyHistogram.BUCKETS - 1);
        assertThat(LatencyHistogram.BUCKETS).isEqualTo(71);
    }

    @Test
    void boundsGrowByAtMostAQuarterFromTenMillisecondsOn() {
        for (int i = LatencyHistogram.bucketOf(10) + 1; i < LatencyHistogram.BUCKETS - 1; i++) {
            double ratio = (double) LatencyHistogram.upperBound(i) / LatencyHistogram.upperBound(i - 1);
            assertThat(ratio).as("bucket %d", i).isGreaterThan(1).isLessThanOrEqualTo(1.25);
        }
    }

    @Test
    void interpolatesThePercentileInsideItsBucket() {
        long[] counts = new long[LatencyHistogram.BUCKETS];
        for (int ms = 1; ms <= 1000; ms++) {
            counts[LatencyHistogram.bucketOf(ms)]++;
        }

        assertThat(LatencyHistogram.percentile(counts, 0.95)).isEqualTo(950);
        assertThat(LatencyHistogram.percentile(counts, 0.5)).isEqualTo(500);
        assertThat(LatencyHistogram.percentile(new long[LatencyHistogram.BUCKETS], 0.95)).isNull();
    }

    @Test
    void answersTheUpperBoundForASingleRunAndTheLowerBoundInTheOverflowBucket() {
        long[] one = new long[LatencyHistogram.BUCKETS];
        one[LatencyHistogram.bucketOf(300)] = 1;
        long[] overflow = new long[LatencyHistogram.BUCKETS];
        overflow[LatencyHistogram.BUCKETS - 1] = 3;

        assertThat(LatencyHistogram.percentile(one, 0.95)).isEqualTo(330);
        assertThat(LatencyHistogram.percentile(overflow, 0.95)).isEqualTo(1_000_000);
    }
}
