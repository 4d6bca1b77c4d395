package io.promptmanager.ui.prompt;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.promptmanager.core.common.Violation;
import io.promptmanager.core.model.ModelOffer;
import io.promptmanager.core.prompt.ModelParameters;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The model (from the models the user's plan allows, with provider, id and prices) and the
 * sampling parameters of a version. Numbers are typed as text and read as BigDecimal, with either
 * decimal separator; an empty field leaves the parameter unset.
 */
final class ParametersForm extends FormLayout {
    /** Parameter names as core's violations and diffs name them ({@code parameters.topP}). */
    static final List<String> NAMES = List.of("temperature", "maxTokens", "topP", "frequencyPenalty",
            "presencePenalty", "stop", "seed");

    private final ComboBox<ModelOffer> model = new ComboBox<>();
    private final TextField temperature = numberField("temperature", getTranslation("parameter.temperature"),
            "0 – 2");
    private final TextField maxTokens = numberField("max-tokens", getTranslation("parameter.maxTokens"), "≥ 1");
    private final TextField topP = numberField("top-p", getTranslation("parameter.topP"), "0 – 1");
    private final TextField frequencyPenalty = numberField("frequency-penalty",
            getTranslation("parameter.frequencyPenalty"), "−2 – 2");
    private final TextField presencePenalty = numberField("presence-penalty",
            getTranslation("parameter.presencePenalty"), "−2 – 2");
    private final TextArea stop = new TextArea();
    private final TextField seed = numberField("seed", getTranslation("parameter.seed"), null);
    private final List<ModelOffer> offers;
    private final Map<String, HasValidation> byName;

    /** @param offers the models the user may run; {@code restricted}: their plan excludes others */
    ParametersForm(List<ModelOffer> offers, boolean restricted) {
        this.offers = List.copyOf(offers);
        model.setId("model");
        model.setLabel(getTranslation("editor.model"));
        model.setItems(this.offers);
        model.setItemLabelGenerator(this::label);
        model.setRequiredIndicatorVisible(true);
        if (offers.isEmpty()) {
            model.setHelperText(getTranslation("editor.model-none"));
        } else if (restricted) {
            model.setHelperText(getTranslation("editor.model-free-only"));
        }
        stop.setId("stop");
        stop.setLabel(getTranslation("parameter.stop"));
        stop.setHelperText(getTranslation("editor.stop-help"));
        byName = Map.of("temperature", temperature, "maxTokens", maxTokens, "topP", topP,
                "frequencyPenalty", frequencyPenalty, "presencePenalty", presencePenalty, "stop", stop, "seed", seed);
        add(model, 2);
        add(temperature, maxTokens, topP, seed, frequencyPenalty, presencePenalty);
        add(stop, 2);
    }

    /** Shows a version's model (when the plan allows it) and parameters; a null provider matches any. */
    void setValues(String providerId, String modelId, ModelParameters parameters) {
        ModelOffer offer = offers.stream()
                .filter(o -> o.id().equals(modelId) && (providerId == null || o.providerId().equals(providerId)))
                .findFirst().orElse(null);
        model.setValue(offer);
        if (offer == null && modelId != null && !modelId.isBlank()) {
            FieldErrors.mark(model, getTranslation("editor.model-unavailable", modelId));
        }
        ModelParameters p = parameters == null ? ModelParameters.none() : parameters;
        temperature.setValue(text(p.temperature()));
        maxTokens.setValue(text(p.maxTokens()));
        topP.setValue(text(p.topP()));
        frequencyPenalty.setValue(text(p.frequencyPenalty()));
        presencePenalty.setValue(text(p.presencePenalty()));
        stop.setValue(p.stop() == null ? "" : String.join("\n", p.stop()));
        seed.setValue(text(p.seed()));
    }

    String modelId() {
        return model.getValue() == null ? null : model.getValue().id();
    }

    /** The chosen model's provider: the same model id may be offered by several. */
    String providerId() {
        return model.getValue() == null ? null : model.getValue().providerId();
    }

    /** Marks every field that is not a number of its kind; true when all are. */
    boolean checkNumbers() {
        boolean valid = true;
        for (TextField field : List.of(temperature, topP, frequencyPenalty, presencePenalty)) {
            boolean ok = field.getValue().isBlank() || decimalOrNull(field) != null;
            valid &= check(field, ok, getTranslation("editor.not-a-number"));
        }
        for (TextField field : List.of(maxTokens, seed)) {
            boolean ok = field.getValue().isBlank() || wholeOrNull(field) != null;
            valid &= check(field, ok, getTranslation("editor.not-a-whole-number"));
        }
        return valid;
    }

    ModelParameters parameters() {
        List<String> stops = stop.getValue().lines().filter(line -> !line.isEmpty()).toList();
        BigDecimal tokens = wholeOrNull(maxTokens);
        BigDecimal seedValue = wholeOrNull(seed);
        return new ModelParameters(decimalOrNull(temperature), tokens == null ? null : tokens.intValueExact(),
                decimalOrNull(topP), decimalOrNull(frequencyPenalty), decimalOrNull(presencePenalty),
                stops.isEmpty() ? null : stops, seedValue == null ? null : seedValue.longValueExact());
    }

    void clearErrors() {
        FieldErrors.clear(model);
        byName.values().forEach(FieldErrors::clear);
    }

    /** Shows a problem with the model or a parameter at its field; false when it is about something else. */
    boolean show(Violation violation) {
        String field = String.valueOf(violation.field());
        if (field.equals("model")) {
            FieldErrors.mark(model, violation.message());
            return true;
        }
        if (!field.startsWith("parameters.")) {
            return false;
        }
        String name = field.substring("parameters.".length()).replaceFirst("\\[\\d+]$", "");
        HasValidation target = byName.get(name);
        if (target == null) {
            return false;
        }
        FieldErrors.mark(target, violation.message());
        return true;
    }

    private String label(ModelOffer offer) {
        return getTranslation("editor.model-label", offer.name(), offer.providerId(), offer.id(), price(offer));
    }

    private String price(ModelOffer offer) {
        if (offer.free()) {
            return getTranslation("editor.model-free");
        }
        var pricing = offer.pricing();
        if (pricing == null || pricing.prompt() == null || pricing.completion() == null) {
            return getTranslation("editor.model-variable-price");
        }
        BigDecimal million = BigDecimal.valueOf(1_000_000);
        String perToken = getTranslation("editor.model-price", pricing.prompt().multiply(million),
                pricing.completion().multiply(million));
        if (pricing.request() == null || pricing.request().signum() == 0) {
            return perToken;
        }
        return perToken + " " + getTranslation("editor.model-request-price", pricing.request());
    }

    private static boolean check(TextField field, boolean ok, String message) {
        if (!ok) {
            FieldErrors.mark(field, message);
        }
        return ok;
    }

    private TextField numberField(String id, String label, String range) {
        TextField field = new TextField(label);
        field.setId(id);
        field.setHelperText(range);
        field.setClearButtonVisible(true);
        return field;
    }

    private static BigDecimal decimalOrNull(TextField field) {
        String text = field.getValue().strip().replace(',', '.').replace('−', '-');
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A whole number that fits its parameter (int for max tokens, long for the seed), or null. */
    private BigDecimal wholeOrNull(TextField field) {
        BigDecimal value = decimalOrNull(field);
        if (value == null || value.stripTrailingZeros().scale() > 0) {
            return null;
        }
        boolean isInt = field == maxTokens;
        BigDecimal max = BigDecimal.valueOf(isInt ? Integer.MAX_VALUE : Long.MAX_VALUE);
        BigDecimal min = BigDecimal.valueOf(isInt ? Integer.MIN_VALUE : Long.MIN_VALUE);
        return value.compareTo(max) > 0 || value.compareTo(min) < 0 ? null : value.setScale(0);
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }
}
