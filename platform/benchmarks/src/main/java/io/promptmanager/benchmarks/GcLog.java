package io.promptmanager.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's GC log ({@code -Xlog:gc:file=…:utctime}), read for a window of wall-clock time:
 * every stop-the-world pause with its duration and the heap before and after it. Exact to the
 * microsecond, where the Prometheus GC counters round to whole seconds; and what young
 * collections free is what the application allocated.
 */
final class GcLog {
    private static final Pattern PAUSE = Pattern.compile(
            "^\\[([^]]+)].*GC\\(\\d+\\) Pause (\\S+).* (\\d+)M->(\\d+)M\\((\\d+)M\\) ([\\d.]+)ms$");
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private final Path file;

    GcLog(Path file) {
        this.file = file;
    }

    /** The JVM option that writes the log this class reads. */
    static String option(Path file) {
        return "-Xlog:gc:file=" + file + ":utctime";
    }

    /**
     * Pauses that ended within the window: how many, their total time, the most heap in use
     * before one and after one, and what young collections freed (≈ allocated meanwhile).
     */
    record Pauses(int count, double pauseMillis, long maxHeapBeforeMiB, long maxHeapAfterMiB, long heapCapacityMiB,
                  long youngFreedMiB) {
        static final Pauses NONE = new Pauses(0, 0, 0, 0, 0, 0);

        Pauses plus(Pauses other) {
            return new Pauses(count + other.count, pauseMillis + other.pauseMillis,
                    Math.max(maxHeapBeforeMiB, other.maxHeapBeforeMiB), Math.max(maxHeapAfterMiB, other.maxHeapAfterMiB),
                    Math.max(heapCapacityMiB, other.heapCapacityMiB), youngFreedMiB + other.youngFreedMiB);
        }
    }

    Pauses between(Instant from, Instant to) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            return Pauses.NONE;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Pauses total = Pauses.NONE;
        for (String line : lines) {
            Matcher m = PAUSE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            Instant at = OffsetDateTime.parse(m.group(1), UTC_TIME).toInstant();
            if (at.isBefore(from) || at.isAfter(to)) {
                continue;
            }
            long before = Long.parseLong(m.group(3));
            long after = Long.parseLong(m.group(4));
            // Remark and Cleanup pauses free nothing; their heap figures would read as live data.
            boolean collects = m.group(2).equals("Young") || m.group(2).equals("Full");
            total = total.plus(new Pauses(1, Double.parseDouble(m.group(6)), collects ? before : 0, collects ? after : 0,
                    Long.parseLong(m.group(5)), m.group(2).equals("Young") ? Math.max(0, before - after) : 0));
        }
        return total;
    }
}
