package io.promptmanager.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;

/**
 * CPU time and memory of other processes, read from Linux's /proc: the server, PostgreSQL
 * backends and the reference gateway are separate processes, and /proc is what the kernel
 * itself accounts (every thread included, GC and JIT too).
 */
final class ProcStat {
    // USER_HZ: the unit of utime/stime in /proc/<pid>/stat; 100 on every Linux build this runs on.
    private static final long NANOS_PER_TICK = 10_000_000L;

    private ProcStat() {
    }

    /** User + system CPU time the process has used so far, in nanoseconds; 0 when it is gone. */
    static long cpuNanos(long pid) {
        long[] times = times(Path.of("/proc", Long.toString(pid), "stat"));
        return times == null ? 0 : times[0] + times[1];
    }

    /**
     * User and system CPU time in nanoseconds from a {@code stat} file of a process or of one of
     * its threads ({@code /proc/<pid>/task/<tid>/stat}); null when it is gone.
     */
    static long[] times(Path statFile) {
        String stat;
        try {
            stat = Files.readString(statFile);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The command name (field 2) may hold spaces; fields are counted after its closing parenthesis.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new long[] {Long.parseLong(fields[11]) * NANOS_PER_TICK, Long.parseLong(fields[12]) * NANOS_PER_TICK};
    }

    static long cpuNanos(Collection<Long> pids) {
        return pids.stream().mapToLong(ProcStat::cpuNanos).sum();
    }

    /** Resident memory now (VmRSS), in bytes. */
    static long residentBytes(long pid) {
        return status(pid, "VmRSS:");
    }

    /** The most resident memory the process ever had (VmHWM), in bytes. */
    static long peakResidentBytes(long pid) {
        return status(pid, "VmHWM:");
    }

    private static long status(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).replace("kB", "").trim()) * 1024;
                }
            }
            return 0;
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
