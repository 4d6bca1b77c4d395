package io.promptmanager.benchmarks;

import java.util.Locale;

/**
 * One published figure, next to its target when it has one: PASS, MISS (with by how much and
 * why), INFO (no target) or N/A (not measured in this run, e.g. the reference arm was skipped).
 */
record Figure(String id, String label, Double value, String unit, String target, String status, String missBy,
              String why) {

    static Figure info(String id, String label, double value, String unit) {
        return new Figure(id, label, ArmTotals.round(value, 3), unit, null, Double.isNaN(value) ? "N/A" : "INFO", null,
                null);
    }

    /** Passes when {@code value <= bound}; {@code why} explains a miss. */
    static Figure atMost(String id, String label, double value, String unit, double bound, String why) {
        if (Double.isNaN(value)) {
            return new Figure(id, label, null, unit, "≤ " + number(bound) + " " + unit, "N/A", null, why);
        }
        boolean pass = value <= bound;
        String by = pass ? null : number(value - bound) + " " + unit + " over"
                + (bound > 0 ? " (" + number(100 * (value - bound) / bound) + " %)" : "");
        return new Figure(id, label, ArmTotals.round(value, 3), unit, "≤ " + number(bound) + " " + unit,
                pass ? "PASS" : "MISS", by, pass ? null : why);
    }

    /** Passes when {@code value >= bound}. */
    static Figure atLeast(String id, String label, double value, String unit, double bound, String why) {
        if (Double.isNaN(value)) {
            return new Figure(id, label, null, unit, "≥ " + number(bound) + " " + unit, "N/A", null, why);
        }
        boolean pass = value >= bound;
        String by = pass ? null : number(bound - value) + " " + unit + " short ("
                + number(100 * (bound - value) / bound) + " %)";
        return new Figure(id, label, ArmTotals.round(value, 3), unit, "≥ " + number(bound) + " " + unit,
                pass ? "PASS" : "MISS", by, pass ? null : why);
    }

    boolean missed() {
        return status.equals("MISS");
    }

    String shown() {
        return value == null ? "—" : number(value) + " " + unit;
    }

    /** Three significant digits at most, grouped thousands; whole numbers without decimals. */
    static String number(double value) {
        double magnitude = Math.abs(value);
        if (value == Math.rint(value) && magnitude < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) value);
        }
        if (magnitude >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (magnitude >= 1 || magnitude == 0) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
