package io.promptmanager.ui.execution;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.promptmanager.core.common.BillingType;
import io.promptmanager.core.execution.ExecutionFilter;
import io.promptmanager.core.execution.ExecutionStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The history's filters: prompt, status, billing type, model and a range of days in the
 * viewer's time zone (both days included). Knows no service: it fires {@link FilterEvent} with
 * every valid change.
 */
final class ExecutionFilters extends FlexLayout {
    private final ComboBox<String> prompt = new ComboBox<>();
    private final Select<ExecutionStatus> status = new Select<>();
    private final Select<BillingType> billing = new Select<>();
    private final ComboBox<String> model = new ComboBox<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final ZoneId zone;

    ExecutionFilters(List<String> promptNames, List<String> modelIds, ZoneId zone) {
        this.zone = zone;
        setId("executions-filters");
        setFlexWrap(FlexWrap.WRAP);
        setAlignItems(FlexComponent.Alignment.BASELINE);
        addClassNames(LumoUtility.Gap.MEDIUM);
        editable(prompt, "executions-filter-prompt", "executions.filter.prompt", promptNames);
        editable(model, "executions-filter-model", "executions.filter.model", modelIds);
        choice(status, "executions-filter-status", "executions.filter.status", List.of(ExecutionStatus.values()),
                "execution.status.");
        choice(billing, "executions-filter-billing", "executions.filter.billing", List.of(BillingType.values()),
                "execution.billing.");
        day(from, "executions-filter-from", "executions.filter.from");
        day(to, "executions-filter-to", "executions.filter.to");
        from.addValueChangeListener(change -> to.setMin(change.getValue()));
        Button clear = new Button(getTranslation("executions.filter.clear"), click -> clear());
        clear.setId("executions-filter-clear");
        clear.addThemeVariants(ButtonVariant.TERTIARY);
        add(prompt, status, billing, model, from, to, clear);
    }

    Registration addFilterListener(ComponentEventListener<FilterEvent> listener) {
        return addListener(FilterEvent.class, listener);
    }

    /** Core's verdict on the range (field {@code to}), shown at the end day. */
    void showRangeProblem(String message) {
        to.setErrorMessage(message);
        to.setInvalid(true);
    }

    ExecutionFilter filter() {
        Instant start = from.getValue() == null ? null : from.getValue().atStartOfDay(zone).toInstant();
        Instant end = to.getValue() == null ? null : to.getValue().plusDays(1).atStartOfDay(zone).toInstant();
        return new ExecutionFilter(prompt.getValue(), status.getValue(), billing.getValue(), model.getValue(), start,
                end);
    }

    private void changed() {
        to.setInvalid(false);
        fireEvent(new FilterEvent(this));
    }

    private void clear() {
        prompt.clear();
        status.clear();
        billing.clear();
        model.clear();
        from.clear();
        to.clear();
    }

    private void editable(ComboBox<String> box, String id, String label, List<String> known) {
        List<String> items = new ArrayList<>(known);
        box.setId(id);
        box.setLabel(getTranslation(label));
        box.setPlaceholder(getTranslation("executions.filter.any"));
        box.setItems(items);
        box.setClearButtonVisible(true);
        // runs keep the prompt's and model's names of their time: any name may be typed
        box.setAllowCustomValue(true);
        box.addCustomValueSetListener(custom -> {
            String typed = custom.getDetail().strip();
            if (!typed.isEmpty() && !items.contains(typed)) {
                items.add(typed);
                box.setItems(items);
            }
            box.setValue(typed.isEmpty() ? null : typed);
        });
        box.addValueChangeListener(change -> changed());
    }

    private <T extends Enum<T>> void choice(Select<T> select, String id, String label, List<T> values,
                                            String textPrefix) {
        select.setId(id);
        select.setLabel(getTranslation(label));
        select.setItems(values);
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption(getTranslation("executions.filter.any"));
        select.setItemLabelGenerator(value -> value == null ? getTranslation("executions.filter.any")
                : getTranslation(textPrefix + value.name()));
        select.addValueChangeListener(change -> changed());
    }

    private void day(DatePicker picker, String id, String label) {
        picker.setId(id);
        picker.setLabel(getTranslation(label));
        picker.setLocale(getLocale());
        picker.setClearButtonVisible(true);
        picker.setMax(LocalDate.now(zone));
        picker.addValueChangeListener(change -> changed());
    }

    /** The filters changed; read them with {@link #filter()}. */
    static final class FilterEvent extends ComponentEvent<ExecutionFilters> {
        FilterEvent(ExecutionFilters source) {
            super(source, false);
        }
    }
}
