package io.promptmanager.ui.format;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/**
 * Numbers, money and times as the console shows them, in the viewer's locale. Money is formatted
 * from the exact decimal with every significant digit kept (never through a double): a run that
 * cost $0.000000136 shows exactly that.
 */
public final class Formats {
    private static final Currency USD = Currency.getInstance("USD");
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private Formats() {
    }

    /** US dollars with at least two decimals and all the significant ones, e.g. {@code $0.000136}. */
    public static String usd(BigDecimal amount, Locale locale) {
        DecimalFormat format = (DecimalFormat) NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(USD);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(Math.max(2, amount.stripTrailingZeros().scale()));
        format.setRoundingMode(RoundingMode.UNNECESSARY);
        return format.format(amount);
    }

    /** A per-token price as the price of a million tokens, which is how providers list them. */
    public static String perMillionTokens(BigDecimal perToken, Locale locale) {
        return usd(perToken.multiply(MILLION), locale);
    }

    public static String count(long value, Locale locale) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** {@code part} of {@code whole} in per cent with one decimal, e.g. {@code 33.3 %}; 0 % of nothing. */
    public static String percent(long part, long whole, Locale locale) {
        return percent(whole == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP), locale);
    }

    /** A ratio (0.25) in per cent with one decimal ({@code 25.0 %}). */
    public static String percent(BigDecimal ratio, Locale locale) {
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(ratio);
    }

    /** Whole hours and the minutes after them, rounded up so that "0h 0m" never shows before the time. */
    public static long[] hoursAndMinutes(Duration duration) {
        long minutes = Math.max(0, (duration.toSeconds() + 59) / 60);
        return new long[] {minutes / 60, minutes % 60};
    }

    public static String dateTime(Instant time, ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale).withZone(zone).format(time);
    }

    /** The locale {@code component} shows its text in (Component#getLocale is not public). */
    public static Locale locale(Component component) {
        return component.getUI().or(() -> Optional.ofNullable(UI.getCurrent())).map(UI::getLocale)
                .orElse(Locale.ENGLISH);
    }

    /** Date and time in few characters, for tables. */
    public static String shortDateTime(Instant time, ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale).withZone(zone).format(time);
    }

    /** The browser's time zone as reported at page load, UTC when unknown. */
    public static ZoneId browserZone(UI ui) {
        try {
            String zone = ui.getPage().getExtendedClientDetails().getTimeZoneId();
            return zone == null || zone.isBlank() ? ZoneOffset.UTC : ZoneId.of(zone);
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
