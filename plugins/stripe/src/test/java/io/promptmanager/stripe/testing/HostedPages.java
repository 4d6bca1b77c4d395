package io.promptmanager.stripe.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.promptmanager.stripe.testing.StripeState.CheckoutSession;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Stand-ins for Stripe's hosted pages, so a browser test can follow the URLs the API returns: the
 * Checkout page ({@code /c/pay/<session>}) has a "Pay" button that completes the session as
 * {@link FakeStripe#completeCheckout} does and redirects to its {@code success_url} (with
 * {@code {CHECKOUT_SESSION_ID}} replaced, as Stripe does) and a "Cancel" link to its
 * {@code cancel_url}; the portal ({@code /p/session/<token>}) links back to its {@code return_url}.
 */
final class HostedPages implements HttpHandler {
    private final StripeState state;
    private final Consumer<String> completeCheckout;

    HostedPages(StripeState state, Consumer<String> completeCheckout) {
        this.state = state;
        this.completeCheckout = completeCheckout;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/p/session/")) {
                String returnUrl;
                synchronized (state) {
                    returnUrl = state.portalReturnUrls.get(path.substring("/p/session/".length()));
                }
                page(exchange, returnUrl == null ? 404 : 200, "<h1>Fake Stripe customer portal</h1>"
                        + (returnUrl == null ? "" : "<a id=\"return\" href=\"" + html(returnUrl) + "\">Return</a>"));
                return;
            }
            String sessionId = path.substring("/c/pay/".length());
            CheckoutSession session;
            synchronized (state) {
                session = state.sessions.get(sessionId);
            }
            if (session == null || !session.status.equals("open")) {
                page(exchange, 404, "<h1>This checkout session is no longer available</h1>");
            } else if (exchange.getRequestMethod().equals("POST")) {
                completeCheckout.accept(sessionId);
                exchange.getResponseHeaders().set("Location",
                        session.successUrl.replace("{CHECKOUT_SESSION_ID}", sessionId));
                exchange.sendResponseHeaders(303, -1);
            } else {
                page(exchange, 200, "<h1>Fake Stripe Checkout</h1><form method=\"post\">"
                        + "<button id=\"pay\" type=\"submit\">Pay</button></form>"
                        + (session.cancelUrl == null ? "" : "<a id=\"cancel\" href=\"" + html(session.cancelUrl)
                        + "\">Cancel</a>"));
            }
        }
    }

    private static void page(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = ("<!doctype html><html><body>" + body + "</body></html>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}
