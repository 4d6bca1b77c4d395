package io.promptmanager.ui.base;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.promptmanager.ui.analytics.AnalyticsView;
import io.promptmanager.ui.auth.ConsoleSession;
import io.promptmanager.ui.auth.SignedInUser;
import io.promptmanager.ui.admin.AdminNavigation;
import io.promptmanager.ui.billing.BillingView;
import io.promptmanager.ui.category.CategoriesView;
import io.promptmanager.ui.execution.ExecutionsView;
import io.promptmanager.ui.prompt.PromptsView;
import io.promptmanager.ui.settings.SettingsNavigation;
import io.promptmanager.ui.support.SupportView;

/**
 * The frame of every signed-in page: navigation on the side (one line per feature); the user's
 * display name and plan (refreshed on every navigation, so a plan change shows), the language
 * switcher and the log-out button in the header.
 */
public final class MainLayout extends AppLayout implements AfterNavigationObserver {
    private final Span userName = new Span();
    private final Span plan = new Span();
    private final AdminNavigation adminNavigation = new AdminNavigation();

    public MainLayout() {
        Span title = new Span(getTranslation("app.name"));
        title.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.FontWeight.SEMIBOLD);
        userName.setId("user-name");
        plan.setId("user-plan");
        plan.getElement().getThemeList().add("badge");
        Button logOut = new Button(getTranslation("nav.log-out"), click -> ConsoleSession.signOut(UI.getCurrent()));
        logOut.setId("log-out");
        logOut.addThemeVariants(ButtonVariant.TERTIARY);
        HorizontalLayout user = new HorizontalLayout(userName, plan, new LanguageSwitcher(), logOut);
        user.setAlignItems(FlexComponent.Alignment.CENTER);
        user.addClassNames(LumoUtility.Margin.Left.AUTO, LumoUtility.Padding.Right.MEDIUM);
        addToNavbar(new DrawerToggle(), title, user);

        SideNav nav = new SideNav();
        SideNavItem prompts = new SideNavItem(getTranslation("nav.prompts"), PromptsView.class,
                VaadinIcon.LIST.create());
        prompts.setMatchNested(true);
        nav.addItem(prompts);
        nav.addItem(new SideNavItem(getTranslation("nav.categories"), CategoriesView.class,
                VaadinIcon.FOLDER.create()));
        nav.addItem(new SideNavItem(getTranslation("nav.executions"), ExecutionsView.class, VaadinIcon.TIME_BACKWARD.create()));
        nav.addItem(new SideNavItem(getTranslation("nav.analytics"), AnalyticsView.class, VaadinIcon.CHART.create()));
        nav.addItem(new SideNavItem(getTranslation("nav.support"), SupportView.class, VaadinIcon.QUESTION_CIRCLE.create()));
        nav.addItem(new SideNavItem(getTranslation("nav.billing"), BillingView.class, VaadinIcon.CREDIT_CARD.create()));
        nav.addItem(new SettingsNavigation());
        nav.addItem(adminNavigation);
        addToDrawer(nav);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        SignedInUser.find(UI.getCurrent()).ifPresent(signedIn -> {
            userName.setText(signedIn.user().displayName());
            plan.setText(getTranslation("plan." + signedIn.user().plan().name()));
            adminNavigation.showFor(signedIn.user().isAdmin());
        });
    }
}
