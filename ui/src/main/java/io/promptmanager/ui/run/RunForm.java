package io.promptmanager.ui.run;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.promptmanager.core.model.ModelOffer;
import io.promptmanager.core.prompt.PromptVersion;
import io.promptmanager.plugin.model.ModelPricing;
import io.promptmanager.ui.format.Formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to run: the version, its variables and the model. Knows no service: it fires
 * {@link RunEvent} with valid values only.
 */
final class RunForm extends VerticalLayout {
    private final Select<PromptVersion> version = new Select<>();
    private final ComboBox<ModelOffer> model = new ComboBox<>();
    private final Button run = new Button();
    private final Span error = new Span();
    private final List<ModelOffer> offers;
    private final boolean everyModel;
    private VariableFields variables;

    /**
     * @param offers     the catalogue as the user's plan sees it
     * @param everyModel the plan runs every model (otherwise free ones only)
     */
    RunForm(List<PromptVersion> versions, PromptVersion initial, List<ModelOffer> offers, boolean everyModel) {
        this.offers = offers;
        this.everyModel = everyModel;
        setPadding(false);
        version.setId("run-version");
        version.setLabel(getTranslation("run.version"));
        version.setItems(versions);
        version.setItemLabelGenerator(v -> getTranslation("run.version.item", v.number(),
                getTranslation("run.version.status." + v.status().name())));
        model.setId("run-model-choice");
        model.setLabel(getTranslation("run.model"));
        model.setItemLabelGenerator(this::label);
        model.setWidth("min(100%, 42em)");
        if (!everyModel) {
            model.setHelperText(getTranslation("run.model.free-only"));
        }
        run.setText(getTranslation("run.run"));
        run.setIcon(VaadinIcon.PLAY.create());
        run.setId("run");
        run.addThemeVariants(ButtonVariant.PRIMARY);
        run.addClickShortcut(Key.ENTER, KeyModifier.CONTROL);
        run.addClickListener(click -> submit());
        error.setId("run-form-error");
        error.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.FontSize.SMALL);
        error.setVisible(false);
        version.setValue(initial);
        showVersion(initial);
        version.addValueChangeListener(change -> {
            if (change.getValue() != null) {
                showVersion(change.getValue());
            }
        });
    }

    Registration addRunListener(ComponentEventListener<RunEvent> listener) {
        return addListener(RunEvent.class, listener);
    }

    void setRunning(boolean running) {
        run.setEnabled(!running);
        run.setText(getTranslation(running ? "run.running" : "run.run"));
        version.setEnabled(!running);
        model.setEnabled(!running);
        variables.setFieldsEnabled(!running);
    }

    /** Core's verdict on one field: a variable ({@code variables.x}) or the model. */
    void showProblem(String field, String message) {
        if ("model".equals(field)) {
            model.setErrorMessage(message);
            model.setInvalid(true);
        } else if (field == null || !field.startsWith("variables.")
                || !variables.showProblem(field.substring("variables.".length()), message)) {
            error.setText(message);
            error.setVisible(true);
        }
    }

    private void showVersion(PromptVersion selected) {
        VariableFields fields = new VariableFields(selected.variables());
        if (variables == null) {
            add(version, fields, model, error, run);
        } else {
            replace(variables, fields);
        }
        variables = fields;
        List<ModelOffer> choices = new ArrayList<>(offers.stream().filter(ModelOffer::allowed).toList());
        ModelOffer own = offers.stream().filter(offer -> offer.id().equals(selected.model())
                        && (selected.provider() == null || selected.provider().equals(offer.providerId()))).findFirst()
                .orElseGet(() -> new ModelOffer(selected.model(), selected.model(), null, 0, null, false, false));
        if (!choices.contains(own)) {
            choices.addFirst(own);
        }
        model.setItems(choices);
        model.setValue(own);
    }

    private void submit() {
        error.setVisible(false);
        model.setInvalid(false);
        if (model.getValue() == null) {
            model.setErrorMessage(getTranslation("run.model.missing"));
            model.setInvalid(true);
            return;
        }
        variables.values().ifPresent(values -> {
            PromptVersion selected = version.getValue();
            ModelOffer chosen = model.getValue();
            boolean versionsOwn = chosen.id().equals(selected.model())
                    && (chosen.providerId() == null || Objects.equals(chosen.providerId(), selected.provider()));
            fireEvent(new RunEvent(this, selected, values, versionsOwn ? null : chosen));
        });
    }

    private String label(ModelOffer offer) {
        String name = offer.name().equals(offer.id()) ? offer.id() : offer.name() + " (" + offer.id() + ")";
        return name + " · " + price(offer);
    }

    private String price(ModelOffer offer) {
        if (!offer.allowed() && !everyModel) {
            return getTranslation("run.model.pro-only");
        }
        if (offer.free()) {
            return getTranslation("run.model.free");
        }
        ModelPricing pricing = offer.pricing();
        if (pricing == null || pricing.prompt() == null || pricing.completion() == null) {
            return getTranslation("run.model.price-varies");
        }
        String in = Formats.perMillionTokens(pricing.prompt(), getLocale());
        String out = Formats.perMillionTokens(pricing.completion(), getLocale());
        return pricing.request() == null || pricing.request().signum() == 0
                ? getTranslation("run.model.price", in, out)
                : getTranslation("run.model.price-per-run", in, out, Formats.usd(pricing.request(), getLocale()));
    }

    /** Run {@code version} with these valid {@code variables}, on {@code model} (null: the version's own). */
    static final class RunEvent extends ComponentEvent<RunForm> {
        private final PromptVersion version;
        private final Map<String, Object> variables;
        private final ModelOffer model;

        RunEvent(RunForm source, PromptVersion version, Map<String, Object> variables, ModelOffer model) {
            super(source, false);
            this.version = version;
            this.variables = Map.copyOf(variables);
            this.model = model;
        }

        PromptVersion version() {
            return version;
        }

        Map<String, Object> variables() {
            return variables;
        }

        ModelOffer model() {
            return model;
        }
    }
}
