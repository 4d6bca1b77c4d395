package io.promptmanager.plugin.billing;

import java.net.URI;

/**
 * A request for the hosted customer portal.
 *
 * @param customerId the processor's customer id; never null
 * @param returnUrl  where the portal's "back" link leads; never null
 */
public record PortalRequest(String customerId, URI returnUrl) {
}
