package io.promptmanager.stripe.testing;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON object built in field order, printed with its nulls as Stripe prints them
 * ({@code "cancel_at": null}) and indented with two spaces as Stripe's API answers are.
 */
final class Json {
    private static final Gson GSON = new GsonBuilder().serializeNulls().setPrettyPrinting().disableHtmlEscaping()
            .create();

    private final Map<String, Object> fields = new LinkedHashMap<>();

    static Json object() {
        return new Json();
    }

    /** A Stripe list object: {@code {"object": "list", "data": [...], "has_more": false, "url": ...}}. */
    static Json list(String url, List<?> data) {
        return object().put("object", "list").put("data", data).put("has_more", false).put("url", url);
    }

    static List<Object> array(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    Json put(String name, Object value) {
        fields.put(name, unwrap(value));
        return this;
    }

    Map<String, Object> fields() {
        return fields;
    }

    private static Object unwrap(Object value) {
        if (value instanceof Json json) {
            return json.fields;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Json::unwrap).toList();
        }
        return value;
    }

    @Override
    public String toString() {
        return GSON.toJson(fields);
    }
}
