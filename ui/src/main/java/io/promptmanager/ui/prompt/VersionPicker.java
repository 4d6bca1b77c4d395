package io.promptmanager.ui.prompt;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.shared.Registration;

import java.util.List;

/**
 * Two version numbers to compare ({@code #diff-from}, {@code #diff-to}) and {@code #compare},
 * which fires {@link CompareEvent}.
 */
final class VersionPicker extends HorizontalLayout {
    private final Select<Integer> from = new Select<>();
    private final Select<Integer> to = new Select<>();
    private final Button compare = new Button();

    VersionPicker() {
        setAlignItems(FlexComponent.Alignment.BASELINE);
        from.setId("diff-from");
        from.setLabel(getTranslation("versions.compare-from"));
        to.setId("diff-to");
        to.setLabel(getTranslation("versions.compare-to"));
        for (Select<Integer> select : List.of(from, to)) {
            select.setItemLabelGenerator(number -> getTranslation("prompts.version", number));
            select.setWidth("7rem");
        }
        compare.setText(getTranslation("versions.compare"));
        compare.setIcon(VaadinIcon.SPLIT.create());
        compare.setId("compare");
        compare.addClickListener(click -> {
            if (from.getValue() != null && to.getValue() != null) {
                fireEvent(new CompareEvent(this, from.getValue(), to.getValue()));
            }
        });
        add(from, to, compare);
    }

    /**
     * Offers {@code numbers} (newest first) and selects {@code fromNumber} and {@code toNumber},
     * or by default the second-newest and the newest. Hidden with fewer than two versions.
     */
    void setVersions(List<Integer> numbers, Integer fromNumber, Integer toNumber) {
        from.setItems(numbers);
        to.setItems(numbers);
        setVisible(numbers.size() >= 2);
        if (numbers.size() >= 2) {
            from.setValue(numbers.contains(fromNumber) ? fromNumber : numbers.get(1));
            to.setValue(numbers.contains(toNumber) ? toNumber : numbers.getFirst());
        }
    }

    Registration addCompareListener(ComponentEventListener<CompareEvent> listener) {
        return addListener(CompareEvent.class, listener);
    }

    static final class CompareEvent extends ComponentEvent<VersionPicker> {
        private final int from;
        private final int to;

        CompareEvent(VersionPicker source, int from, int to) {
            super(source, false);
            this.from = from;
            this.to = to;
        }

        int from() {
            return from;
        }

        int to() {
            return to;
        }
    }
}
