package io.promptmanager.server.billing;

import io.helidon.http.Header;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.promptmanager.core.billing.BillingWebhooks;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.server.http.Params;
import io.promptmanager.server.http.Responses;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /api/v1/billing/webhooks/{provider}}: the payment processor's events. No API key:
 * the billing provider verifies the signature over the raw body, which is therefore read as
 * bytes, never parsed here, never logged (nor is the signature header). 200 once applied or
 * when already applied; 400 for a bad signature; 5xx makes the processor deliver it again.
 */
public final class BillingWebhookHttpService implements HttpService {
    /** Larger than any processor event; bigger bodies are refused before being read. */
    public static final int MAX_BODY = 256 * 1024;

    private final BillingWebhooks webhooks;

    public BillingWebhookHttpService(BillingWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/{provider}", this::receive);
    }

    private void receive(ServerRequest request, ServerResponse response) {
        byte[] body = body(request);
        webhooks.receive(Params.path(request, "provider"), headers(request), body);
        Responses.ok(response, new BillingRequests.Received(true));
    }

    private static byte[] body(ServerRequest request) {
        if (request.headers().contentLength().orElse(0) > MAX_BODY) {
            throw tooLarge();
        }
        if (!request.content().hasEntity()) {
            return new byte[0];
        }
        try (InputStream in = request.content().inputStream()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw tooLarge();
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DomainException tooLarge() {
        return new DomainException(ErrorCode.PAYLOAD_TOO_LARGE, "A webhook body is at most " + MAX_BODY / 1024 + " KiB");
    }

    private static Map<String, List<String>> headers(ServerRequest request) {
        Map<String, List<String>> headers = new HashMap<>();
        for (Header header : request.headers()) {
            headers.put(header.name().toLowerCase(Locale.ROOT), List.copyOf(header.allValues()));
        }
        return headers;
    }
}
