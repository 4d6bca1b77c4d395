package io.promptmanager.ui.admin;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.promptmanager.core.analytics.PlatformDay;
import io.promptmanager.core.analytics.PlatformUsage;
import io.promptmanager.core.analytics.PlatformUsageService;
import io.promptmanager.core.user.Actor;
import io.promptmanager.ui.auth.AdminOnly;
import io.promptmanager.ui.auth.SignedInUser;
import io.promptmanager.ui.base.DisplayFormats;
import io.promptmanager.ui.base.MainLayout;

import java.util.List;

/**
 * Administration › Overview: runs per day over every account, their cost paid by the platform
 * (SYSTEM) and by users' own keys (BYOK), the subscriptions paying for PRO and the accounts on PRO.
 */
@AdminOnly
@Route(value = AdminOverviewView.ROUTE, layout = MainLayout.class)
public final class AdminOverviewView extends VerticalLayout implements HasDynamicTitle {
    public static final String ROUTE = "admin/overview";
    private static final List<Integer> PERIODS = List.of(7, 30, 90);

    private final transient PlatformUsageService platform;
    private final Actor admin;
    private final DisplayFormats formats = DisplayFormats.ofCurrentUi();
    private final Select<Integer> period = new Select<>();
    private final FlexLayout figures = new FlexLayout();
    private final Grid<PlatformDay> days = new Grid<>();

    public AdminOverviewView(PlatformUsageService platform, SignedInUser signedIn) {
        this.platform = platform;
        this.admin = signedIn.actor();
        period.setId("overview-period");
        period.setLabel(getTranslation("admin.overview.period"));
        period.setItems(PERIODS);
        period.setItemLabelGenerator(daysCount -> getTranslation("admin.overview.last-days", daysCount));
        period.setValue(30);
        period.addValueChangeListener(change -> refresh());
        figures.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        figures.addClassNames(LumoUtility.Gap.MEDIUM);
        days.setId("overview-days");
        days.setAllRowsVisible(true);
        days.addColumn(day -> formats.date(day.day())).setHeader(getTranslation("admin.overview.day")).setKey("day");
        days.addColumn(PlatformDay::runs).setHeader(getTranslation("admin.overview.runs")).setKey("runs");
        days.addColumn(day -> formats.usd(day.systemCost())).setHeader(getTranslation("admin.overview.system-cost"))
                .setKey("system-cost");
        days.addColumn(day -> formats.usd(day.byokCost())).setHeader(getTranslation("admin.overview.byok-cost"))
                .setKey("byok-cost");
        add(new H2(getTranslation("admin.overview.title")), period, figures, days);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.overview.page-title");
    }

    private void refresh() {
        PlatformUsage usage = platform.lastDays(admin, period.getValue());
        figures.removeAll();
        figures.add(figure("overview-runs", "admin.overview.runs", Long.toString(usage.runs())),
                figure("overview-system-cost", "admin.overview.system-cost", formats.usd(usage.systemCost())),
                figure("overview-byok-cost", "admin.overview.byok-cost", formats.usd(usage.byokCost())),
                figure("overview-subscriptions", "admin.overview.subscriptions", Long.toString(usage.proSubscriptions())),
                figure("overview-pro", "admin.overview.pro", Long.toString(usage.proAccounts())));
        days.setItems(usage.days().reversed());
    }

    private Div figure(String id, String labelKey, String value) {
        Span number = new Span(value);
        number.setId(id);
        number.addClassNames(LumoUtility.FontSize.XXLARGE, LumoUtility.FontWeight.SEMIBOLD);
        Span label = new Span(getTranslation(labelKey));
        label.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        Div card = new Div(label, new Div(number));
        card.addClassNames(LumoUtility.Padding.MEDIUM, LumoUtility.Border.ALL, LumoUtility.BorderRadius.MEDIUM);
        card.setMinWidth("12rem");
        return card;
    }
}
