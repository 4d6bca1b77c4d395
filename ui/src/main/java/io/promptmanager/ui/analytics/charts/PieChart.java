package io.promptmanager.ui.analytics.charts;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.StandardPieSectionLabelGenerator;
import org.jfree.chart.plot.PiePlot;
import org.jfree.data.general.DefaultPieDataset;
import org.jfree.data.general.PieDataset;

import java.awt.Color;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.function.Function;

/** Shares of a whole as a pie, each slice labelled "name: value (share)": e.g. SYSTEM vs BYOK runs. */
public final class PieChart {
    private PieChart() {
    }

    /** @param format how a value is written in the labels (exactly, from the Number given) */
    public static String svg(String description, Map<String, ? extends Number> values,
                             Function<Number, String> format, Function<BigDecimal, String> share) {
        DefaultPieDataset<String> dataset = new DefaultPieDataset<>();
        values.forEach(dataset::setValue);
        BigDecimal total = values.values().stream().map(v -> new BigDecimal(v.toString()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        JFreeChart chart = ChartFactory.createPieChart(null, dataset, false, false, false);
        @SuppressWarnings("unchecked")
        PiePlot<String> plot = (PiePlot<String>) chart.getPlot();
        plot.setLabelFont(SvgRenderer.FONT);
        plot.setLabelBackgroundPaint(Color.WHITE);
        plot.setLabelShadowPaint(null);
        plot.setLabelOutlinePaint(null);
        plot.setMaximumLabelWidth(0.4);
        plot.setShadowPaint(null);
        plot.setSectionOutlinesVisible(false);
        int index = 0;
        for (String key : values.keySet()) {
            plot.setSectionPaint(key, SvgRenderer.PALETTE[index++ % SvgRenderer.PALETTE.length]);
        }
        plot.setLabelGenerator(new StandardPieSectionLabelGenerator() {
            @Override
            public String generateSectionLabel(PieDataset data, Comparable key) {
                BigDecimal value = new BigDecimal(data.getValue(key).toString());
                BigDecimal ratio = total.signum() == 0 ? BigDecimal.ZERO
                        : value.divide(total, 3, RoundingMode.HALF_UP);
                return key + ": " + format.apply(data.getValue(key)) + " (" + share.apply(ratio) + ")";
            }
        });
        return SvgRenderer.render(chart, description, 480, 260);
    }
}
