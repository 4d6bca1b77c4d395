package io.promptmanager.ui.base;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinSession;
import io.promptmanager.ui.i18n.ConsoleI18NProvider;

import java.util.Locale;

/**
 * English or French for this browser session. The session starts in the browser's language
 * (Vaadin matches {@code Accept-Language} against the console's locales); choosing another one
 * applies to every tab of the session, and the current page is built again in it.
 */
public final class LanguageSwitcher extends Select<Locale> {
    public LanguageSwitcher() {
        setId("language");
        setAriaLabel(getTranslation("language.label"));
        setItems(ConsoleI18NProvider.LOCALES);
        // each language is named in itself, whatever the current one
        setItemLabelGenerator(locale -> getTranslation("language." + locale.getLanguage()));
        setValue(ConsoleI18NProvider.supported(getLocale()));
        addValueChangeListener(change -> {
            if (change.getValue() != null && !change.getValue().equals(ConsoleI18NProvider.supported(getLocale()))) {
                switchTo(change.getValue());
            }
        });
    }

    private static void switchTo(Locale locale) {
        VaadinSession.getCurrent().setLocale(locale);
        UI.getCurrent().refreshCurrentRoute(true);
    }
}
