package io.promptmanager.ui.prompt;

import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.prompt.VersionStatus;
import io.promptmanager.ui.i18n.ConsoleI18NProvider;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys the console builds at run time ({@code "versions.status." + status}), which
 * {@code ConsoleI18NProviderTest} cannot see in the sources, exist in English and in French.
 */
class ComputedKeysTest {

    @Test
    void everyComputedKeyHasAnEnglishAndAFrenchText() {
        // given
        List<String> keys = new ArrayList<>();
        for (VersionStatus status : VersionStatus.values()) {
            keys.add("versions.status." + status.name());
            keys.add("prompts.filter.status." + status.name());
        }
        for (ErrorCode code : ErrorCode.values()) {
            keys.add("error.code." + code.name());
        }
        ConsoleI18NProvider.LOCALES.forEach(locale -> keys.add("language." + locale.getLanguage()));
        MessagesEditor.ROLES.forEach(role -> keys.add("editor.role." + role));
        VariablesEditor.TYPES.forEach(type -> keys.add("editor.type." + type));
        ParametersForm.NAMES.forEach(name -> keys.add("parameter." + name));
        VersionDiffView.NAMED_FIELDS.forEach(field -> keys.add("diff.field." + field));

        // then
        for (Locale locale : ConsoleI18NProvider.LOCALES) {
            ResourceBundle bundle = ConsoleI18NProvider.bundle(locale);
            assertThat(keys).allSatisfy(key -> assertThat(bundle.containsKey(key)).as(locale + " " + key).isTrue());
        }
    }
}
