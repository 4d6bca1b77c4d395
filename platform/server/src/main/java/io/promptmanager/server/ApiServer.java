package io.promptmanager.server;

import io.helidon.http.DirectHandler.EventType;
import io.helidon.openapi.OpenApiFeature;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import io.promptmanager.core.CoreServices;
import io.promptmanager.core.db.StartupException;
import io.promptmanager.server.http.ApiRoute;
import io.promptmanager.server.http.DatabaseHealthCheck;
import io.promptmanager.server.http.ProblemDirectHandler;
import io.promptmanager.server.http.RouteTable;

import java.util.List;
import java.util.logging.Logger;

/**
 * The Helidon WebServer of the public API ({@code /api/v1/**}), health and metrics
 * ({@code /observe/**}) and the OpenAPI document ({@code /openapi}). Start it with
 * {@link #start}; {@link #close} stops it, letting in-flight requests finish within the grace
 * period. It registers no JVM shutdown hook: the wiring place stops it in order.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ApiServer.class.getName());
    private static final String OPENAPI_DOCUMENT = "META-INF/openapi.yaml";

    private final WebServer webServer;
    private final RouteTable routes;

    private ApiServer(WebServer webServer, RouteTable routes) {
        this.webServer = webServer;
        this.routes = routes;
    }

    /**
     * Starts listening.
     *
     * @throws StartupException when the port is already in use (one line for the operator)
     */
    public static ApiServer start(ApiServerSettings settings, CoreServices core) {
        RouteTable routes = new RouteTable();
        WebServer webServer = WebServer.builder()
                .host(settings.host())
                .port(settings.port())
                .maxPayloadSize(settings.maxPayloadSize())
                .shutdownGracePeriod(settings.shutdownGracePeriod())
                .shutdownHook(false)
                .featuresDiscoverServices(false)
                .directHandlers(problemHandlers(settings.maxPayloadSize()))
                .addProtocol(http1())
                .addFeature(observe(core))
                .addFeature(OpenApiFeature.builder().staticFile(OPENAPI_DOCUMENT).build())
                .routing(ApiRouting.create(core, routes))
                .build();
        webServer.start();
        if (!webServer.isRunning()) {
            webServer.stop();
            throw new StartupException("API port " + settings.port() + " is already in use");
        }
        LOG.info(() -> "API listening on http://" + settings.host() + ":" + webServer.port()
                + " (OpenAPI at /openapi, health at /observe/health)");
        return new ApiServer(webServer, routes);
    }

    /**
     * HTTP/1.1 as Helidon configures it, except that response headers are not validated again on
     * the way out: the handlers set only values they built from validated input (slugs, ids,
     * numbers, dates), and the check took about 5 % of the Java time of a cached production fetch.
     * Request headers, which clients control, are still validated.
     */
    private static Http1Config http1() {
        return Http1Config.builder()
                .validateResponseHeaders(false)
                .build();
    }

    private static ObserveFeature observe(CoreServices core) {
        return ObserveFeature.builder()
                .observersDiscoverServices(false)
                .addObserver(HealthObserver.builder()
                        .details(true)
                        .addCheck(new DatabaseHealthCheck(core.database()))
                        .build())
                .addObserver(MetricsObserver.create())
                .build();
    }

    private static DirectHandlers problemHandlers(long maxPayloadSize) {
        ProblemDirectHandler handler = new ProblemDirectHandler(maxPayloadSize);
        DirectHandlers.Builder builder = DirectHandlers.builder();
        for (EventType type : EventType.values()) {
            builder.addHandler(type, handler);
        }
        return builder.build();
    }

    /** The bound port (the real one when the settings asked for port 0). */
    public int port() {
        return webServer.port();
    }

    public boolean isRunning() {
        return webServer.isRunning();
    }

    /** Every API route the server registered (method + path template), as the OpenAPI test reads them. */
    public List<ApiRoute> routes() {
        return routes.routes();
    }

    @Override
    public void close() {
        if (webServer.isRunning()) {
            webServer.stop();
        }
    }
}
