package io.promptmanager.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** The built zip unpacked into a temporary folder, as an operator would install it. */
final class InstalledDistribution {
    private final Path home;

    private InstalledDistribution(Path home) {
        this.home = home;
    }

    static InstalledDistribution unzip() {
        Path zip = Path.of(System.getProperty("pm.distribution.zip"));
        try {
            Path target = Files.createTempDirectory("pm-dist");
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                    Path out = target.resolve(entry.getName()).normalize();
                    if (entry.isDirectory()) {
                        Files.createDirectories(out);
                    } else {
                        Files.createDirectories(out.getParent());
                        Files.copy(in, out);
                    }
                }
            }
            try (var children = Files.list(target)) {
                Path home = children.findFirst().orElseThrow();
                // zip entries carry no execute bit through ZipInputStream; an unzip tool restores it
                Files.setPosixFilePermissions(home.resolve("bin/prompt-manager"), PosixFilePermissions.fromString("rwxr-xr-x"));
                return new InstalledDistribution(home);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path home() {
        return home;
    }

    /** Starts bin/prompt-manager with the test JVM's Java and the given environment. */
    RunningProcess launch(Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/prompt-manager").toString());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("PM_"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.putAll(environment);
        try {
            return new RunningProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> env(Object... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(String.valueOf(pairs[i]), String.valueOf(pairs[i + 1]));
        }
        return env;
    }

    static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes());
    }
}
