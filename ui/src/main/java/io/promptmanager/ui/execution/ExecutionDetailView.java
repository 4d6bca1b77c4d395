package io.promptmanager.ui.execution;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.DescriptionList.Description;
import com.vaadin.flow.component.html.DescriptionList.Term;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.execution.Execution;
import io.promptmanager.core.execution.ExecutionHistoryService;
import io.promptmanager.core.prompt.Message;
import io.promptmanager.core.prompt.PromptService;
import io.promptmanager.core.prompt.PromptVersion;
import io.promptmanager.core.prompt.RenderedPrompt;
import io.promptmanager.core.prompt.VersionService;
import io.promptmanager.core.prompt.VersionStatus;
import io.promptmanager.core.user.Actor;
import io.promptmanager.ui.auth.SignedIn;
import io.promptmanager.ui.auth.SignedInUser;
import io.promptmanager.ui.base.MainLayout;
import io.promptmanager.ui.base.NotFound;
import io.promptmanager.ui.format.Formats;
import io.promptmanager.ui.run.RunView;

import java.util.Optional;
import java.util.UUID;

/**
 * One run: its figures, variables, the prompt as rendered from its version, and the output.
 * Another user's run, like a run that does not exist, is "not found".
 */
@SignedIn
@Route(value = ExecutionDetailView.ROUTE, layout = MainLayout.class)
public final class ExecutionDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    public static final String ROUTE = "executions/:id";

    private final transient ExecutionHistoryService history;
    private final transient PromptService prompts;
    private final transient VersionService versions;
    private final Actor actor;
    private Execution execution;

    public ExecutionDetailView(ExecutionHistoryService history, PromptService prompts, VersionService versions,
                               SignedInUser user) {
        this.history = history;
        this.prompts = prompts;
        this.versions = versions;
        this.actor = user.actor();
        setMaxWidth("72em");
    }

    public static String location(UUID executionId) {
        return "executions/" + executionId;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<UUID> id = event.getRouteParameters().get("id").flatMap(ExecutionDetailView::uuid);
        NotFound.orReroute(event, () -> history.get(actor, id.orElseThrow(() -> DomainException.notFound("Execution"))))
                .ifPresent(found -> {
                    execution = found;
                    removeAll();
                    show(found);
                });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("execution.page-title", execution == null ? "" : execution.promptName());
    }

    private void show(Execution e) {
        H2 title = new H2(getTranslation("execution.title", e.promptName(), e.version()));
        title.setId("execution-title");
        HorizontalLayout header = new HorizontalLayout(title, ExecutionLabels.statusBadge(this, e.status()),
                ExecutionLabels.billingBadge(this, e.billingType()));
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        add(header, actions(e), facts(e));
        add(new H3(getTranslation("execution.variables")), variables(e));
        add(new H3(getTranslation("execution.rendered")), rendered(e));
        add(new H3(getTranslation("execution.output")), output(e));
    }

    private Component actions(Execution e) {
        Anchor back = new Anchor(ExecutionsView.ROUTE, getTranslation("execution.back"));
        back.setId("execution-back");
        HorizontalLayout actions = new HorizontalLayout(back);
        if (e.promptId() != null) {
            Anchor again = new Anchor(RunView.location(e.promptName(), e.version()), getTranslation("execution.run-again"));
            again.setId("execution-run-again");
            actions.add(again);
        }
        return actions;
    }

    private DescriptionList facts(Execution e) {
        DescriptionList facts = new DescriptionList();
        facts.setId("execution-facts");
        fact(facts, "time", Formats.dateTime(e.createdAt(), Formats.browserZone(UI.getCurrent()), getLocale()));
        fact(facts, "model", e.model());
        fact(facts, "provider", e.provider());
        fact(facts, "channel", getTranslation("execution.channel." + e.channel().name()));
        fact(facts, "billing", ExecutionLabels.billing(this, e.billingType()) + " — "
                + getTranslation("execution.billing." + e.billingType().name() + ".explained"));
        fact(facts, "status", ExecutionLabels.status(this, e.status()));
        if (e.errorCode() != null) {
            fact(facts, "error", ExecutionErrors.describe(this, e.errorCode()));
        }
        if (e.finishReason() != null) {
            fact(facts, "finish-reason", e.finishReason());
        }
        fact(facts, "tokens", ExecutionLabels.tokens(this, e.usage()));
        fact(facts, "cost", ExecutionLabels.cost(this, e.cost()));
        fact(facts, "latency", ExecutionLabels.latency(this, e.latencyMs()));
        if (e.providerRequestId() != null) {
            fact(facts, "provider-request", e.providerRequestId());
        }
        fact(facts, "id", e.id().toString());
        return facts;
    }

    private void fact(DescriptionList facts, String key, String value) {
        Description description = new Description(value);
        description.setId("execution-" + key);
        facts.add(new Term(getTranslation("execution.fact." + key)), description);
    }

    private Component variables(Execution e) {
        if (e.variables() == null) {
            return note("execution-variables", getTranslation("execution.variables.not-kept"));
        }
        if (e.variables().isEmpty()) {
            return note("execution-variables", getTranslation("execution.variables.none"));
        }
        DescriptionList list = new DescriptionList();
        list.setId("execution-variables");
        e.variables().forEach((name, value) -> list.add(new Term(name), new Description(String.valueOf(value))));
        VerticalLayout section = new VerticalLayout(list);
        section.setPadding(false);
        if (e.variablesTruncated()) {
            section.add(note(null, getTranslation("execution.variables.truncated")));
        }
        return section;
    }

    /** Rendered again from its version and variables: runs store what the model answered, not what it was sent. */
    private Component rendered(Execution e) {
        Optional<RenderedPrompt> rendered = render(e);
        if (rendered.isEmpty()) {
            return note("execution-rendered", getTranslation("execution.rendered.unavailable"));
        }
        VerticalLayout messages = new VerticalLayout();
        messages.setId("execution-rendered");
        messages.setPadding(false);
        if (changedSince(e)) {
            messages.add(note(null, getTranslation("execution.rendered.draft-changed")));
        }
        for (Message message : rendered.get().messages()) {
            Paragraph role = new Paragraph(message.role());
            role.addClassNames(LumoUtility.FontWeight.SEMIBOLD, LumoUtility.Margin.NONE);
            messages.add(role, block(message.content()));
        }
        return messages;
    }

    private Component output(Execution e) {
        if (e.output() == null || e.output().isEmpty()) {
            return note("execution-output", getTranslation("execution.output.none"));
        }
        Pre output = block(e.output());
        output.setId("execution-output");
        if (!e.outputTruncated()) {
            return output;
        }
        VerticalLayout section = new VerticalLayout(output, note(null, getTranslation("execution.output.truncated")));
        section.setPadding(false);
        return section;
    }

    private Optional<RenderedPrompt> render(Execution e) {
        if (e.promptId() == null || e.variables() == null || e.variablesTruncated()) {
            return Optional.empty();
        }
        try {
            if (!prompts.get(actor, e.promptName()).id().equals(e.promptId())) {
                return Optional.empty(); // renamed, and another prompt took the name
            }
            return Optional.of(versions.render(actor, e.promptName(), e.version(), e.variables()));
        } catch (DomainException gone) {
            return Optional.empty();
        }
    }

    private boolean changedSince(Execution e) {
        PromptVersion version = versions.get(actor, e.promptName(), e.version());
        return version.status() == VersionStatus.DRAFT && version.updatedAt().isAfter(e.createdAt());
    }

    private static Pre block(String text) {
        Pre block = new Pre(text);
        block.getStyle().set("white-space", "pre-wrap");
        block.addClassNames(LumoUtility.Padding.SMALL, LumoUtility.Background.CONTRAST_5, LumoUtility.Width.FULL,
                LumoUtility.Margin.NONE);
        return block;
    }

    private static Paragraph note(String id, String text) {
        Paragraph note = new Paragraph(text);
        if (id != null) {
            note.setId(id);
        }
        note.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        return note;
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
