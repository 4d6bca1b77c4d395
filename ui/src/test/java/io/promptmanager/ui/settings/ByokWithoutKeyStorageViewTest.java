package io.promptmanager.ui.settings;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.PasswordField;
import io.promptmanager.ui.ConsoleBrowserlessTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A platform without any key storage plugin: BYOK keys cannot be saved, and the page says why. */
class ByokWithoutKeyStorageViewTest extends ConsoleBrowserlessTest {

    @Test
    void savingSaysKeysCannotBeStoredSafelyAndWhatToDo() {
        // given
        signIn(newProUser("Ada"));
        navigate(ByokView.class);

        // when
        test(find(PasswordField.class).id("byok-key")).setValue("sk-or-v1-" + "ab".repeat(32));
        test(find(Button.class).id("byok-save")).click();

        // then
        Span error = find(Span.class).id("byok-error");
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).startsWith("Your key cannot be stored safely on this server right now")
                .contains("key storage plugin");
        assertThat(find(Span.class).withId("byok-status").exists()).isFalse();
    }
}
