package io.promptmanager.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A started platform process whose output is collected while it runs. */
final class RunningProcess implements AutoCloseable {
    private final Process process;
    private final StringBuffer stdout = new StringBuffer();
    private final StringBuffer stderr = new StringBuffer();

    RunningProcess(Process process) {
        this.process = process;
        pump(process.getInputStream(), stdout);
        pump(process.getErrorStream(), stderr);
    }

    private static void pump(InputStream in, StringBuffer sink) {
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    sink.append(line).append('\n');
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
    }

    /** Waits until stdout contains {@code text}; fails with both outputs when it does not appear. */
    void awaitOutput(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!stdout.toString().contains(text)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("'" + text + "' not printed; stdout:\n" + stdout + "\nstderr:\n" + stderr);
            }
            Thread.sleep(100);
        }
    }

    /** Sends SIGTERM (what Ctrl-C or a service manager does) and waits for the exit code. */
    int stop(Duration timeout) throws InterruptedException {
        // Process.destroy() would also close our ends of the pipes and lose the shutdown log
        process.toHandle().destroy();
        return awaitExit(timeout);
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("process did not end in " + timeout + "; stdout:\n" + stdout + "\nstderr:\n" + stderr);
        }
        Thread.sleep(200); // let the pumps drain
        return process.exitValue();
    }

    String stdout() {
        return stdout.toString();
    }

    String stderr() {
        return stderr.toString();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
