package io.promptmanager.stripe.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The webhook endpoint's signing secrets, newest first. Rolling a secret in Stripe's Dashboard with
 * an expiry leaves the old one active for a while, and Stripe then signs every event with each
 * active secret.
 */
final class SigningSecrets {
    private final List<String> active = new CopyOnWriteArrayList<>(List.of(newSecret()));

    String newest() {
        return active.getFirst();
    }

    List<String> active() {
        return List.copyOf(active);
    }

    String roll() {
        String secret = newSecret();
        active.addFirst(secret);
        return secret;
    }

    void expireOld() {
        active.retainAll(List.of(active.getFirst()));
    }

    private static String newSecret() {
        return "whsec_" + Ids.random(32);
    }
}
