package io.promptmanager.ui.base;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Route;
import io.promptmanager.ui.ConsoleBrowserlessTest;
import io.promptmanager.ui.auth.SignedIn;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorViewsTest extends ConsoleBrowserlessTest {

    @Test
    void unknownAddressShowsNotFound() {
        // when
        navigate("no-such-page", NotFoundView.class);

        // then
        assertThat(find(H1.class).id("error-title").getText()).isEqualTo("Page not found");
    }

    @Test
    void viewAskingForSomethingTheConsoleDoesNotHaveShowsAnErrorIdNotTheException() {
        // given
        signIn(newUser("Curious"));

        // when
        navigate("test-needs-a-clock", ErrorView.class);

        // then
        assertThat(find(H1.class).id("error-title").getText()).isEqualTo("Something went wrong");
        assertThat(find(Paragraph.class).id("error-text").getText())
                .matches("An unexpected error occurred\\. If it persists, give your administrator this error id: "
                        + "[0-9a-f-]{36}")
                .doesNotContain("Clock");
    }

    /** Its constructor asks for a type the console does not provide. */
    @SignedIn
    @Route("test-needs-a-clock")
    public static final class NeedsAClockView extends Div {
        public NeedsAClockView(Clock clock) {
            add(String.valueOf(clock));
        }
    }
}
