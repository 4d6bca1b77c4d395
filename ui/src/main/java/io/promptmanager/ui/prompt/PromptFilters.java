package io.promptmanager.ui.prompt;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.shared.Registration;
import io.promptmanager.core.prompt.PromptFilter;
import io.promptmanager.core.prompt.VersionStatus;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Search text, category, version status and tag of the prompt list, readable from and writable
 * to the page's query parameters ({@code ?q=&category=&status=&tag=}) so that a filtered list can
 * be linked to. Fires one {@link ChangeEvent} per change the user makes.
 */
final class PromptFilters extends HorizontalLayout {
    static final String TEXT = "q";
    static final String CATEGORY = "category";
    static final String STATUS = "status";
    static final String TAG = "tag";

    private final TextField search = new TextField();
    private final ComboBox<String> category = new ComboBox<>();
    private final Select<VersionStatus> status = new Select<>();
    private final TextField tag = new TextField();
    private boolean applying;

    PromptFilters(List<String> categories) {
        setWidthFull();
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setWrap(true);
        search.setId("search");
        search.setPlaceholder(getTranslation("prompts.search"));
        search.setAriaLabel(getTranslation("prompts.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        category.setId("filter-category");
        category.setPlaceholder(getTranslation("prompts.filter.all-categories"));
        category.setAriaLabel(getTranslation("prompts.filter.category"));
        category.setItems(categories);
        category.setClearButtonVisible(true);
        status.setId("filter-status");
        status.setAriaLabel(getTranslation("prompts.filter.status"));
        status.setItems(VersionStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("prompts.filter.any-status"));
        status.setItemLabelGenerator(s -> s == null ? getTranslation("prompts.filter.any-status")
                : getTranslation("prompts.filter.status." + s.name()));
        tag.setId("filter-tag");
        tag.setPlaceholder(getTranslation("prompts.filter.tag"));
        tag.setAriaLabel(getTranslation("prompts.filter.tag"));
        tag.setClearButtonVisible(true);
        tag.setValueChangeMode(ValueChangeMode.LAZY);
        add(search, category, status, tag);
        expand(search);
        search.addValueChangeListener(change -> changed());
        category.addValueChangeListener(change -> changed());
        status.addValueChangeListener(change -> changed());
        tag.addValueChangeListener(change -> changed());
    }

    PromptFilter filter() {
        String tagName = blankToNull(tag.getValue());
        // tags are lower-case slugs: "Docs" finds "docs"
        return new PromptFilter(category.getValue(), status.getValue(),
                tagName == null ? null : tagName.toLowerCase(Locale.ROOT), blankToNull(search.getValue()));
    }

    /** Only a search text, or nothing at all. */
    boolean onlyText() {
        PromptFilter f = filter();
        return f.category() == null && f.status() == null && f.tag() == null;
    }

    boolean isEmpty() {
        return onlyText() && filter().text() == null;
    }

    /** Sets every filter from the page's query parameters (absent ones are cleared), firing one change. */
    void apply(QueryParameters parameters) {
        applying = true;
        try {
            search.setValue(single(parameters, TEXT));
            String categoryName = single(parameters, CATEGORY);
            category.setValue(categoryName.isEmpty() ? null : categoryName);
            status.setValue(Arrays.stream(VersionStatus.values())
                    .filter(s -> s.name().equalsIgnoreCase(single(parameters, STATUS)))
                    .findFirst().orElse(null));
            tag.setValue(single(parameters, TAG));
        } finally {
            applying = false;
        }
        fireEvent(new ChangeEvent(this, false));
    }

    /** Clears every filter as if the user had. */
    void clear() {
        applying = true;
        try {
            search.clear();
            category.clear();
            status.clear();
            tag.clear();
        } finally {
            applying = false;
        }
        fireEvent(new ChangeEvent(this, true));
    }

    QueryParameters toQueryParameters() {
        PromptFilter f = filter();
        Map<String, String> values = new LinkedHashMap<>();
        putIfSet(values, TEXT, f.text());
        putIfSet(values, CATEGORY, f.category());
        putIfSet(values, STATUS, f.status() == null ? null : f.status().name());
        putIfSet(values, TAG, f.tag());
        return QueryParameters.simple(values);
    }

    Registration addChangeListener(ComponentEventListener<ChangeEvent> listener) {
        return addListener(ChangeEvent.class, listener);
    }

    private void changed() {
        if (!applying) {
            fireEvent(new ChangeEvent(this, true));
        }
    }

    private static String single(QueryParameters parameters, String name) {
        return parameters.getSingleParameter(name).orElse("");
    }

    private static void putIfSet(Map<String, String> values, String name, String value) {
        if (value != null) {
            values.put(name, value);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** From the client when the user changed a filter; not when they were set from the address. */
    static final class ChangeEvent extends ComponentEvent<PromptFilters> {
        ChangeEvent(PromptFilters source, boolean fromUser) {
            super(source, fromUser);
        }
    }
}
