package io.promptmanager.plugins.stripe;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Stripe's own example objects (see src/test/resources/README.md), and events made of them. */
final class StripeExamples {
    private StripeExamples() {
    }

    /** An example object, verbatim. */
    static JsonObject object(String resource) {
        return JsonParser.parseString(text(resource)).getAsJsonObject();
    }

    /**
     * Stripe's example event envelope ({@code stripe-openapi/event.json}) around {@code object}, with
     * the given type and API version, printed as Stripe prints webhook bodies.
     */
    static String event(String type, String apiVersion, JsonObject object) {
        JsonObject event = object("stripe-openapi/event.json");
        event.addProperty("type", type);
        event.addProperty("api_version", apiVersion);
        JsonObject data = new JsonObject();
        data.add("object", object);
        event.add("data", data);
        return new GsonBuilder().serializeNulls().setPrettyPrinting().create().toJson(event);
    }

    static String text(String resource) {
        try (InputStream in = StripeExamples.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
