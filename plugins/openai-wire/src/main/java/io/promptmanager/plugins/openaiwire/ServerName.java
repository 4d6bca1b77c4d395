package io.promptmanager.plugins.openaiwire;

/**
 * How messages name the server: a proper noun ({@code OpenRouter}: "the OpenRouter response") or a
 * common one ({@code the model server}: "the model server's response").
 *
 * @param object     the name inside a sentence, e.g. {@code OpenRouter} or {@code the model server}
 * @param properNoun true for a product name, false for a description
 */
public record ServerName(String object, boolean properNoun) {

    /** A product name, e.g. {@code OpenRouter}. */
    public static ServerName proper(String name) {
        return new ServerName(name, true);
    }

    /** A description starting in lower case, e.g. {@code the model server}. */
    public static ServerName common(String description) {
        return new ServerName(description, false);
    }

    /** The name at the start of a sentence: {@code OpenRouter}, {@code The model server}. */
    public String subject() {
        return capitalized(object);
    }

    /** {@code noun} of the server: "the OpenRouter response", "the model server's response". */
    public String whose(String noun) {
        return properNoun ? "the " + object + " " + noun : object + "'s " + noun;
    }

    /** {@code noun} qualified by the server: "the OpenRouter call", "the model server call". */
    public String the(String noun) {
        return properNoun ? "the " + object + " " + noun : object + " " + noun;
    }

    static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
