package io.promptmanager.ui.billing;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.promptmanager.ui.ConsoleBrowserlessTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Without a billing plugin the page shows the plan but offers nothing that cannot work. */
class BillingWithoutPluginViewTest extends ConsoleBrowserlessTest {

    @Test
    void saysBillingIsNotConfiguredAndOffersNoUpgrade() {
        // given
        signIn(newUser("Fred"));

        // when
        navigate(BillingView.class);

        // then
        assertThat(find(Span.class).id("billing-plan").getText()).isEqualTo("Free");
        assertThat(find(Paragraph.class).id("billing-unavailable").getText())
                .isEqualTo("Billing is not configured on this server: ask your administrator to change your plan.");
        assertThat(find(Button.class).withId("upgrade-monthly").exists()).isFalse();
    }
}
