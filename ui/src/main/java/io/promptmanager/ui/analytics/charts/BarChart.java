package io.promptmanager.ui.analytics.charts;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One value per name as horizontal bars, each labelled with its exact value: runs or cost by
 * prompt or by model. Bars are horizontal so that long names stay readable.
 */
public final class BarChart {
    /** Most bars drawn; the rest are summed into one "other" bar by the caller's label. */
    static final int MAX_BARS = 12;

    private BarChart() {
    }

    /**
     * @param values bars in the order given, largest first usually
     * @param other  the label of the bar that sums what is beyond {@link #MAX_BARS}
     * @param format how a value is written in labels (exactly, from the Number given)
     */
    public static String svg(String description, String valueAxisLabel, Map<String, ? extends Number> values,
                             String other, Function<Number, String> format) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        limit(values, other).forEach((name, value) -> dataset.addValue(value, valueAxisLabel, name));
        JFreeChart chart = ChartFactory.createBarChart(null, null, valueAxisLabel, dataset,
                PlotOrientation.HORIZONTAL, false, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setRangeGridlinePaint(new java.awt.Color(0xE9ECEF));
        CategoryAxis names = plot.getDomainAxis();
        names.setTickLabelFont(SvgRenderer.FONT);
        names.setMaximumCategoryLabelWidthRatio(0.35f);
        plot.getRangeAxis().setTickLabelFont(SvgRenderer.FONT);
        plot.getRangeAxis().setLabelFont(SvgRenderer.FONT);
        plot.getRangeAxis().setUpperMargin(0.2);
        if (values.values().stream().allMatch(value -> value instanceof Long || value instanceof Integer)) {
            plot.getRangeAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, SvgRenderer.PALETTE[0]);
        renderer.setMaximumBarWidth(0.08);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator() {
            @Override
            public String generateLabel(CategoryDataset data, int row, int column) {
                return format.apply(data.getValue(row, column));
            }
        });
        renderer.setDefaultItemLabelFont(SvgRenderer.FONT);
        renderer.setDefaultItemLabelsVisible(true);
        int height = 60 + 28 * Math.max(1, dataset.getColumnCount());
        return SvgRenderer.render(chart, description, 720, height);
    }

    /** The first bars as given, and the rest summed exactly into one bar named {@code other}. */
    static Map<String, Number> limit(Map<String, ? extends Number> values, String other) {
        Map<String, Number> kept = new LinkedHashMap<>();
        BigDecimal rest = null;
        int index = 0;
        for (Map.Entry<String, ? extends Number> entry : values.entrySet()) {
            if (values.size() <= MAX_BARS || index++ < MAX_BARS - 1) {
                kept.put(entry.getKey(), entry.getValue());
            } else {
                BigDecimal value = new BigDecimal(entry.getValue().toString());
                rest = rest == null ? value : rest.add(value);
            }
        }
        if (rest != null) {
            kept.put(other, rest);
        }
        return kept;
    }
}
