package io.promptmanager.app;

import io.promptmanager.core.CoreServices;
import io.promptmanager.server.ApiServer;
import io.promptmanager.ui.ConsoleContext;
import io.promptmanager.ui.ConsoleServer;

import java.util.Deque;

/** Opens the two doors of the platform: the REST API and the web console. */
final class Endpoints {
    private Endpoints() {
    }

    /** Starts both servers, pushing each on {@code started} so a later failure stops it. */
    static StartedEndpoints start(AppSettings settings, CoreServices core, Deque<AutoCloseable> started) {
        ApiServer api = ApiServer.start(settings.api(), core);
        started.push(api);
        ConsoleServer console = ConsoleServer.start(settings.console(), new ConsoleContext(core, settings.accounts()));
        started.push(console);
        return new StartedEndpoints(api.port(), console.port());
    }
}
