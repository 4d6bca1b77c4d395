package io.promptmanager.plugins.openrouter;

import com.fasterxml.jackson.databind.JsonNode;
import io.promptmanager.plugin.model.KeyCheck;
import io.promptmanager.plugin.model.ModelInfo;
import io.promptmanager.plugin.model.ModelPricing;
import io.promptmanager.plugins.openaiwire.Json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The JSON of {@code GET /models} and {@code GET /key}. */
final class CatalogueCodec {
    private static final BigDecimal VARIABLE = BigDecimal.ONE.negate();
    private static final String FREE_SUFFIX = ":free";

    private CatalogueCodec() {
    }

    /**
     * The models of a {@code GET /models} answer ({@code {"data":[…]}}). Prices are per token in
     * USD, sent as strings; {@code "-1"} means variable (the router picks the model) and becomes
     * null. A model is free when its id ends with {@code :free}, or when its prompt and completion
     * prices are both zero (and it has no per-request price); a variable price is never free.
     * Entries without an id are skipped.
     *
     * @throws io.promptmanager.plugin.model.ProviderException MALFORMED_RESPONSE without a data array
     */
    static List<ModelInfo> models(byte[] body) {
        JsonNode data = Json.parse(body, OpenRouterWire.NAME).get("data");
        if (data == null || !data.isArray()) {
            throw Json.malformed(OpenRouterWire.NAME);
        }
        List<ModelInfo> models = new ArrayList<>(data.size());
        for (JsonNode model : data) {
            String id = Json.text(model, "id");
            if (id != null && !id.isBlank()) {
                models.add(model(id, model));
            }
        }
        return List.copyOf(models);
    }

    /**
     * A {@code GET /key} answer ({@code {"data":{…}}}) for a key OpenRouter accepted.
     *
     * @throws io.promptmanager.plugin.model.ProviderException MALFORMED_RESPONSE without a data object
     */
    static KeyCheck key(byte[] body) {
        JsonNode data = Json.objectAt(Json.parse(body, OpenRouterWire.NAME), "data");
        if (data == null) {
            throw Json.malformed(OpenRouterWire.NAME);
        }
        JsonNode freeTier = data.get("is_free_tier");
        return new KeyCheck(true, Json.text(data, "label"), Json.decimal(data, "limit_remaining"),
                freeTier != null && freeTier.asBoolean(false));
    }

    private static ModelInfo model(String id, JsonNode model) {
        JsonNode pricing = Json.objectAt(model, "pricing");
        BigDecimal prompt = Json.decimal(pricing, "prompt");
        BigDecimal completion = Json.decimal(pricing, "completion");
        BigDecimal request = Json.decimal(pricing, "request");
        boolean variable = isVariable(prompt) || isVariable(completion) || isVariable(request);
        boolean free = !variable && (id.endsWith(FREE_SUFFIX)
                || isZero(prompt) && isZero(completion) && (request == null || isZero(request)));
        String name = Json.text(model, "name");
        return new ModelInfo(id, name == null || name.isBlank() ? id : name, Json.count(model, "context_length"),
                new ModelPricing(price(prompt), price(completion), price(request)), free);
    }

    private static boolean isVariable(BigDecimal price) {
        return price != null && price.compareTo(VARIABLE) == 0;
    }

    private static boolean isZero(BigDecimal price) {
        return price != null && price.signum() == 0;
    }

    // Unknown, variable ("-1") or nonsensical negative prices are all "cannot be priced": null.
    private static BigDecimal price(BigDecimal price) {
        return price == null || price.signum() < 0 ? null : price;
    }
}
