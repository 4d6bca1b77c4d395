package io.promptmanager.stripe.testing;

import java.security.SecureRandom;

/** Object ids shaped like Stripe's: a type prefix and random base-62 characters. */
final class Ids {
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /** {@code prefix_} and 24 random characters, e.g. {@code sub_1Pgc6rB7WZ01zgkWNy0Cn5nw}. */
    static String next(String prefix) {
        return prefix + "_" + random(24);
    }

    static String random(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}
