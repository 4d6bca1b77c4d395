package io.promptmanager.core.user;

import io.promptmanager.core.common.Validator;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;

/** The shape of e-mails, display names and passwords, shared by sign-up and administration. */
final class AccountRules {
    static final int MAX_PASSWORD_LENGTH = 1024;
    static final int MAX_DISPLAY_NAME_LENGTH = 100;
    static final int GENERATED_PASSWORD_LENGTH = 24;
    private static final int MAX_EMAIL_LENGTH = 254;
    // Deliberately loose: a local part, one @, a domain without spaces. "admin@localhost" is valid.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}.][^@\\s\\p{Cntrl}]*");
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final int minPasswordLength;
    private final SecureRandom random = new SecureRandom();

    AccountRules(AccountSettings settings) {
        if (settings.minPasswordLength() < 1 || settings.minPasswordLength() > MAX_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("accounts.min-password-length must be between 1 and " + MAX_PASSWORD_LENGTH);
        }
        this.minPasswordLength = settings.minPasswordLength();
    }

    /** The key under which sign-in failures of one account are counted, whatever the letter case. */
    static String normaliseEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    static String strip(String value) {
        return value == null ? null : value.strip();
    }

    Validator checkAccount(Validator validator, String email, String displayName, String password) {
        checkEmail(validator, email);
        String name = strip(displayName);
        validator.check(name != null && !name.isEmpty(), "displayName", "display name is required");
        validator.check(name == null || name.codePointCount(0, name.length()) <= MAX_DISPLAY_NAME_LENGTH,
                "displayName", "display name must be at most " + MAX_DISPLAY_NAME_LENGTH + " characters");
        return checkPassword(validator, "password", password);
    }

    Validator checkEmail(Validator validator, String email) {
        String value = strip(email);
        return validator.check(value != null && value.length() <= MAX_EMAIL_LENGTH && EMAIL.matcher(value).matches(),
                "email", "e-mail address is not valid");
    }

    Validator checkPassword(Validator validator, String field, String password) {
        if (password == null) {
            return validator.check(false, field, "password is required");
        }
        int length = password.codePointCount(0, password.length());
        return validator
                .check(length >= minPasswordLength, field,
                        "password must be at least " + minPasswordLength + " characters")
                .check(password.length() <= MAX_PASSWORD_LENGTH, field,
                        "password must be at most " + MAX_PASSWORD_LENGTH + " characters");
    }

    /** A random password of letters and digits (about 143 bits), for a first administrator. */
    String generatePassword() {
        StringBuilder password = new StringBuilder(GENERATED_PASSWORD_LENGTH);
        for (int i = 0; i < GENERATED_PASSWORD_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
