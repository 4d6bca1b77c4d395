package io.promptmanager.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.promptmanager.core.apikey.ApiKeyService;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;

import java.util.List;
import java.util.logging.Logger;

/**
 * Runs before every route: refuses credentials in a query string (any path), and on
 * {@code /api/**} authenticates {@code Authorization: Bearer <api key>} through core and puts the
 * {@link io.promptmanager.core.user.Actor} in the request context. The payment processor's
 * webhooks ({@value #WEBHOOKS_PATH}/…) carry no key: their signature is checked instead, and their
 * handler never asks for an actor. Kept to header parsing plus one
 * core call, since the production endpoint is polled.
 */
public final class ApiKeyFilter implements Filter {
    private static final Logger LOG = Logger.getLogger(ApiKeyFilter.class.getName());
    private static final String API_PREFIX = "/api/";
    private static final String BEARER = "Bearer ";
    /** Where payment processors post their events, without an API key. */
    public static final String WEBHOOKS_PATH = "/api/v1/billing/webhooks";

    private final ApiKeyService apiKeys;

    public ApiKeyFilter(ApiKeyService apiKeys) {
        this.apiKeys = apiKeys;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        if (request.prologue().hasQuery()) {
            refuseCredentialsInQuery(request);
        }
        String path = request.prologue().uriPath().path();
        if ((path.startsWith(API_PREFIX) || path.equals("/api")) && !path.startsWith(WEBHOOKS_PATH + "/")) {
            request.context().register(apiKeys.authenticate(bearerToken(request)));
        }
        chain.proceed();
    }

    private static void refuseCredentialsInQuery(RoutingRequest request) {
        try {
            QueryCredentials.refuse(request.prologue().query());
        } catch (DomainException e) {
            LOG.warning(() -> "Refused a request with credentials in its query string: "
                    + request.prologue().method().text() + " " + request.prologue().uriPath().path()
                    + " from " + request.remotePeer().host() + "; a key sent in a URL should be revoked");
            throw e;
        }
    }

    private static String bearerToken(RoutingRequest request) {
        if (!request.headers().contains(HeaderNames.AUTHORIZATION)) {
            throw unauthenticated("Missing API key: send it as 'Authorization: Bearer <key>'");
        }
        List<String> values = request.headers().get(HeaderNames.AUTHORIZATION).allValues();
        String value = values.size() == 1 ? values.getFirst().trim() : "";
        if (!value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw unauthenticated("Send the API key as 'Authorization: Bearer <key>'");
        }
        String token = value.substring(BEARER.length()).trim();
        if (token.isEmpty()) {
            throw unauthenticated("Send the API key as 'Authorization: Bearer <key>'");
        }
        return token;
    }

    private static DomainException unauthenticated(String detail) {
        return new DomainException(ErrorCode.UNAUTHENTICATED, detail);
    }
}
