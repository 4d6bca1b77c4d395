package io.promptmanager.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs wrk, the C load generator: far cheaper per request than a Java client, which matters on
 * two cores shared with everything measured. A Lua script sets the request and, when the run
 * ends, writes its counters and {@value #QUANTILES} evenly spaced latency quantiles to a file
 * (wrk 4.1's Lua API gives percentiles, not the raw histogram).
 */
final class Wrk {
    static final int QUANTILES = 1000;
    private static final String WRK = System.getProperty("bench.wrk", "/usr/bin/wrk");
    private static final String DONE = """
            done = function(summary, latency, requests)
              local out = assert(io.open(os.getenv("WRK_RESULT"), "w"))
              out:write(string.format("requests %d\\nduration_us %d\\n", summary.requests, summary.duration))
              out:write(string.format("status_errors %d\\n", summary.errors.status))
              out:write(string.format("socket_errors %d\\n", summary.errors.connect + summary.errors.read
                  + summary.errors.write + summary.errors.timeout))
              local n = @QUANTILES@
              for i = 0, n - 1 do
                out:write(string.format("q %d\\n", latency:percentile((i + 0.5) * 100 / n)))
              end
              out:close()
            end
            """;

    /** What every connection sends, over and over. */
    record Request(String method, String url, Map<String, String> headers, String body) {
        static Request get(String url, Map<String, String> headers) {
            return new Request("GET", url, headers, null);
        }

        static Request postJson(String url, Map<String, String> headers, String body) {
            Map<String, String> all = new HashMap<>(headers);
            all.put("Content-Type", "application/json");
            return new Request("POST", url, all, body);
        }
    }

    private final Path workDir;
    private int runs;

    Wrk(Path workDir) {
        this.workDir = workDir;
    }

    static boolean installed() {
        return Files.isExecutable(Path.of(WRK));
    }

    /**
     * One closed-loop slice: {@code connections} connections, each sending its next request when
     * answered, for {@code duration} (whole seconds: wrk takes no finer unit).
     */
    SliceResult run(Request request, int connections, Duration duration) {
        if (duration.toSeconds() < 1 || duration.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("wrk runs whole seconds, not " + duration);
        }
        int run = ++runs;
        Path script = workDir.resolve("wrk-" + run + ".lua");
        Path result = workDir.resolve("wrk-" + run + ".out");
        try {
            Files.writeString(script, script(request));
            ProcessBuilder builder = new ProcessBuilder(WRK, "-t", Integer.toString(Math.min(2, connections)),
                    "-c", Integer.toString(connections), "-d", duration.toSeconds() + "s", "--timeout", "10s",
                    "-s", script.toString(), request.url())
                    .redirectErrorStream(true)
                    .redirectOutput(workDir.resolve("wrk-" + run + ".log").toFile());
            builder.environment().put("WRK_RESULT", result.toString());
            Process process = builder.start();
            if (!process.waitFor(duration.toMillis() + 30_000, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("wrk did not finish: " + request.url());
            }
            if (process.exitValue() != 0 || !Files.exists(result)) {
                throw new IllegalStateException("wrk failed (exit " + process.exitValue() + "): "
                        + Files.readString(workDir.resolve("wrk-" + run + ".log")));
            }
            return parse(connections, Files.readAllLines(result));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            deleteQuietly(script);
            deleteQuietly(result);
        }
    }

    /** The Lua script wrk runs for {@code request}; it writes its summary to the file named by WRK_RESULT. */
    static String script(Request request) {
        StringBuilder lua = new StringBuilder();
        lua.append("wrk.method = ").append(quoted(request.method())).append('\n');
        if (request.body() != null) {
            lua.append("wrk.body = ").append(quoted(request.body())).append('\n');
        }
        request.headers().forEach((name, value) ->
                lua.append("wrk.headers[ ").append(quoted(name)).append(" ] = ").append(quoted(value)).append('\n'));
        return lua.append(DONE.replace("@QUANTILES@", Integer.toString(QUANTILES))).toString();
    }

    /** A Lua long string: no escaping needed as long as the text holds no "]==]". */
    private static String quoted(String text) {
        if (text.contains("]==]")) {
            throw new IllegalArgumentException("text not quotable for Lua: " + text);
        }
        return "[==[" + text + "]==]";
    }

    private static SliceResult parse(int connections, List<String> lines) {
        Map<String, Long> counters = new HashMap<>();
        List<Long> quantiles = new ArrayList<>(QUANTILES);
        for (String line : lines) {
            String[] parts = line.split(" ");
            if (parts[0].equals("q")) {
                quantiles.add(Long.parseLong(parts[1]));
            } else {
                counters.put(parts[0], Long.parseLong(parts[1]));
            }
        }
        return new SliceResult(connections, counters.get("requests"), counters.get("duration_us"),
                counters.get("status_errors"), counters.get("socket_errors"),
                quantiles.stream().mapToLong(Long::longValue).toArray());
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a leftover file in target/ is harmless
        }
    }
}
