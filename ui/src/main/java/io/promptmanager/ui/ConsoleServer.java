package io.promptmanager.ui;

import io.promptmanager.core.db.StartupException;
import org.eclipse.jetty.ee11.webapp.MetaInfConfiguration;
import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.eclipse.jetty.ee11.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.net.URL;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The web console: Vaadin on embedded Jetty (EE 11), in production mode, with WebSocket push.
 * Start it with {@link #start}; {@link #close()} stops taking new requests, lets in-flight ones
 * finish within {@link ConsoleSettings#shutdownGrace()}, then stops.
 */
public final class ConsoleServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ConsoleServer.class.getName());
    /** A file beside which the (otherwise empty) web root lies; Vaadin serves the app from the class path. */
    private static final String WEB_ROOT_MARKER = "/io/promptmanager/ui/webroot/ROOT";
    /** Vaadin and its add-ons are found by scanning jars and class folders on the class path. */
    private static final String SCANNED_CLASS_PATH = ".*\\.jar|.*/classes/.*";
    private static final String SESSION_COOKIE = "PM_CONSOLE_SESSION";

    private final Server server;
    private final ServerConnector connector;

    private ConsoleServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /**
     * Starts the console on {@code settings.host():settings.port()} with the services of
     * {@code context}.
     *
     * @throws StartupException with a one-line reason when the port is taken or the console cannot start
     */
    public static ConsoleServer start(ConsoleSettings settings, ConsoleContext context) {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("console");
        Server server = new Server(threads);
        server.setStopTimeout(settings.shutdownGrace().toMillis());
        server.setStopAtShutdown(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(httpConfiguration(settings)));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        // On close, idle keep-alive and push connections get this long before being dropped; half
        // the grace period at most, so that they never use it all up.
        connector.setShutdownIdleTimeout(Math.min(1_000, settings.shutdownGrace().toMillis() / 2));
        server.addConnector(connector);
        server.setHandler(new GracefulHandler(new SecurityHeaders(webApp(server, settings, context))));

        bind(connector, settings);
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            throw new StartupException("Console failed to start: " + rootMessage(e), e);
        }
        ConsoleServer console = new ConsoleServer(server, connector);
        LOG.info(() -> "Console listening on " + console.uri());
        return console;
    }

    /** The port the console listens on (the chosen one when the settings said 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The console's address, with {@code localhost} when it listens on every interface. */
    public URI uri() {
        String host = connector.getHost();
        if (host == null || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            host = "localhost";
        } else if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port() + "/");
    }

    public boolean isRunning() {
        return server.isRunning();
    }

    /** Stops gracefully; calling it again does nothing. */
    @Override
    public void close() {
        if (server.isStopped() || server.isStopping()) {
            return;
        }
        try {
            server.stop();
            LOG.info("Console stopped");
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Console did not stop cleanly", e);
        }
    }

    private static HttpConfiguration httpConfiguration(ConsoleSettings settings) {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        if (settings.trustForwardedHeaders()) {
            http.addCustomizer(new ForwardedRequestCustomizer());
        }
        return http;
    }

    private static WebAppContext webApp(Server server, ConsoleSettings settings, ConsoleContext context) {
        WebAppContext webApp = new WebAppContext();
        webApp.setContextPath("/");
        webApp.setBaseResource(webRoot(server));
        webApp.setAttribute(MetaInfConfiguration.CONTAINER_JAR_PATTERN, SCANNED_CLASS_PATH);
        webApp.setConfigurationDiscovered(true);
        webApp.setParentLoaderPriority(true);
        webApp.setThrowUnavailableOnStartupException(true);
        webApp.setAttribute(ConsoleContext.ATTRIBUTE, context);
        webApp.getSessionHandler().setSessionCookie(SESSION_COOKIE);
        webApp.getSessionHandler().setHttpOnly(true);
        webApp.getSessionHandler().setSameSite(HttpCookie.SameSite.LAX);
        webApp.getSessionHandler().setMaxInactiveInterval((int) settings.sessionTimeout().toSeconds());
        JakartaWebSocketServletContainerInitializer.configure(webApp, null);
        return webApp;
    }

    /** Mounted through the server's factory so that a web root inside a jar is unmounted when the server stops. */
    private static Resource webRoot(Server server) {
        URL marker = ConsoleServer.class.getResource(WEB_ROOT_MARKER);
        if (marker == null) {
            throw new StartupException("Console web root " + WEB_ROOT_MARKER + " is missing from the class path");
        }
        String url = marker.toExternalForm();
        return ResourceFactory.of(server).newResource(URI.create(url.substring(0, url.length() - "ROOT".length())));
    }

    private static void bind(ServerConnector connector, ConsoleSettings settings) {
        try {
            connector.open();
        } catch (IOException e) {
            stopQuietly(connector);
            if (isAddressInUse(e)) {
                throw new StartupException("Console port " + settings.port() + " is already in use", e);
            }
            throw new StartupException("Console cannot listen on " + settings.host() + ":" + settings.port()
                    + ": " + rootMessage(e), e);
        }
    }

    private static boolean isAddressInUse(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException && String.valueOf(cause.getMessage()).contains("in use")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse("").strip();
    }

    private static void stopQuietly(org.eclipse.jetty.util.component.LifeCycle lifeCycle) {
        try {
            lifeCycle.stop();
        } catch (Exception e) {
            LOG.log(Level.FINE, "Stopping after a failed start", e);
        }
    }
}
