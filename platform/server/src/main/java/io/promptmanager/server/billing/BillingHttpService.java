package io.promptmanager.server.billing;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.promptmanager.core.billing.BillingService;
import io.promptmanager.core.billing.CancelMode;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.user.Actor;
import io.promptmanager.plugin.billing.BillingInterval;
import io.promptmanager.server.http.ApiJson;
import io.promptmanager.server.http.Auth;
import io.promptmanager.server.http.Responses;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * {@code /api/v1/billing}: the caller's PRO subscription — overview, checkout, customer portal,
 * cancellation. The plan itself changes only through the processor's webhooks.
 */
public final class BillingHttpService implements HttpService {
    private final BillingService billing;

    public BillingHttpService(BillingService billing) {
        this.billing = billing;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::overview)
                .post("/checkout", this::checkout)
                .post("/portal", this::portal)
                .get("/cancellation", this::cancellation)
                .post("/cancel", this::cancel);
    }

    private void overview(ServerRequest request, ServerResponse response) {
        Responses.ok(response, BillingOverviewDto.from(billing.overview(Auth.actor(request))));
    }

    private void checkout(ServerRequest request, ServerResponse response) {
        Actor actor = Auth.actor(request);
        var body = ApiJson.read(request, BillingRequests.Checkout.class);
        var started = billing.startCheckout(actor, WireNames.parse("interval", body.interval(), BillingInterval.class));
        Responses.ok(response, new BillingRequests.CheckoutStarted(started.url().toString(), started.sessionId()));
    }

    private void portal(ServerRequest request, ServerResponse response) {
        Actor actor = Auth.actor(request);
        URI returnUrl = ApiJson.readOptional(request, BillingRequests.Portal.class)
                .map(BillingRequests.Portal::returnUrl).map(BillingHttpService::uri).orElse(null);
        Responses.ok(response, new BillingRequests.Link(billing.openPortal(actor, returnUrl).toString()));
    }

    private void cancellation(ServerRequest request, ServerResponse response) {
        Responses.ok(response, CancellationDto.from(billing.cancellationOptions(Auth.actor(request))));
    }

    private void cancel(ServerRequest request, ServerResponse response) {
        Actor actor = Auth.actor(request);
        var body = ApiJson.read(request, BillingRequests.Cancel.class);
        var result = billing.cancel(actor, WireNames.parse("mode", body.mode(), CancelMode.class));
        Responses.ok(response, CancellationDto.Result.from(result));
    }

    private static URI uri(String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw DomainException.invalid("returnUrl", "must be an absolute http or https address");
        }
    }
}
