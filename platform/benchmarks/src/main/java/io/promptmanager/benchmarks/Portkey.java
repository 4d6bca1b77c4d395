package io.promptmanager.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The reference arm: Portkey's open-source AI gateway, {@value #PACKAGE}@{@value #VERSION}
 * from the npm registry, installed under the cache folder (once) and started with Node.js in
 * production mode. It forwards to the fake upstream as an OpenAI-compatible custom host. When it
 * cannot be installed or started (no network, no Node.js), the arm is skipped with the reason.
 */
final class Portkey implements AutoCloseable {
    static final String PACKAGE = "@portkey-ai/gateway";
    static final String VERSION = "1.15.2";
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final int port;

    private Portkey(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The gateway running, or why it is not. */
    record Launch(Portkey gateway, String skippedBecause) {
    }

    static Launch start(Path cacheDir, Path log) {
        if (Boolean.parseBoolean(System.getProperty("bench.skipPortkey", "false"))) {
            return new Launch(null, "skipped on request (-Dbench.skipPortkey=true)");
        }
        Path prefix = cacheDir.resolve("portkey-" + VERSION);
        Path entry = prefix.resolve("node_modules/" + PACKAGE + "/build/start-server.js");
        try {
            if (!Files.exists(entry)) {
                String failure = install(prefix, log);
                if (failure != null) {
                    return new Launch(null, failure);
                }
            }
            int port = Product.freePort();
            ProcessBuilder builder = new ProcessBuilder("node", entry.toString(), "--port=" + port, "--headless")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("NODE_ENV", "production");
            Portkey gateway = new Portkey(builder.start(), port);
            String failure = gateway.awaitReady(log);
            if (failure != null) {
                gateway.close();
                return new Launch(null, failure);
            }
            return new Launch(gateway, null);
        } catch (IOException e) {
            return new Launch(null, "Portkey could not be started: " + e.getMessage());
        }
    }

    /** npm install into {@code prefix}; null when it worked, else why not. */
    private static String install(Path prefix, Path log) throws IOException {
        Files.createDirectories(prefix);
        ProcessBuilder npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--no-save",
                "--fetch-retries=1", "--fetch-timeout=30000", "--prefix", prefix.toString(), PACKAGE + "@" + VERSION)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            Process process = npm.start();
            if (!process.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "npm install " + PACKAGE + "@" + VERSION + " did not finish in " + INSTALL_TIMEOUT.toMinutes()
                        + " min (no registry access?)";
            }
            if (process.exitValue() != 0) {
                List<String> lines = Files.readAllLines(log);
                return "npm install " + PACKAGE + "@" + VERSION + " failed: "
                        + (lines.isEmpty() ? "exit " + process.exitValue() : lines.getLast());
            }
            return null;
        } catch (IOException e) {
            return "npm is not available: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while installing Portkey";
        }
    }

    private String awaitReady(Path log) throws IOException {
        Http root = new Http(baseUrl(), null);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return "Portkey exited at start: " + Files.readString(log).strip();
            }
            try {
                if (root.get("/").status() == 200) {
                    return null;
                }
            } catch (UncheckedIOException notListeningYet) {
                // try again until the deadline
            }
            Product.sleep(Duration.ofMillis(200));
        }
        return "Portkey did not answer within " + START_TIMEOUT.toSeconds() + " s";
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    /** The headers that make Portkey forward to an OpenAI-compatible server at {@code upstreamBaseUrl}. */
    static Map<String, String> forwardingHeaders(String upstreamBaseUrl, String upstreamKey) {
        return Map.of("x-portkey-provider", "openai",
                "x-portkey-custom-host", upstreamBaseUrl,
                "Authorization", "Bearer " + upstreamKey);
    }

    @Override
    public void close() {
        Product.stop(process, Duration.ofSeconds(10));
    }
}
