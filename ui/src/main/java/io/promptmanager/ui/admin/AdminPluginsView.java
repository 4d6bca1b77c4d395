package io.promptmanager.ui.admin;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.promptmanager.core.plugin.PluginConfiguration;
import io.promptmanager.core.plugin.PluginInfo;
import io.promptmanager.core.plugin.PluginService;
import io.promptmanager.core.plugin.PluginStatus;
import io.promptmanager.ui.auth.AdminOnly;
import io.promptmanager.ui.auth.SignedInUser;
import io.promptmanager.ui.base.MainLayout;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Administration › Plugins: every plugin found at start, its version, status, extension points,
 * which of its settings are set or missing (keys only), and its error.
 */
@AdminOnly
@Route(value = AdminPluginsView.ROUTE, layout = MainLayout.class)
public final class AdminPluginsView extends VerticalLayout implements HasDynamicTitle {
    public static final String ROUTE = "admin/plugins";

    public AdminPluginsView(PluginService plugins, SignedInUser signedIn) {
        Grid<PluginInfo> grid = new Grid<>();
        grid.setId("plugins");
        grid.setAllRowsVisible(true);
        grid.addColumn(PluginInfo::id).setHeader(getTranslation("admin.plugins.id")).setKey("id").setAutoWidth(true);
        grid.addColumn(plugin -> plugin.version() == null ? "—" : plugin.version())
                .setHeader(getTranslation("admin.plugins.version")).setKey("version").setAutoWidth(true);
        grid.addComponentColumn(plugin -> status(plugin.status())).setHeader(getTranslation("admin.plugins.status"))
                .setKey("status").setAutoWidth(true);
        grid.addColumn(plugin -> plugin.extensionPoints().stream().map(AdminPluginsView::simpleName)
                        .collect(Collectors.joining(", ")))
                .setHeader(getTranslation("admin.plugins.extension-points")).setKey("extension-points").setFlexGrow(2);
        grid.addColumn(this::configuration).setHeader(getTranslation("admin.plugins.configuration"))
                .setKey("configuration").setFlexGrow(2);
        grid.addColumn(plugin -> plugin.error() == null ? "" : plugin.error())
                .setHeader(getTranslation("admin.plugins.error")).setKey("error").setFlexGrow(3);
        Paragraph empty = new Paragraph(getTranslation("admin.plugins.empty"));
        empty.setId("plugins-empty");
        grid.setEmptyStateComponent(empty);
        grid.setItems(plugins.list(signedIn.actor()));
        add(new H2(getTranslation("admin.plugins.title")), new Paragraph(getTranslation("admin.plugins.intro")), grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.plugins.page-title");
    }

    private Span status(PluginStatus status) {
        Span badge = new Span(getTranslation("admin.plugins.status." + status.name()));
        badge.getElement().getThemeList().add(switch (status) {
            case STARTED -> "badge success";
            case FAILED, INCOMPATIBLE -> "badge error";
            case NOT_CONFIGURED -> "badge";
            case DISABLED, STOPPED -> "badge contrast";
        });
        return badge;
    }

    /** Which settings are set and which are missing, by key: values are never known here. */
    private String configuration(PluginInfo plugin) {
        PluginConfiguration configuration = plugin.configuration() == null ? PluginConfiguration.NONE
                : plugin.configuration();
        List<String> parts = new ArrayList<>();
        if (!configuration.set().isEmpty()) {
            parts.add(getTranslation("admin.plugins.configuration.set", String.join(", ", configuration.set())));
        }
        if (!configuration.missing().isEmpty()) {
            parts.add(getTranslation("admin.plugins.configuration.missing", String.join(", ", configuration.missing())));
        }
        return parts.isEmpty() ? "—" : String.join(" · ", parts);
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
