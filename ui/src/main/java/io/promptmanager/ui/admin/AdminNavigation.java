package io.promptmanager.ui.admin;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNavItem;
import io.promptmanager.ui.support.AdminSupportView;

/**
 * The side navigation's Administration group. Hidden until {@link #showFor} is told the user is
 * an administrator; the views themselves refuse everyone else regardless.
 */
public final class AdminNavigation extends SideNavItem {
    public AdminNavigation() {
        super("");
        setId("nav-admin");
        setLabel(getTranslation("nav.admin"));
        setPrefixComponent(VaadinIcon.TOOLS.create());
        setExpanded(true);
        setVisible(false);
        addItem(new SideNavItem(getTranslation("nav.admin.overview"), AdminOverviewView.class, VaadinIcon.CHART.create()));
        addItem(new SideNavItem(getTranslation("nav.admin.users"), AdminUsersView.class, VaadinIcon.USERS.create()));
        addItem(new SideNavItem(getTranslation("nav.admin.support"), AdminSupportView.class, VaadinIcon.CHAT.create()));
        addItem(new SideNavItem(getTranslation("nav.admin.plugins"), AdminPluginsView.class, VaadinIcon.PLUG.create()));
        addItem(new SideNavItem(getTranslation("nav.admin.audit"), AdminAuditView.class, VaadinIcon.RECORDS.create()));
    }

    public void showFor(boolean admin) {
        setVisible(admin);
    }
}
