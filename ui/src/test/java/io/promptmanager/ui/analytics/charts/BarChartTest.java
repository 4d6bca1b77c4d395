package io.promptmanager.ui.analytics.charts;

import io.promptmanager.ui.format.Formats;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BarChartTest {

    @Test
    void drawsOneLabelledBarPerNameWithTheExactValue() {
        // given
        Map<String, BigDecimal> costByPrompt = new LinkedHashMap<>();
        costByPrompt.put("summarise", new BigDecimal("0.000136"));
        costByPrompt.put("translate", new BigDecimal("1.5"));

        // when
        String svg = BarChart.svg("Cost by prompt", "Cost (USD)", costByPrompt, "other",
                value -> Formats.usd((BigDecimal) value, Locale.ENGLISH));

        // then
        assertThat(svg).startsWith("<svg").endsWith("</svg>")
                .contains("<title>Cost by prompt</title>", ">summarise<", ">translate<", ">$0.000136<", ">$1.50<",
                        "Cost (USD)");
    }

    @Test
    void sumsTheBarsBeyondTheMostItDrawsIntoOne() {
        // given
        Map<String, Long> runs = new LinkedHashMap<>();
        for (int i = 1; i <= BarChart.MAX_BARS + 3; i++) {
            runs.put("prompt-" + i, 100L - i);
        }

        // when
        Map<String, Number> bars = BarChart.limit(runs, "4 others");

        // then
        assertThat(bars).hasSize(BarChart.MAX_BARS).containsEntry("prompt-11", 89L);
        assertThat(new BigDecimal(bars.get("4 others").toString())).isEqualByComparingTo("346"); // 88+87+86+85
        assertThat(BarChart.limit(Map.of("only", 1L), "other")).containsExactly(Map.entry("only", 1L));
    }

    @Test
    void escapesNamesInTheSvg() {
        String svg = BarChart.svg("Runs by prompt <all>", "Runs", Map.of("a<b&c", 3L), "other",
                value -> Long.toString(value.longValue()));

        assertThat(svg).contains("a&lt;b&amp;c", "<title>Runs by prompt &lt;all&gt;</title>").doesNotContain("a<b");
    }
}
