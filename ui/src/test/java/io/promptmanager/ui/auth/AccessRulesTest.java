package io.promptmanager.ui.auth;

import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.Route;
import io.promptmanager.ui.ConsoleClasses;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AccessRulesTest {

    @Test
    void everyViewDeclaresExactlyOneAccessRule() {
        // given
        List<Class<?>> views = ConsoleClasses.all().stream().filter(type -> type.isAnnotationPresent(Route.class)).toList();

        // then
        assertThat(views).isNotEmpty();
        assertThat(views).allSatisfy(view -> assertThat(Access.of(view)).as(view.getName()).isNotEqualTo(Access.UNDECLARED));
    }

    @Test
    void everyErrorPageIsPublicSoThatItCanAlwaysBeShown() {
        // given
        List<Class<?>> errorPages = ConsoleClasses.all().stream()
                .filter(HasErrorParameter.class::isAssignableFrom)
                .filter(type -> !type.isInterface() && !java.lang.reflect.Modifier.isAbstract(type.getModifiers()))
                .toList();

        // then
        assertThat(errorPages).isNotEmpty();
        assertThat(errorPages).allSatisfy(page -> assertThat(Access.of(page)).as(page.getName()).isEqualTo(Access.PUBLIC));
    }

    @Test
    void aViewWithoutRuleOrWithTwoRulesIsUndeclared() {
        assertThat(Access.of(AccessControlTestViews.UndeclaredView.class)).isEqualTo(Access.UNDECLARED);
        assertThat(Access.of(AccessControlTestViews.AmbiguousView.class)).isEqualTo(Access.UNDECLARED);
        assertThat(Access.of(AccessControlTestViews.AdminView.class)).isEqualTo(Access.ADMIN);
    }
}
