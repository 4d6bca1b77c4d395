package io.promptmanager.ui.run;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.Violation;
import io.promptmanager.core.execution.ExecutionRequest;
import io.promptmanager.core.execution.ExecutionResult;
import io.promptmanager.core.execution.ExecutionService;
import io.promptmanager.core.model.ModelOffer;
import io.promptmanager.core.model.ModelService;
import io.promptmanager.core.plan.PlanCatalog;
import io.promptmanager.core.prompt.PromptVersion;
import io.promptmanager.core.prompt.VersionService;
import io.promptmanager.core.prompt.VersionStatus;
import io.promptmanager.core.quota.DailyUsage;
import io.promptmanager.core.quota.UsageService;
import io.promptmanager.core.user.Actor;
import io.promptmanager.ui.auth.SignedIn;
import io.promptmanager.ui.auth.SignedInUser;
import io.promptmanager.ui.base.MainLayout;
import io.promptmanager.ui.base.NotFound;
import io.promptmanager.ui.execution.ExecutionErrors;
import io.promptmanager.ui.format.Formats;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The run panel of one prompt: pick a version, fill in its variables, pick a model, run, and
 * watch the answer stream in with what it cost. A FREE user sees the runs left today.
 */
@SignedIn
@Route(value = RunView.ROUTE, layout = MainLayout.class)
public final class RunView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    public static final String ROUTE = "prompts/:name/run";
    private static final Logger LOG = Logger.getLogger(RunView.class.getName());

    private final transient VersionService versions;
    private final transient ModelService models;
    private final transient ExecutionService executions;
    private final transient UsageService usage;
    private final transient PlanCatalog plans;
    private final Actor actor;
    private final QuotaBanner quota = new QuotaBanner();
    private RunOutput output;
    private String promptName;
    private RunForm form;
    private transient BackgroundRun current;

    public RunView(VersionService versions, ModelService models, ExecutionService executions, UsageService usage,
                   PlanCatalog plans, SignedInUser user) {
        this.versions = versions;
        this.models = models;
        this.executions = executions;
        this.usage = usage;
        this.plans = plans;
        this.actor = user.actor();
        setMaxWidth("64em");
    }

    /** Where the run panel of {@code promptName} is, optionally on one version. */
    public static String location(String promptName, Integer version) {
        return "prompts/" + promptName + "/run" + (version == null ? "" : "?version=" + version);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // the same view may be entered again for another prompt or version: the old run is left behind
        stopRun();
        promptName = event.getRouteParameters().get("name").orElseThrow();
        Optional<List<PromptVersion>> found = NotFound.orReroute(event, () -> versions.list(actor, promptName));
        if (found.isEmpty()) {
            return;
        }
        List<PromptVersion> all = found.get().stream()
                .sorted(Comparator.comparingInt(PromptVersion::number).reversed()).toList();
        removeAll();
        H2 title = new H2(getTranslation("run.title", promptName));
        title.setId("run-title");
        Anchor back = new Anchor("prompts/" + promptName, getTranslation("run.back-to-prompt"));
        back.setId("run-back");
        HorizontalLayout header = new HorizontalLayout(title, back);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(header, quota);
        refreshQuota();
        if (all.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("run.no-version"));
            empty.setId("run-empty");
            add(empty);
            return;
        }
        Integer wanted = event.getLocation().getQueryParameters().getSingleParameter("version")
                .flatMap(RunView::number).orElse(null);
        form = new RunForm(all, initial(all, wanted), models.list(actor), plans.entitlements(actor.plan()).allModels()
                || actor.isAdmin());
        form.addRunListener(this::run);
        output = new RunOutput();
        add(form, output);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("run.page-title", promptName);
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        // leaving the page ends the run: its answer has nowhere to go (core records it as disconnected)
        stopRun();
        super.onDetach(detachEvent);
    }

    private void stopRun() {
        if (current != null) {
            current.cancel();
            current = null;
        }
    }

    /** The version asked for; else PRODUCTION; else the newest draft; else the newest. */
    static PromptVersion initial(List<PromptVersion> newestFirst, Integer wanted) {
        return newestFirst.stream().filter(v -> wanted != null && v.number() == wanted).findFirst()
                .or(() -> newestFirst.stream().filter(v -> v.status() == VersionStatus.PRODUCTION).findFirst())
                .or(() -> newestFirst.stream().filter(v -> v.status() == VersionStatus.DRAFT).findFirst())
                .orElse(newestFirst.getFirst());
    }

    private void run(RunForm.RunEvent event) {
        form.setRunning(true);
        output.started();
        ModelOffer chosen = event.model();
        ExecutionRequest request = new ExecutionRequest(event.variables(), event.version().number(), true,
                chosen == null ? null : chosen.providerId(), chosen == null ? null : chosen.id());
        String model = chosen != null ? chosen.id() : event.version().model();
        current = BackgroundRun.start(UI.getCurrent(), listener -> executions.run(actor, promptName, request, listener),
                new BackgroundRun.Callbacks() {
                    @Override
                    public void text(String more) {
                        output.append(more);
                    }

                    @Override
                    public void succeeded(ExecutionResult result) {
                        finished();
                        output.succeeded(result);
                    }

                    @Override
                    public void failed(RuntimeException error) {
                        finished();
                        showFailure(error, model);
                    }
                });
    }

    private void finished() {
        current = null;
        form.setRunning(false);
        refreshQuota();
    }

    private void showFailure(RuntimeException error, String model) {
        if (!(error instanceof DomainException domain)) {
            String errorId = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Console run of a prompt failed, error id " + errorId, error);
            output.failed(getTranslation("error.unexpected", errorId), null, false);
            return;
        }
        switch (domain.code()) {
            case QUOTA_EXCEEDED -> {
                DailyUsage today = usage.today(actor);
                long[] left = Formats.hoursAndMinutes(Duration.between(Instant.now(), today.resetsAt()));
                output.failed(getTranslation("run.error.QUOTA_EXCEEDED", today.limit() == null ? 0 : today.limit(),
                        left[0], left[1]), null, true);
            }
            case PLAN_REQUIRED -> output.failed(getTranslation("run.error.PLAN_REQUIRED", model), null, true);
            case VALIDATION_FAILED -> {
                for (Violation violation : domain.violations()) {
                    form.showProblem(violation.field(), violation.message());
                }
                output.failed(getTranslation("run.error.VALIDATION_FAILED"), null, false);
            }
            case NOT_FOUND -> output.failed(getTranslation("run.error.NOT_FOUND"), null, false);
            default -> output.failed(ExecutionErrors.isExplained(domain.code().name())
                    ? ExecutionErrors.explain(this, domain.code().name())
                    : getTranslation("error.code." + domain.code().name()),
                    // core's words hold the provider's reason, which is safe to show
                    domain.getMessage(), false);
        }
    }

    private void refreshQuota() {
        quota.show(usage.today(actor), Instant.now());
    }

    private static Optional<Integer> number(String text) {
        try {
            return Optional.of(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
