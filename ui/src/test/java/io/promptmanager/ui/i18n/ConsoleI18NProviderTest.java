package io.promptmanager.ui.i18n;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleI18NProviderTest {
    /** Literal keys passed to getTranslation(...), and prefixes of keys built at run time ("error.code." + code). */
    private static final Pattern KEY_IN_SOURCE = Pattern.compile("getTranslation\\(\"([a-z0-9.\\-A-Z_]+)\"");

    private final ConsoleI18NProvider provider = new ConsoleI18NProvider();

    @Test
    void frenchAndEnglishHaveTheSameKeys() {
        assertThat(ownKeys(Locale.FRENCH)).isEqualTo(ownKeys(Locale.ENGLISH));
    }

    @Test
    void everyKeyTheSourcesAskForExists() throws IOException {
        // given
        Set<String> used = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(file -> file.toString().endsWith(".java")).toList()) {
                Matcher matcher = KEY_IN_SOURCE.matcher(Files.readString(source));
                while (matcher.find()) {
                    if (!matcher.group(1).endsWith(".")) {
                        used.add(matcher.group(1));
                    }
                }
            }
        }

        // then
        assertThat(used).isNotEmpty();
        assertThat(ownKeys(Locale.ENGLISH)).containsAll(used);
    }

    @Test
    void everyTextIsAValidMessageFormatWithoutABareApostrophe() {
        for (Locale locale : ConsoleI18NProvider.LOCALES) {
            ResourceBundle bundle = ConsoleI18NProvider.bundle(locale);
            for (String key : bundle.keySet()) {
                String text = bundle.getString(key);
                assertThat(text.replace("''", "")).as(locale + " " + key).doesNotContain("'");
                new MessageFormat(text, locale);
            }
        }
    }

    @Test
    void choosesFrenchForAnyFrenchLocaleAndEnglishOtherwise() {
        assertThat(provider.getTranslation("nav.log-out", Locale.CANADA_FRENCH)).isEqualTo("Se déconnecter");
        assertThat(provider.getTranslation("nav.log-out", Locale.GERMAN)).isEqualTo("Log out");
        assertThat(provider.getProvidedLocales()).first().isEqualTo(Locale.ENGLISH);
    }

    @Test
    void formatsParametersInTheLocale() {
        assertThat(provider.getTranslation("login.throttled", Locale.FRENCH, 30L))
                .isEqualTo("Trop de tentatives de connexion échouées. Réessayez dans 30 secondes.");
    }

    @Test
    void missingKeyIsVisibleButDoesNotFail() {
        assertThat(provider.getTranslation("no.such.key", Locale.ENGLISH)).isEqualTo("!no.such.key");
    }

    /** The keys written in the locale's own file, not inherited from the base bundle. */
    private static Set<String> ownKeys(Locale locale) {
        String suffix = locale.equals(Locale.ENGLISH) ? "" : "_" + locale.getLanguage();
        String file = ConsoleI18NProvider.BUNDLE.replace('.', '/') + suffix + ".properties";
        Properties texts = new Properties();
        try (InputStream in = ConsoleI18NProviderTest.class.getClassLoader().getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TreeSet<>(texts.stringPropertyNames());
    }
}
