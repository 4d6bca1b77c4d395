package io.promptmanager.ui;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.internal.MockVaadin;
import com.vaadin.browserless.internal.Routes;
import com.vaadin.browserless.mocks.MockVaadinServlet;
import com.vaadin.browserless.mocks.MockedUI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import io.promptmanager.core.CoreServices;
import io.promptmanager.core.testing.TestPlatform;
import io.promptmanager.core.user.AccountSettings;
import io.promptmanager.core.user.SignUp;
import io.promptmanager.core.user.User;
import io.promptmanager.ui.auth.LoginView;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

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
    static void startPlatform() {
        platform = TestPlatform.start();
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

    /** The platform under the console: its database and the fake model provider prompts run on. */
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
