package io.promptmanager.ui.prompt;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.model.ModelOffer;
import io.promptmanager.core.model.ModelService;
import io.promptmanager.core.prompt.Prompt;
import io.promptmanager.core.prompt.PromptService;
import io.promptmanager.core.prompt.PromptVersion;
import io.promptmanager.core.prompt.VersionInput;
import io.promptmanager.core.prompt.VersionService;
import io.promptmanager.core.prompt.VersionStatus;
import io.promptmanager.core.user.Actor;
import io.promptmanager.ui.auth.SignedIn;
import io.promptmanager.ui.auth.SignedInUser;
import io.promptmanager.ui.base.Confirmation;
import io.promptmanager.ui.base.MainLayout;
import io.promptmanager.ui.base.PageHeader;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One prompt: the draft editor and the version history (promote, archive, rollback, compare).
 * The editor works on the newest draft; without one it starts from the production (or newest)
 * version and Save creates a new draft. {@code ?tab=versions} opens the history.
 */
@SignedIn
@Route(value = PromptView.ROUTE, layout = MainLayout.class)
public final class PromptView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    public static final String ROUTE = "prompts/:" + PromptView.NAME;
    static final String NAME = "name";
    static final String TAB = "tab";
    static final String VERSIONS_TAB = "versions";

    private final transient PromptService prompts;
    private final transient VersionService versions;
    private final Actor actor;
    private final PageHeader header;
    private final TabSheet tabs = new TabSheet();
    private final VersionEditor editor;
    private final VersionHistory history = new VersionHistory();
    private final Tab editorTab;
    private final Tab versionsTab;
    private String promptName;
    /** The draft Save updates; null when Save creates a new draft. */
    private Integer draftNumber;

    public PromptView(PromptService prompts, VersionService versions, ModelService models, SignedInUser user) {
        this.prompts = prompts;
        this.versions = versions;
        this.actor = user.actor();
        setSizeFull();
        List<ModelOffer> offers = models.list(actor);
        List<ModelOffer> allowed = offers.stream().filter(ModelOffer::allowed).toList();
        editor = new VersionEditor(allowed, allowed.size() < offers.size());
        editor.addSaveListener(save -> save(save.input()));
        history.addActionListener(this::act);
        history.addCompareListener(compare -> UI.getCurrent().navigate(VersionDiffView.class, parameters(promptName),
                VersionDiffView.query(compare.from(), compare.to())));
        Button run = new Button(getTranslation("prompt.run"), VaadinIcon.PLAY.create(),
                click -> UI.getCurrent().navigate("prompts/" + promptName + "/run"));
        run.setId("run");
        run.addThemeVariants(ButtonVariant.PRIMARY);
        header = new PageHeader("", run);
        tabs.setId("prompt-tabs");
        tabs.setSizeFull();
        editorTab = tabs.add(getTranslation("prompt.tab.editor"), editor);
        editorTab.setId("tab-editor");
        versionsTab = tabs.add(getTranslation("prompt.tab.versions"), history);
        versionsTab.setId("tab-versions");
        add(header, tabs);
    }

    /** The route parameters of {@code promptName}'s page. */
    public static RouteParameters parameters(String promptName) {
        return new RouteParameters(NAME, promptName);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        promptName = event.getRouteParameters().get(NAME).orElseThrow();
        Prompt prompt = prompts.get(actor, promptName);
        header.setTitle(prompt.name());
        header.setSubtitle(prompt.description());
        List<PromptVersion> all = refreshHistory();
        startEditing(newest(all, VersionStatus.DRAFT)
                .or(() -> newest(all, VersionStatus.PRODUCTION))
                .orElse(all.isEmpty() ? null : all.getFirst()));
        boolean versionsFirst = event.getLocation().getQueryParameters().getSingleParameter(TAB)
                .filter(VERSIONS_TAB::equals).isPresent();
        tabs.setSelectedTab(versionsFirst ? versionsTab : editorTab);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("prompt.page-title", promptName);
    }

    /** Loads {@code version} into the editor; Save then updates it if it is a draft, else creates a new draft. */
    private void startEditing(PromptVersion version) {
        editor.load(version);
        draftNumber = version != null && version.status() == VersionStatus.DRAFT ? version.number() : null;
        showEditorStatus(version);
    }

    private void showEditorStatus(PromptVersion source) {
        if (draftNumber != null) {
            editor.setStatus(getTranslation("editor.status.draft", draftNumber));
        } else if (source != null) {
            editor.setStatus(getTranslation("editor.status.from", source.number(),
                    getTranslation("versions.status." + source.status().name())));
        } else {
            editor.setStatus(getTranslation("editor.status.first"));
        }
    }

    private void save(VersionInput input) {
        try {
            PromptVersion saved = draftNumber == null ? versions.create(actor, promptName, input)
                    : versions.update(actor, promptName, draftNumber, input);
            startEditing(saved);
            refreshHistory();
            Notification.show(getTranslation("editor.saved", saved.number()));
        } catch (DomainException e) {
            if (e.code() == ErrorCode.VALIDATION_FAILED && !e.violations().isEmpty()) {
                editor.showViolations(e.violations());
            } else {
                editor.showError(getTranslation("error.code." + e.code().name()));
            }
        }
    }

    private void act(VersionHistory.ActionEvent event) {
        PromptVersion version = event.version();
        int number = version.number();
        switch (event.action()) {
            case EDIT -> {
                startEditing(version);
                tabs.setSelectedTab(editorTab);
            }
            case PROMOTE -> change(() -> versions.promote(actor, promptName, number),
                    getTranslation("versions.promoted", number));
            case ROLLBACK -> Confirmation.ask(getTranslation("versions.rollback-title", number),
                    getTranslation("versions.rollback-question", number), getTranslation("versions.rollback"),
                    () -> change(() -> versions.promote(actor, promptName, number),
                            getTranslation("versions.rolled-back", number)));
            case ARCHIVE -> Confirmation.ask(getTranslation("versions.archive-title", number),
                    version.status() == VersionStatus.PRODUCTION
                            ? getTranslation("versions.archive-production-question", number)
                            : getTranslation("versions.archive-question", number),
                    getTranslation("versions.archive"),
                    () -> change(() -> versions.archive(actor, promptName, number),
                            getTranslation("versions.archived", number)));
        }
    }

    /** Runs a status change, then shows the new statuses; a draft that is no longer one stops being edited in place. */
    private void change(Runnable statusChange, String done) {
        try {
            statusChange.run();
            Notification.show(done);
        } catch (DomainException e) {
            Notification.show(getTranslation("error.code." + e.code().name()))
                    .addThemeVariants(NotificationVariant.ERROR);
        }
        List<PromptVersion> all = refreshHistory();
        if (draftNumber != null && all.stream().noneMatch(v -> v.number() == draftNumber
                && v.status() == VersionStatus.DRAFT)) {
            PromptVersion former = all.stream().filter(v -> v.number() == draftNumber).findFirst().orElse(null);
            draftNumber = null;
            showEditorStatus(former);
        }
    }

    private List<PromptVersion> refreshHistory() {
        List<PromptVersion> all = versions.list(actor, promptName);
        history.setVersions(all);
        return all;
    }

    private static Optional<PromptVersion> newest(List<PromptVersion> all, VersionStatus status) {
        return all.stream().filter(v -> v.status() == status).max(Comparator.comparingInt(PromptVersion::number));
    }

    static QueryParameters versionsTab() {
        return QueryParameters.simple(Map.of(TAB, VERSIONS_TAB));
    }
}
