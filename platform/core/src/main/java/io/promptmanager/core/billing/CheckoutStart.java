package io.promptmanager.core.billing;

import java.net.URI;

/**
 * A hosted checkout page opened for the user.
 *
 * @param url       where to send the user's browser to pay
 * @param sessionId the processor's checkout session id
 */
public record CheckoutStart(URI url, String sessionId) {
}
