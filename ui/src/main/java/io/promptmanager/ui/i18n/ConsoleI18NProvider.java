package io.promptmanager.ui.i18n;

import com.vaadin.flow.i18n.I18NProvider;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.logging.Logger;

/**
 * The console's texts in English (the default, listed first so that Vaadin falls back to it) and
 * French. Every text goes through {@link MessageFormat}, so a literal apostrophe in a bundle is
 * written as the typographic ’ (or doubled).
 */
public final class ConsoleI18NProvider implements I18NProvider {
    public static final String BUNDLE = "io.promptmanager.ui.i18n.console";
    public static final List<Locale> LOCALES = List.of(Locale.ENGLISH, Locale.FRENCH);

    private static final Logger LOG = Logger.getLogger(ConsoleI18NProvider.class.getName());
    private static final ResourceBundle.Control NO_JVM_LOCALE_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale supported = supported(locale);
        String pattern;
        try {
            pattern = bundle(supported).getString(key);
        } catch (MissingResourceException e) {
            LOG.warning(() -> "No console text for key " + key);
            return "!" + key;
        }
        return new MessageFormat(pattern, supported).format(params);
    }

    /** The bundle of one of {@link #LOCALES}; English is the base bundle. */
    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, ConsoleI18NProvider.class.getClassLoader(),
                NO_JVM_LOCALE_FALLBACK);
    }

    /** The one of {@link #LOCALES} that serves {@code locale}: French for any French, English otherwise. */
    public static Locale supported(Locale locale) {
        if (locale != null && Locale.FRENCH.getLanguage().equals(locale.getLanguage())) {
            return Locale.FRENCH;
        }
        return Locale.ENGLISH;
    }
}
