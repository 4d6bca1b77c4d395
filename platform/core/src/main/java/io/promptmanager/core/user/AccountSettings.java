package io.promptmanager.core.user;

/** Account rules from configuration ({@code accounts.*}). */
public record AccountSettings(boolean signUpEnabled, int minPasswordLength) {
    public static AccountSettings defaults() {
        return new AccountSettings(true, 10);
    }
}
