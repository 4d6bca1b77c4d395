package io.promptmanager.ui.execution;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.promptmanager.core.analytics.AnalyticsGroup;
import io.promptmanager.core.analytics.AnalyticsQuery;
import io.promptmanager.core.analytics.AnalyticsService;
import io.promptmanager.core.analytics.GroupBy;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.common.Page;
import io.promptmanager.core.common.PageRequest;
import io.promptmanager.core.execution.Execution;
import io.promptmanager.core.execution.ExecutionCsv;
import io.promptmanager.core.execution.ExecutionFilter;
import io.promptmanager.core.execution.ExecutionHistoryService;
import io.promptmanager.core.user.Actor;
import io.promptmanager.ui.auth.SignedIn;
import io.promptmanager.ui.auth.SignedInUser;
import io.promptmanager.ui.base.MainLayout;
import io.promptmanager.ui.format.Formats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The user's runs, newest first, filtered; more are read on demand ("load more", following
 * core's cursor); the filtered list downloads as CSV; a row opens the run.
 */
@SignedIn
@Route(value = ExecutionsView.ROUTE, layout = MainLayout.class)
public final class ExecutionsView extends VerticalLayout implements HasDynamicTitle {
    public static final String ROUTE = "executions";
    static final int PAGE_SIZE = 50;

    private final transient ExecutionHistoryService history;
    private final Actor actor;
    private final ZoneId zone = Formats.browserZone(UI.getCurrent());
    private final ExecutionFilters filters;
    private final Grid<Execution> grid = new Grid<>();
    private final Paragraph emptyState = new Paragraph();
    private final Button loadMore = new Button();
    private final List<Execution> rows = new ArrayList<>();
    // read by the download, which runs outside the UI's lock
    private volatile ExecutionFilter filter = ExecutionFilter.NONE;
    private String nextCursor;

    public ExecutionsView(ExecutionHistoryService history, AnalyticsService analytics, SignedInUser user) {
        this.history = history;
        this.actor = user.actor();
        setSizeFull();
        filters = new ExecutionFilters(namesInRuns(analytics, GroupBy.PROMPT, AnalyticsGroup::prompt),
                namesInRuns(analytics, GroupBy.MODEL, AnalyticsGroup::model), zone);
        filters.addFilterListener(change -> applyFilters());
        Anchor export = new Anchor((DownloadHandler) this::download, getTranslation("executions.export"));
        export.setId("executions-export");
        export.getStyle().set("white-space", "nowrap");
        export.setTitle(getTranslation("executions.export.explained", Formats.count(ExecutionHistoryService.EXPORT_LIMIT,
                getLocale())));
        HorizontalLayout toolbar = new HorizontalLayout(filters, export);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.expand(filters);
        configureGrid();
        loadMore.setText(getTranslation("executions.load-more"));
        loadMore.setIcon(VaadinIcon.ANGLE_DOUBLE_DOWN.create());
        loadMore.setId("executions-load-more");
        loadMore.addClickListener(click -> loadPage());
        add(toolbar, grid, loadMore);
        reload();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("executions.page-title");
    }

    private void configureGrid() {
        grid.setId("executions");
        grid.setSizeFull();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(e -> Formats.shortDateTime(e.createdAt(), zone, getLocale()))
                .setHeader(getTranslation("executions.column.time")).setKey("time").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Execution::promptName).setHeader(getTranslation("executions.column.prompt")).setKey("prompt")
                .setAutoWidth(true).setResizable(true);
        grid.addColumn(e -> "v" + e.version()).setHeader(getTranslation("executions.column.version")).setKey("version")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Execution::model).setHeader(getTranslation("executions.column.model")).setKey("model")
                .setAutoWidth(true).setResizable(true);
        grid.addColumn(e -> ExecutionLabels.status(this, e.status()))
                .setHeader(getTranslation("executions.column.status")).setKey("status").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(e -> ExecutionLabels.billing(this, e.billingType()))
                .setHeader(getTranslation("executions.column.billing")).setKey("billing").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(e -> ExecutionLabels.tokens(this, e.usage()))
                .setHeader(getTranslation("executions.column.tokens")).setKey("tokens").setAutoWidth(true);
        grid.addColumn(e -> ExecutionLabels.costAmount(this, e.cost()))
                .setHeader(getTranslation("executions.column.cost")).setKey("cost").setAutoWidth(true);
        grid.addColumn(e -> ExecutionLabels.latency(this, e.latencyMs()))
                .setHeader(getTranslation("executions.column.latency")).setKey("latency").setAutoWidth(true);
        emptyState.setId("executions-empty");
        grid.setEmptyStateComponent(emptyState);
        grid.addItemClickListener(click -> click.getSource().getUI().ifPresent(
                ui -> ui.navigate(ExecutionDetailView.location(click.getItem().id()))));
    }

    private void applyFilters() {
        try {
            filter = filters.filter();
        } catch (DomainException e) {
            if (e.code() != ErrorCode.VALIDATION_FAILED) {
                throw e;
            }
            filters.showRangeProblem(getTranslation("executions.filter.bad-range"));
            return;
        }
        reload();
    }

    private void reload() {
        rows.clear();
        nextCursor = null;
        emptyState.setText(getTranslation(filter.equals(ExecutionFilter.NONE) ? "executions.empty"
                : "executions.no-match"));
        loadPage();
    }

    private void loadPage() {
        Page<Execution> page = history.list(actor, filter, new PageRequest(PAGE_SIZE, nextCursor));
        rows.addAll(page.items());
        nextCursor = page.nextCursor();
        grid.setItems(rows);
        loadMore.setVisible(nextCursor != null);
    }

    private void download(DownloadEvent event) throws IOException {
        ExecutionHistoryService.ExecutionExport export = history.export(actor, filter);
        event.setFileName(ExecutionCsv.FILE_NAME);
        event.setContentType(ExecutionCsv.CONTENT_TYPE);
        byte[] csv = export.toCsv().getBytes(StandardCharsets.UTF_8);
        event.setContentLength(csv.length);
        event.getOutputStream().write(csv);
    }

    /**
     * The prompt or model names the user's runs have (as they were at run time), read from the
     * analytics rollups of the longest range a report covers: a few rows, never the runs.
     */
    private List<String> namesInRuns(AnalyticsService analytics, GroupBy groupBy,
                                     Function<AnalyticsGroup, String> name) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return analytics.report(actor, new AnalyticsQuery(today.minusDays(AnalyticsQuery.MAX_DAYS - 1L), today, groupBy))
                .groups().stream().map(name).sorted().toList();
    }
}
