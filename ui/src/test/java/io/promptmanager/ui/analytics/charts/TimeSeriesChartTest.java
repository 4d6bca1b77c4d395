package io.promptmanager.ui.analytics.charts;

import io.promptmanager.ui.format.Formats;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class TimeSeriesChartTest {
    private static final LocalDate FIRST = LocalDate.of(2026, 3, 1);

    @Test
    void drawsEachSeriesWithItsNameAndTheDates() {
        // given
        List<LocalDate> week = Stream.iterate(FIRST, day -> day.plusDays(1)).limit(7).toList();
        Map<LocalDate, Long> p50 = Map.of(FIRST, 120L, FIRST.plusDays(3), 340L);
        Map<LocalDate, Long> p95 = Map.of(FIRST, 900L, FIRST.plusDays(3), 2210L);

        // when
        String svg = TimeSeriesChart.svg("Latency per day", "ms", week,
                List.of(new TimeSeriesChart.Series("p50", p50), new TimeSeriesChart.Series("p95", p95)),
                value -> Formats.count(value.longValue(), Locale.ENGLISH) + " ms", Locale.ENGLISH);

        // then
        assertThat(svg).startsWith("<svg").contains("<title>Latency per day</title>", ">p50<", ">p95<", ">1 Mar<",
                ">4 Mar<");
    }

    @Test
    void labelsEachPointOfASingleLineWithItsExactValue() {
        // given
        List<LocalDate> week = Stream.iterate(FIRST, day -> day.plusDays(1)).limit(7).toList();
        Map<LocalDate, BigDecimal> cost = Map.of(FIRST, new BigDecimal("0.000136"), FIRST.plusDays(2), new BigDecimal("1.5"));

        // when
        String svg = TimeSeriesChart.svg("Cost per day", "USD", week, List.of(new TimeSeriesChart.Series("Cost", cost)),
                value -> Formats.usd((BigDecimal) value, Locale.ENGLISH), Locale.ENGLISH);

        // then
        assertThat(svg).contains(">$0.000136<", ">$1.50<").doesNotContain(">$0.00<");
    }

    @Test
    void labelsNoPointOnceTooManyWouldOverlap() {
        // given
        List<LocalDate> days = Stream.iterate(FIRST, day -> day.plusDays(1)).limit(90).toList();
        Map<LocalDate, BigDecimal> cost = new HashMap<>();
        days.forEach(day -> cost.put(day, new BigDecimal("0.0123")));

        // when
        String svg = TimeSeriesChart.svg("Cost per day", "USD", days, List.of(new TimeSeriesChart.Series("Cost", cost)),
                value -> Formats.usd((BigDecimal) value, Locale.ENGLISH), Locale.ENGLISH);

        // then
        assertThat(svg).startsWith("<svg").doesNotContain("$0.0123");
    }
}
