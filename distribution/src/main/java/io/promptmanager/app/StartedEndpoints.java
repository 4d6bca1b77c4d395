package io.promptmanager.app;

/** The ports the API and the console actually listen on (differs from the settings when 0). */
record StartedEndpoints(int apiPort, int consolePort) {
}
