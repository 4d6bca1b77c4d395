package io.promptmanager.ui.base;

import com.vaadin.flow.component.UI;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Instants as the user reads them: in the browser's time zone (UTC when unknown), in the page's language. */
public final class TimeFormat implements Serializable {
    private final ZoneId zone;

    private TimeFormat(ZoneId zone) {
        this.zone = zone;
    }

    /** The time zone the current browser reported. */
    public static TimeFormat ofBrowser() {
        return new TimeFormat(browserZone());
    }

    /** Date and time, e.g. "Nov 30, 2026, 2:37 PM". */
    public String format(Instant time, Locale locale) {
        return time == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone).format(time);
    }

    private static ZoneId browserZone() {
        try {
            String zone = UI.getCurrent().getPage().getExtendedClientDetails().getTimeZoneId();
            return zone == null || zone.isBlank() ? ZoneOffset.UTC : ZoneId.of(zone);
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
