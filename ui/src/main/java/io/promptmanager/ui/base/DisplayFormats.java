package io.promptmanager.ui.base;

import com.vaadin.flow.component.UI;
import io.promptmanager.core.common.Money;

import java.io.Serializable;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/** Dates, times and US dollar amounts as the browser's user reads them (their locale and time zone). */
public final class DisplayFormats implements Serializable {
    private static final String NONE = "—";

    private final Locale locale;
    private final ZoneId zone;

    public DisplayFormats(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
    }

    /** In the current UI's locale and its browser's time zone (UTC when the browser did not tell). */
    public static DisplayFormats ofCurrentUi() {
        UI ui = UI.getCurrent();
        return new DisplayFormats(ui.getLocale(), browserZone(ui));
    }

    public ZoneId zone() {
        return zone;
    }

    public String dateTime(Instant instant) {
        return instant == null ? NONE : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone).format(instant);
    }

    public String date(Instant instant) {
        return instant == null ? NONE : date(LocalDate.ofInstant(instant, zone));
    }

    public String date(LocalDate date) {
        return date == null ? NONE : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }

    /** US dollars with at least 2 and up to 6 decimals, so that small run costs stay visible. */
    public String usd(BigDecimal amount) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(Currency.getInstance("USD"));
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(6);
        return format.format(amount == null ? BigDecimal.ZERO : amount);
    }

    /** An amount the payment processor counts in minor units, in its own currency ({@code $7.00}). */
    public String money(Money money) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        try {
            format.setCurrency(Currency.getInstance(money.currencyCode()));
        } catch (IllegalArgumentException unknownCurrency) {
            return money.toString();
        }
        return format.format(money.decimal());
    }

    private static ZoneId browserZone(UI ui) {
        try {
            String id = ui.getPage().getExtendedClientDetails().getTimeZoneId();
            return id == null || id.isBlank() ? ZoneOffset.UTC : ZoneId.of(id);
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
