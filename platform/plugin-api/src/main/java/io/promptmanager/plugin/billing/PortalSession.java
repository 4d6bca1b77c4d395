package io.promptmanager.plugin.billing;

import java.net.URI;

/**
 * A hosted customer-portal session.
 *
 * @param url the page to send the user to; never null
 */
public record PortalSession(URI url) {
}
