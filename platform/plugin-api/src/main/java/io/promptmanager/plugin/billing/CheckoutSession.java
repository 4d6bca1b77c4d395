package io.promptmanager.plugin.billing;

import java.net.URI;

/**
 * A hosted checkout page.
 *
 * @param id  the processor's session id; never null
 * @param url the page to send the user to; never null
 */
public record CheckoutSession(String id, URI url) {
}
