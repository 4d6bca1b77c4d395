package io.promptmanager.ui.prompt;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.promptmanager.core.prompt.PromptVersion;
import io.promptmanager.core.prompt.VersionDiff;
import io.promptmanager.core.prompt.VersionService;
import io.promptmanager.core.user.Actor;
import io.promptmanager.ui.auth.SignedIn;
import io.promptmanager.ui.auth.SignedInUser;
import io.promptmanager.ui.base.MainLayout;
import io.promptmanager.ui.base.PageHeader;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two versions of a prompt side by side ({@code prompts/:name/diff?from=1&to=3}): every changed
 * field — each message's role and content, the variables, the model, each parameter, the commit
 * message — with removed lines red on the left and added lines green on the right. Without
 * {@code from}/{@code to} it compares the two newest versions.
 */
@SignedIn
@Route(value = VersionDiffView.ROUTE, layout = MainLayout.class)
public final class VersionDiffView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    public static final String ROUTE = PromptView.ROUTE + "/diff";
    private static final Pattern MESSAGE_FIELD = Pattern.compile("^messages\\[(\\d+)]\\.(role|content)$");
    /** Fields with a text of their own; any other field is shown under its own name. */
    static final List<String> NAMED_FIELDS = List.of("variables", "provider", "model", "commitMessage");

    private final transient VersionService versions;
    private final Actor actor;
    private final PageHeader header = new PageHeader("");
    private final VersionPicker picker = new VersionPicker();
    private final VerticalLayout changes = new VerticalLayout();
    private final RouterLink back = new RouterLink();
    private String promptName;

    public VersionDiffView(VersionService versions, SignedInUser user) {
        this.versions = versions;
        this.actor = user.actor();
        changes.setPadding(false);
        changes.setId("diff");
        picker.addCompareListener(compare -> UI.getCurrent().navigate(VersionDiffView.class,
                PromptView.parameters(promptName), query(compare.from(), compare.to())));
        back.setText(getTranslation("diff.back"));
        back.setId("back-to-versions");
        header.addActions(back);
        add(header, picker, changes);
    }

    static QueryParameters query(int from, int to) {
        return QueryParameters.simple(Map.of("from", String.valueOf(from), "to", String.valueOf(to)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        promptName = event.getRouteParameters().get(PromptView.NAME).orElseThrow();
        List<Integer> numbers = versions.list(actor, promptName).stream().map(PromptVersion::number).toList();
        QueryParameters query = event.getLocation().getQueryParameters();
        Integer from = number(query, "from").orElse(numbers.size() >= 2 ? numbers.get(1) : null);
        Integer to = number(query, "to").orElse(numbers.isEmpty() ? null : numbers.getFirst());
        header.setTitle(getTranslation("diff.title", promptName));
        back.setRoute(PromptView.class, PromptView.parameters(promptName));
        back.setQueryParameters(PromptView.versionsTab());
        picker.setVersions(numbers, from, to);
        changes.removeAll();
        if (from == null || to == null) {
            changes.add(note("diff-none", getTranslation("diff.too-few")));
            return;
        }
        show(versions.diff(actor, promptName, from, to));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("diff.page-title", promptName);
    }

    private void show(VersionDiff diff) {
        header.setSubtitle(getTranslation("diff.subtitle", diff.from(), diff.to()));
        if (diff.changes().isEmpty()) {
            changes.add(note("diff-none", getTranslation("diff.identical", diff.from(), diff.to())));
            return;
        }
        Div columns = new Div(new Span(getTranslation("prompts.version", diff.from())),
                new Span(getTranslation("prompts.version", diff.to())));
        columns.addClassNames(LumoUtility.Display.GRID, LumoUtility.Grid.Column.COLUMNS_2, LumoUtility.Width.FULL,
                LumoUtility.FontWeight.SEMIBOLD, LumoUtility.Padding.Horizontal.SMALL);
        changes.add(columns);
        for (int i = 0; i < diff.changes().size(); i++) {
            VersionDiff.FieldChange change = diff.changes().get(i);
            H3 title = new H3(label(change.field()));
            title.addClassNames(LumoUtility.FontSize.MEDIUM, LumoUtility.Margin.Bottom.NONE);
            SideBySideDiff lines = new SideBySideDiff(change.before(), change.after());
            lines.setId("diff-" + i);
            lines.getElement().setAttribute("data-field", change.field());
            changes.add(title, lines);
        }
    }

    /**
     * A field's name for people ("Message 2 · content", "Temperature"); core's own name for a
     * field this page does not know yet.
     */
    private String label(String field) {
        Matcher message = MESSAGE_FIELD.matcher(field);
        if (message.matches()) {
            int position = Integer.parseInt(message.group(1)) + 1;
            return message.group(2).equals("role") ? getTranslation("diff.field.message-role", position)
                    : getTranslation("diff.field.message-content", position);
        }
        if (NAMED_FIELDS.contains(field)) {
            return getTranslation("diff.field." + field);
        }
        if (field.startsWith("parameters.") && ParametersForm.NAMES.contains(field.substring("parameters.".length()))) {
            return getTranslation("parameter." + field.substring("parameters.".length()));
        }
        return field;
    }

    private static Paragraph note(String id, String text) {
        Paragraph paragraph = new Paragraph(text);
        paragraph.setId(id);
        return paragraph;
    }

    private static Optional<Integer> number(QueryParameters query, String name) {
        return query.getSingleParameter(name).filter(text -> text.matches("\\d{1,9}")).map(Integer::valueOf);
    }
}
