package io.promptmanager.ui.analytics.charts;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.math.BigDecimal;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.Function;

/**
 * One or more values per UTC day as lines over a date axis (cost per day, latency per day…).
 * A single line with few non-zero points has each labelled with its exact value; several lines,
 * or a long busy range, show the lines alone (labels would overlap): the table beside the chart
 * has the numbers.
 */
public final class TimeSeriesChart {
    /** Most labelled points: beyond it labels overlap. */
    static final int MAX_LABELLED_POINTS = 15;
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    /** A named line: its value on each day of the range (a missing day is drawn as zero). */
    public record Series(String name, Map<LocalDate, ? extends Number> values) {
    }

    private TimeSeriesChart() {
    }

    /**
     * @param days   every day of the range, in order
     * @param format how a value is written in labels (exactly, from the Number given)
     */
    public static String svg(String description, String valueAxisLabel, List<LocalDate> days, List<Series> series,
                             Function<Number, String> format, Locale locale) {
        TimeSeriesCollection dataset = new TimeSeriesCollection(UTC);
        long nonZero = 0;
        for (Series line : series) {
            TimeSeries timeSeries = new TimeSeries(line.name());
            for (LocalDate day : days) {
                Number value = line.values().get(day);
                timeSeries.add(day(day, locale), value == null ? BigDecimal.ZERO : value);
                if (value != null && new BigDecimal(value.toString()).signum() != 0) {
                    nonZero++;
                }
            }
            dataset.addSeries(timeSeries);
        }
        JFreeChart chart = ChartFactory.createTimeSeriesChart(null, null, valueAxisLabel, dataset,
                series.size() > 1, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setDomainGridlinePaint(new Color(0xE9ECEF));
        plot.setRangeGridlinePaint(new Color(0xE9ECEF));
        DateAxis dates = (DateAxis) plot.getDomainAxis();
        dates.setTimeZone(UTC);
        dates.setLocale(locale);
        SimpleDateFormat dayFormat = new SimpleDateFormat("d MMM", locale);
        dayFormat.setTimeZone(UTC);
        dates.setDateFormatOverride(dayFormat);
        dates.setTickLabelFont(SvgRenderer.FONT);
        NumberAxis values = (NumberAxis) plot.getRangeAxis();
        values.setTickLabelFont(SvgRenderer.FONT);
        values.setLabelFont(SvgRenderer.FONT);
        values.setAutoRangeIncludesZero(true);
        values.setUpperMargin(0.15); // room for the labels above the highest points
        dates.setLowerMargin(0.03);
        dates.setUpperMargin(0.06);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, days.size() <= 31);
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesPaint(i, SvgRenderer.PALETTE[i % SvgRenderer.PALETTE.length]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        if (series.size() == 1 && nonZero <= MAX_LABELLED_POINTS) {
            renderer.setDefaultItemLabelGenerator((data, row, column) -> {
                Number value = data.getY(row, column);
                return new BigDecimal(value.toString()).signum() == 0 ? null : format.apply(value);
            });
            renderer.setDefaultItemLabelFont(SvgRenderer.FONT);
            renderer.setDefaultItemLabelsVisible(true);
            renderer.setDefaultPositiveItemLabelPosition(
                    new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
        }
        plot.setRenderer(renderer);
        return SvgRenderer.render(chart, description, 720, 260);
    }

    private static Day day(LocalDate date, Locale locale) {
        return new Day(java.util.Date.from(date.atStartOfDay(UTC.toZoneId()).toInstant()), UTC, locale);
    }
}
