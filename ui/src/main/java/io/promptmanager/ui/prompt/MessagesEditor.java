package io.promptmanager.ui.prompt;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.promptmanager.core.common.Violation;
import io.promptmanager.core.prompt.Message;

import java.util.ArrayList;
import java.util.List;

/**
 * The chat messages of a version, in order: role and template content each, added, removed and
 * moved up or down. Row {@code i}'s fields are {@code #message-role-i}, {@code #message-content-i},
 * {@code #message-up-i}, {@code #message-down-i} and {@code #message-remove-i}.
 */
final class MessagesEditor extends VerticalLayout {
    /** The roles core accepts, in the order offered. */
    static final List<String> ROLES = List.of("system", "user", "assistant");

    private final List<Row> rows = new ArrayList<>();
    private final VerticalLayout list = new VerticalLayout();
    private final Span error = new Span();

    MessagesEditor() {
        setPadding(false);
        list.setPadding(false);
        error.setId("messages-error");
        error.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.FontSize.SMALL);
        error.setVisible(false);
        Button addMessage = new Button(getTranslation("editor.add-message"), VaadinIcon.PLUS.create(),
                click -> {
                    addRow(new Message(rows.isEmpty() ? "system" : "user", ""));
                    renumber();
                });
        addMessage.setId("add-message");
        addMessage.addThemeVariants(ButtonVariant.TERTIARY);
        add(new H3(getTranslation("editor.messages")), error, list, addMessage);
    }

    void setMessages(List<Message> messages) {
        rows.clear();
        messages.forEach(this::addRow);
        renumber();
    }

    List<Message> messages() {
        return rows.stream().map(row -> new Message(row.role.getValue(), row.content.getValue())).toList();
    }

    void clearErrors() {
        error.setVisible(false);
        rows.forEach(row -> FieldErrors.clear(row.role, row.content));
    }

    /** Shows a problem with {@code messages…} at its field; false when it is about something else. */
    boolean show(Violation violation) {
        if ("messages".equals(violation.field())) {
            error.setText(violation.message());
            error.setVisible(true);
            return true;
        }
        FieldErrors.Indexed at = FieldErrors.Indexed.parse(violation.field());
        if (at == null || !at.list().equals("messages") || at.index() >= rows.size()) {
            return false;
        }
        Row row = rows.get(at.index());
        FieldErrors.mark(at.property().equals("role") ? row.role : row.content, violation.message());
        return true;
    }

    private void addRow(Message message) {
        rows.add(new Row(message));
    }

    private void moveRow(Row row, int delta) {
        int from = rows.indexOf(row);
        int to = from + delta;
        if (to >= 0 && to < rows.size()) {
            rows.remove(from);
            rows.add(to, row);
            renumber();
        }
    }

    private void removeRow(Row row) {
        rows.remove(row);
        renumber();
    }

    /** Lays the rows out in their order again, with ids and labels that follow it. */
    private void renumber() {
        list.removeAll();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            row.number(i, rows.size());
            list.add(row);
        }
    }

    private final class Row extends HorizontalLayout {
        private final Select<String> role = new Select<>();
        private final TextArea content = new TextArea();
        private final Button up = new Button(VaadinIcon.ARROW_UP.create(), click -> moveRow(this, -1));
        private final Button down = new Button(VaadinIcon.ARROW_DOWN.create(), click -> moveRow(this, 1));
        private final Button remove = new Button(VaadinIcon.TRASH.create(), click -> removeRow(this));

        Row(Message message) {
            setWidthFull();
            setAlignItems(FlexComponent.Alignment.START);
            role.setLabel(getTranslation("editor.role"));
            role.setItems(ROLES);
            role.setItemLabelGenerator(name -> getTranslation("editor.role." + name));
            role.setValue(ROLES.contains(message.role()) ? message.role() : "user");
            role.setWidth("10rem");
            content.setLabel(getTranslation("editor.content"));
            content.setHelperText(getTranslation("editor.content-help", "{{name}}"));
            content.setValue(message.content() == null ? "" : message.content());
            content.setMinRows(3);
            for (Button button : List.of(up, down, remove)) {
                button.addThemeVariants(ButtonVariant.TERTIARY);
            }
            remove.addThemeVariants(ButtonVariant.ERROR);
            up.setAriaLabel(getTranslation("editor.move-up"));
            down.setAriaLabel(getTranslation("editor.move-down"));
            remove.setAriaLabel(getTranslation("editor.remove-message"));
            HorizontalLayout buttons = new HorizontalLayout(up, down, remove);
            buttons.setSpacing(false);
            buttons.addClassNames(LumoUtility.Margin.Top.LARGE);
            add(role, content, buttons);
            expand(content);
        }

        void number(int index, int count) {
            role.setId("message-role-" + index);
            content.setId("message-content-" + index);
            up.setId("message-up-" + index);
            down.setId("message-down-" + index);
            remove.setId("message-remove-" + index);
            up.setEnabled(index > 0);
            down.setEnabled(index < count - 1);
        }
    }
}
