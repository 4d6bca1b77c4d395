package io.promptmanager.app;

import io.promptmanager.core.db.StartupException;

import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts Prompt Manager: {@code bin/prompt-manager} runs this with {@code -Dpm.home=<install folder>}.
 * The configuration file is {@code conf/application.yaml} under the home, or {@code PM_CONFIG}.
 * A start-up failure prints one line saying why and exits with status 1.
 */
public final class Main {
    private static final Logger LOG = Logger.getLogger(Main.class.getName());

    private Main() {
    }

    public static void main(String[] args) {
        Path home = Path.of(System.getProperty("pm.home", ".")).toAbsolutePath().normalize();
        String configured = System.getenv("PM_CONFIG");
        Path configFile = configured == null || configured.isBlank()
                ? home.resolve("conf").resolve("application.yaml") : Path.of(configured);
        try {
            ShutdownLogManager.installed().ifPresent(ShutdownLogManager::holdUntilShutdownCompletes);
            AppSettings settings = ConfigLoader.load(home, configFile, System.getenv());
            Application application = Application.start(settings);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                LOG.info("Shutting down: finishing requests in flight");
                application.close();
                LOG.info("Stopped");
                ShutdownLogManager.installed().ifPresent(ShutdownLogManager::resetAfterShutdown);
            }, "shutdown"));
            printWelcome(settings, application.endpoints());
        } catch (StartupException e) {
            LOG.log(Level.FINE, "Start-up failed", e);
            System.err.println("Prompt Manager could not start: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void printWelcome(AppSettings settings, StartedEndpoints endpoints) {
        System.out.println("""
                Prompt Manager is running
                  console:  http://localhost:%d/   (sign in as %s)
                  API:      http://localhost:%d/api/v1/   (OpenAPI at /openapi, health at /observe/health)
                  data:     %s
                Press Ctrl-C to stop.""".formatted(endpoints.consolePort(), settings.adminEmail(),
                endpoints.apiPort(), settings.dataDir()));
    }
}
