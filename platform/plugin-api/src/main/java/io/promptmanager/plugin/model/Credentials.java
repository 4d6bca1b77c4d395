package io.promptmanager.plugin.model;

/**
 * Whose key a call runs on. {@link #system()} means the provider's own configured key (the
 * platform pays); {@link #user(String)} carries a user's own key for this call only (the user
 * pays). A provider must never keep a user key beyond the call, log it or put it in an
 * exception. {@link #toString()} never shows the key.
 *
 * @param apiKey the user's key, or null for the system key
 */
public record Credentials(String apiKey) {

    /** The provider's own configured key. */
    public static Credentials system() {
        return new Credentials(null);
    }

    /** A user's own key; never null or blank. */
    public static Credentials user(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("a user key must not be blank");
        }
        return new Credentials(apiKey);
    }

    /** True for a user's own key. */
    public boolean isUserKey() {
        return apiKey != null;
    }

    @Override
    public String toString() {
        return isUserKey() ? "Credentials[user key]" : "Credentials[system key]";
    }
}
