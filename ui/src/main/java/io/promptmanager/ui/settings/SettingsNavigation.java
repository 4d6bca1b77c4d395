package io.promptmanager.ui.settings;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNavItem;

/** The side navigation's Settings group: account, API keys, BYOK. */
public final class SettingsNavigation extends SideNavItem {
    public SettingsNavigation() {
        super("");
        setLabel(getTranslation("nav.settings"));
        setPrefixComponent(VaadinIcon.COG.create());
        setExpanded(true);
        addItem(new SideNavItem(getTranslation("nav.settings.account"), AccountView.class, VaadinIcon.USER.create()));
        addItem(new SideNavItem(getTranslation("nav.settings.api-keys"), ApiKeysView.class, VaadinIcon.KEY.create()));
        addItem(new SideNavItem(getTranslation("nav.settings.byok"), ByokView.class, VaadinIcon.PASSWORD.create()));
    }
}
