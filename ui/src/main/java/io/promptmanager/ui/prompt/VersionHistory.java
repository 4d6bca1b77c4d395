package io.promptmanager.ui.prompt;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.shared.Registration;
import io.promptmanager.core.prompt.PromptVersion;
import io.promptmanager.core.prompt.VersionStatus;
import io.promptmanager.ui.base.TimeFormat;

import java.util.List;

/**
 * Every version of a prompt, newest first, with its status badge ({@code #status-N}) and the
 * actions its status allows: open in the editor ({@code #edit-version-N}), promote a draft
 * ({@code #promote-N}), roll back to an archived version ({@code #rollback-N}), archive
 * ({@code #archive-N}); and a {@link VersionPicker} to compare two versions. Knows no service:
 * it fires {@link ActionEvent}s and the picker's compare event.
 */
final class VersionHistory extends VerticalLayout {
    enum Action { EDIT, PROMOTE, ROLLBACK, ARCHIVE }

    private final Grid<PromptVersion> grid = new Grid<>();
    private final VersionPicker picker = new VersionPicker();
    private final TimeFormat time = TimeFormat.ofBrowser();

    VersionHistory() {
        setPadding(false);
        setSizeFull();
        grid.setId("versions");
        grid.setAllRowsVisible(true);
        grid.addColumn(v -> getTranslation("prompts.version", v.number()))
                .setHeader(getTranslation("versions.column.version")).setKey("version").setWidth("6rem").setFlexGrow(0);
        grid.addComponentColumn(v -> {
            StatusBadge badge = new StatusBadge(v.status());
            badge.setId("status-" + v.number());
            return badge;
        }).setHeader(getTranslation("versions.column.status")).setKey("status").setWidth("9rem").setFlexGrow(0);
        grid.addColumn(PromptVersion::model).setHeader(getTranslation("versions.column.model")).setKey("model")
                .setFlexGrow(2);
        grid.addColumn(PromptVersion::commitMessage).setHeader(getTranslation("versions.column.commit-message"))
                .setKey("commit").setFlexGrow(2);
        grid.addColumn(v -> time.format(v.createdAt(), getLocale()))
                .setHeader(getTranslation("versions.column.created")).setKey("created").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setKey("actions").setWidth("12rem").setFlexGrow(0);
        Paragraph empty = new Paragraph(getTranslation("versions.empty"));
        empty.setId("versions-empty");
        grid.setEmptyStateComponent(empty);
        add(picker, grid);
    }

    void setVersions(List<PromptVersion> versions) {
        grid.setItems(versions);
        picker.setVersions(versions.stream().map(PromptVersion::number).toList(), null, null);
    }

    Registration addActionListener(ComponentEventListener<ActionEvent> listener) {
        return addListener(ActionEvent.class, listener);
    }

    Registration addCompareListener(ComponentEventListener<VersionPicker.CompareEvent> listener) {
        return picker.addCompareListener(listener);
    }

    private HorizontalLayout actions(PromptVersion version) {
        HorizontalLayout buttons = new HorizontalLayout();
        buttons.add(iconOnly(button(version, Action.EDIT, "edit-version-", getTranslation("versions.edit"),
                VaadinIcon.EDIT)));
        if (version.status() == VersionStatus.DRAFT) {
            buttons.add(button(version, Action.PROMOTE, "promote-", getTranslation("versions.promote"),
                    VaadinIcon.ARROW_CIRCLE_UP));
        } else if (version.status() == VersionStatus.ARCHIVED) {
            buttons.add(button(version, Action.ROLLBACK, "rollback-", getTranslation("versions.rollback"),
                    VaadinIcon.ARROW_BACKWARD));
        }
        if (version.status() != VersionStatus.ARCHIVED) {
            Button archive = iconOnly(button(version, Action.ARCHIVE, "archive-", getTranslation("versions.archive"),
                    VaadinIcon.ARCHIVE));
            archive.addThemeVariants(ButtonVariant.ERROR);
            buttons.add(archive);
        }
        return buttons;
    }

    private Button button(PromptVersion version, Action action, String idPrefix, String label, VaadinIcon icon) {
        Button button = new Button(label, icon.create(),
                click -> fireEvent(new ActionEvent(this, action, version)));
        button.setId(idPrefix + version.number());
        button.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        return button;
    }

    /** Keeps the row narrow: the text becomes the tooltip and the accessible name. */
    private static Button iconOnly(Button button) {
        String text = button.getText();
        button.setText(null);
        button.setAriaLabel(text);
        button.setTooltipText(text);
        button.addThemeVariants(ButtonVariant.LUMO_ICON);
        return button;
    }

    static final class ActionEvent extends ComponentEvent<VersionHistory> {
        private final Action action;
        private final PromptVersion version;

        ActionEvent(VersionHistory source, Action action, PromptVersion version) {
            super(source, false);
            this.action = action;
            this.version = version;
        }

        Action action() {
            return action;
        }

        PromptVersion version() {
            return version;
        }
    }
}
