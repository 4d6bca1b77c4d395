package io.promptmanager.ui.analytics.charts;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Draws a JFreeChart as an inline SVG element that scales to its container's width. Charts are
 * drawn on the server because the console cannot ship custom JavaScript.
 */
final class SvgRenderer {
    static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    /** Series colours, readable on white and told apart without relying on red/green alone. */
    static final Paint[] PALETTE = {new Color(0x1676F3), new Color(0xE8590C), new Color(0x2F9E44),
            new Color(0x9C36B5), new Color(0xC92A2A), new Color(0x495057)};
    // Several charts are inlined in one page, whose ids are global: each drawing gets its own prefix.
    private static final AtomicLong DRAWINGS = new AtomicLong();

    static {
        // JFreeChart uses AWT for fonts and shapes; a server has no display.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private SvgRenderer() {
    }

    static String render(JFreeChart chart, String description, int width, int height) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setNoDataMessageFont(FONT);
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(FONT);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        g2.setDefsKeyPrefix("chart" + DRAWINGS.incrementAndGet() + "-");
        chart.draw(g2, new Rectangle(0, 0, width, height));
        String svg = g2.getSVGElement(null, false, new ViewBox(0, 0, width, height), null, null);
        int openingEnd = svg.indexOf('>') + 1;
        // as wide as its container, but never blown up past a quarter over its drawn size
        return svg.substring(0, openingEnd - 1) + " role='img' width='100%' style='max-width:" + (width * 5 / 4)
                + "px'>"
                + "<title>" + escape(description) + "</title>" + svg.substring(openingEnd);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
