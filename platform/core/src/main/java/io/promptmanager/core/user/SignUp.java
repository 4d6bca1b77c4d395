package io.promptmanager.core.user;

/** A self sign-up request from the console. */
public record SignUp(String email, String password, String displayName) {
    @Override
    public String toString() {
        return "SignUp[email=" + email + ", displayName=" + displayName + "]";
    }
}
