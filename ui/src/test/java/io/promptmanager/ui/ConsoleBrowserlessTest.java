package io.promptmanager.ui;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.internal.MockVaadin;
import com.vaadin.browserless.internal.Routes;
import com.vaadin.browserless.mocks.MockVaadinServlet;
import com.vaadin.browserless.mocks.MockedUI;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import io.promptmanager.core.CoreServices;
import io.promptmanager.core.testing.TestPlatform;
import io.promptmanager.core.user.AccountSettings;
import io.promptmanager.core.plan.Plan;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.SignUp;
import io.promptmanager.core.user.UserChanges;
import io.promptmanager.core.user.User;
import io.promptmanager.ui.auth.LoginView;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

import java.util.Set;
import java.util.UUID;

/**
 * Views tested without a browser, over real core services on a fresh PostgreSQL database (one
 * per test class). The mocked servlet gets the {@link ConsoleContext} exactly as
 * {@link ConsoleServer} gives it to Jetty, so views are created by {@link ConsoleInstantiator}
 * and guarded by the real access control.
 */
public abstract class ConsoleBrowserlessTest extends BrowserlessTest {
    protected static final String PASSWORD = "correct horse battery staple";
    private static final String ADMIN_EMAIL = "admin@example.com";

    private static TestPlatform platform;

    @BeforeAll
    static void startPlatform(TestInfo test) {
        platform = test.getTestClass().map(type -> type.getAnnotation(ConsolePlatform.class))
                .map(ConsoleBrowserlessTest::start)
                .orElseGet(TestPlatform::start);
    }

    private static TestPlatform start(ConsolePlatform choice) {
        try {
            return choice.value().getConstructor().newInstance().get();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot start the platform of " + choice, e);
        }
    }

    @AfterAll
    static void stopPlatform() {
        platform.close();
    }

    /** The account rules the console runs with; a test class may switch sign-up off. */
    protected AccountSettings accountSettings() {
        return AccountSettings.defaults();
    }

    protected static CoreServices services() {
        return platform.services();
    }

    /** The platform of this test class, e.g. to script its fake model provider. */
    protected static TestPlatform platform() {
        return platform;
    }

    @BeforeEach
    @Override
    protected void initVaadinEnvironment() {
        scanTesters();
        ConsoleContext context = new ConsoleContext(services(), accountSettings());
        MockVaadin.setup(MockedUI::new, new ConsoleMockServlet(discoverRoutes(), context), lookupServices());
        initSignalsSupport();
    }

    @Override
    protected Set<String> scanPackages() {
        return Set.of("io.promptmanager.ui");
    }

    /** A new FREE user with {@link #PASSWORD}. */
    protected static User newUser(String displayName) {
        String email = displayName.toLowerCase().replace(' ', '.') + "-" + UUID.randomUUID() + "@example.com";
        return services().userService().signUp(new SignUp(email, PASSWORD, displayName));
    }

    /** A new PRO user with {@link #PASSWORD} (moved to PRO by the administrator). */
    protected static User newProUser(String displayName) {
        User user = newUser(displayName);
        return services().userService().update(Actor.console(admin()), user.id(), new UserChanges(Plan.PRO, null, null));
    }

    /**
     * Everything the current page holds for the browser: the text and every property value of
     * every element of the UI (open dialogs included), e.g. to prove a secret is not there.
     */
    protected static String pageContent() {
        roundTrip(); // what the browser would receive next, e.g. a dialog opened by the last click
        StringBuilder content = new StringBuilder();
        UI.getCurrent().getChildren().forEach(component -> collect(component.getElement(), content));
        return content.toString();
    }

    private static void collect(Element element, StringBuilder content) {
        content.append(element.getText()).append('\n');
        element.getPropertyNames().forEach(name -> content.append(element.getProperty(name, "")).append('\n'));
        element.getAttributeNames().forEach(name -> content.append(element.getAttribute(name)).append('\n'));
        element.getChildren().forEach(child -> collect(child, content));
    }

    /** The administrator of this test class's database (created on first use). */
    protected static User admin() {
        services().userService().ensureInitialAdmin(ADMIN_EMAIL, PASSWORD);
        return services().userService().authenticate(ADMIN_EMAIL, PASSWORD, "127.0.0.1");
    }

    /** Signs in through the sign-in page, as a person would. */
    protected void signIn(User user) {
        signIn(user.email(), PASSWORD);
    }

    protected void signIn(String email, String password) {
        navigate(LoginView.class);
        test(find(EmailField.class).id("email")).setValue(email);
        test(find(PasswordField.class).id("password")).setValue(password);
        test(find(Button.class).id("sign-in")).click();
    }

    private static final class ConsoleMockServlet extends MockVaadinServlet {
        private final transient ConsoleContext context;

        ConsoleMockServlet(Routes routes, ConsoleContext context) {
            super(routes);
            this.context = context;
        }

        @Override
        public void init(ServletConfig config) throws ServletException {
            config.getServletContext().setAttribute(ConsoleContext.ATTRIBUTE, context);
            super.init(config);
        }
    }
}
