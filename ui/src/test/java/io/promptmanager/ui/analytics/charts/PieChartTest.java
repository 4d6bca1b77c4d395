package io.promptmanager.ui.analytics.charts;

import io.promptmanager.ui.format.Formats;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PieChartTest {

    @Test
    void labelsEachSliceWithItsValueAndShare() {
        // given
        Map<String, Long> runsByBilling = new LinkedHashMap<>();
        runsByBilling.put("SYSTEM", 3L);
        runsByBilling.put("BYOK", 1L);

        // when
        String svg = PieChart.svg("Runs by billing type", runsByBilling,
                value -> Formats.count(value.longValue(), Locale.ENGLISH), ratio -> Formats.percent(ratio, Locale.ENGLISH));

        // then
        assertThat(svg).startsWith("<svg").contains("<title>Runs by billing type</title>",
                ">SYSTEM: 3 (75.0%)<", ">BYOK: 1 (25.0%)<");
    }

    @Test
    void separateDrawingsNeverShareAnIdInOnePage() {
        String first = PieChart.svg("a", Map.of("SYSTEM", 1L), value -> "1", ratio -> "100%");
        String second = PieChart.svg("b", Map.of("SYSTEM", 1L), value -> "1", ratio -> "100%");

        assertThat(ids(first)).isNotEmpty().doesNotContainAnyElementsOf(ids(second));
    }

    private static java.util.Set<String> ids(String svg) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("id=['\"]([^'\"]+)['\"]").matcher(svg);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }
}
