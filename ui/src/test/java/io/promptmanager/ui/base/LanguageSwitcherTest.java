package io.promptmanager.ui.base;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import io.promptmanager.ui.ConsoleBrowserlessTest;
import io.promptmanager.ui.category.CategoriesView;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageSwitcherTest extends ConsoleBrowserlessTest {

    @Test
    void headerShowsTheUserThePlanAndTheLanguageOfTheSession() {
        // when
        signIn(newUser("Ada"));

        // then
        assertThat(find(Span.class).id("user-name").getText()).isEqualTo("Ada");
        assertThat(find(Span.class).id("user-plan").getText()).isEqualTo("Free");
        assertThat(test(language()).getSelected()).isEqualTo(Locale.ENGLISH);
        assertThat(test(language()).getSuggestions()).containsExactly("English", "Français");
        assertThat(find(SideNavItem.class).all()).extracting(SideNavItem::getLabel).contains("Prompts", "Categories");
    }

    @Test
    void choosingFrenchRendersTheCurrentPageInFrench() {
        // given
        signIn(newUser("Marie"));

        // when
        test(language()).selectItem("Français");

        // then
        assertThat(VaadinSession.getCurrent().getLocale()).isEqualTo(Locale.FRENCH);
        assertThat(find(TextField.class).id("search").getPlaceholder()).isEqualTo("Rechercher par nom ou description");
        assertThat(find(Button.class).id("new-prompt").getText()).isEqualTo("Nouveau prompt");
        assertThat(find(Button.class).id("log-out").getText()).isEqualTo("Se déconnecter");
        assertThat(find(Span.class).id("user-plan").getText()).isEqualTo("Gratuit");
        assertThat(find(SideNavItem.class).all()).extracting(SideNavItem::getLabel).contains("Catégories");
        assertThat(test(language()).getSelected()).isEqualTo(Locale.FRENCH);
    }

    @Test
    void theChoiceHoldsForTheRestOfTheSessionUntilChangedBack() {
        // given
        signIn(newUser("Jean"));
        test(language()).selectItem("Français");

        // when
        UI.getCurrent().navigate(CategoriesView.class);

        // then
        assertThat(find(H2.class).id("page-title").getText()).isEqualTo("Catégories");
        assertThat(find(Button.class).id("new-category").getText()).isEqualTo("Nouvelle catégorie");

        // when
        test(language()).selectItem("English");

        // then
        assertThat(find(H2.class).id("page-title").getText()).isEqualTo("Categories");
        assertThat(find(Button.class).id("new-category").getText()).isEqualTo("New category");
    }

    @SuppressWarnings("unchecked")
    private Select<Locale> language() {
        return find(Select.class).id("language");
    }
}
