package io.promptmanager.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The packaged product as an operator runs it: the distribution zip unpacked into the work
 * folder and started with {@code bin/prompt-manager}, configured only through environment
 * variables. Its output goes to {@code product.log}.
 */
final class Product implements AutoCloseable {
    private static final String RUNNING = "Prompt Manager is running";

    private final Process process;
    private final Path log;
    private final int apiPort;

    private Product(Process process, Path log, int apiPort) {
        this.process = process;
        this.log = log;
        this.apiPort = apiPort;
    }

    /** Unzips {@code zip} into {@code folder}; answers the installation folder (the one holding bin/). */
    static Path install(Path zip, Path folder) {
        try {
            Files.createDirectories(folder);
            Path home = null;
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                    Path out = folder.resolve(entry.getName()).normalize();
                    if (!out.startsWith(folder)) {
                        throw new IllegalStateException("zip entry outside the folder: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(out);
                    } else {
                        Files.createDirectories(out.getParent());
                        Files.copy(in, out);
                    }
                    if (entry.getName().endsWith("/bin/prompt-manager")) {
                        home = out.getParent().getParent();
                    }
                }
            }
            if (home == null) {
                throw new IllegalStateException(zip + " holds no bin/prompt-manager");
            }
            // ZipInputStream drops the execute bit that unzip would restore.
            Files.setPosixFilePermissions(home.resolve("bin/prompt-manager"), PosixFilePermissions.fromString("rwxr-xr-x"));
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts {@code bin/prompt-manager} with the harness's Java and {@code environment} (inherited
     * PM_* variables removed) and waits until it says it is running.
     */
    static Product start(Path home, Map<String, String> environment, int apiPort, Path log, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/prompt-manager").toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("PM_") || name.equals("OPENROUTER_API_KEY"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.putAll(environment);
        env.put("PM_API_PORT", Integer.toString(apiPort));
        try {
            Product product = new Product(builder.start(), log, apiPort);
            product.awaitRunning(timeout);
            return product;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitRunning(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.readString(log).contains(RUNNING)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException("Prompt Manager did not start; its output:\n" + Files.readString(log));
            }
            sleep(Duration.ofMillis(100));
        }
    }

    /** The process id of the JVM (bin/prompt-manager execs Java). */
    long pid() {
        return process.pid();
    }

    int apiPort() {
        return apiPort;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + apiPort;
    }

    Path log() {
        return log;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop(process, Duration.ofSeconds(60));
    }

    /**
     * SIGTERM, as a service manager stops a process, then SIGKILL after {@code grace}.
     * ({@code Process.destroy()} would also close the pipes; the handle's does not.)
     */
    static void stop(Process process, Duration grace) {
        process.toHandle().destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
